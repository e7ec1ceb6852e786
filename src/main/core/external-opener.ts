/**
 * Opens URLs in the user's browser, only after the allowlist accepted them.
 */
import type { Effects } from '../effects/effects';
import { parseAllowedExternalUrl } from '../security/external-url';
import type { Logger } from './logger';
import { UserFacingError } from './user-facing-error';

/** Opens a URL that main built or received from AWS; refuses anything off the allowlist. */
export type ExternalOpener = (url: string) => Promise<void>;

/** Creates the opener; `loopbackOrigins` are the origins of a local emulator the person configured. */
export function createExternalOpener(effects: Effects, logger: Logger, loopbackOrigins: readonly string[]): ExternalOpener {
  return async (raw) => {
    const url = parseAllowedExternalUrl(raw, loopbackOrigins);
    if (url === null) {
      // SECURITY: never log the URL itself; sign-in URLs carry a token.
      logger.warn('refused to open a URL that is not on the allowlist');
      throw new UserFacingError('Rolecall will not open that address: it is not an AWS sign-in, console or portal page.');
    }
    await effects.openExternal(url);
  };
}

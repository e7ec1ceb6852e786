/**
 * Opens URLs in the user's browser, only after the allowlist accepted them.
 */
import type { ConsoleWindowSpec, Effects } from '../effects/effects';
import type { BrowserChoice } from '../../shared/browser-choice';
import { parseAllowedExternalUrl } from '../security/external-url';
import type { InstalledBrowser } from './browsers/browser-catalog';
import { browserLaunch } from './browsers/browser-launch';
import type { Logger } from './logger';
import { UserFacingError } from './user-facing-error';

/**
 * Opens a URL that main built or received from AWS, in the browser `choice` names (the system default when
 * absent); refuses anything off the allowlist.
 */
export type ExternalOpener = (url: string, choice?: BrowserChoice) => Promise<void>;

/** Opens a console sign-in URL in a Rolecall window; refuses anything off the allowlist. */
export type ConsoleWindowOpener = (url: string, window: ConsoleWindowSpec) => Promise<void>;

/**
 * Creates the opener; `loopbackOrigins` are the origins of a local emulator the person configured, and
 * `browsers` lists the browsers installed (looked up when a choice needs them).
 */
export function createExternalOpener(
  effects: Effects,
  logger: Logger,
  loopbackOrigins: readonly string[],
  browsers: () => Promise<readonly InstalledBrowser[]> = () => Promise.resolve([]),
): ExternalOpener {
  return async (raw, choice = { kind: 'system' }) => {
    const url = allowed(raw, logger, loopbackOrigins);
    const launch = choice.kind === 'system' ? ({ kind: 'system' } as const) : browserLaunch(choice, await browsers(), url.href);
    if (launch.kind === 'program') return effects.openInBrowser(url, launch);
    return effects.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: the URL is the one parseAllowedExternalUrl accepted; allowed() throws otherwise
  };
}

/** Creates the console-window opener, with the same allowlist as the browser opener. */
export function createConsoleWindowOpener(effects: Effects, logger: Logger, loopbackOrigins: readonly string[]): ConsoleWindowOpener {
  return async (raw, window) => effects.openConsoleWindow(allowed(raw, logger, loopbackOrigins), window);
}

function allowed(raw: string, logger: Logger, loopbackOrigins: readonly string[]): URL {
  const url = parseAllowedExternalUrl(raw, loopbackOrigins);
  if (url === null) {
    // SECURITY: never log the URL itself; sign-in URLs carry a token.
    logger.warn('refused to open a URL that is not on the allowlist');
    throw new UserFacingError('Rolecall will not open that address: it is not an AWS sign-in, console or portal page.');
  }
  return url;
}

/**
 * Admitting an Identity Center instance: the one set of checks the app's "Add instance" form, the app's
 * import of `~/.aws/config` sessions, `rolecall add` and `rolecall`'s adoption of those sessions all go
 * through, so a name or URL the app refuses is refused in the terminal with the same words.
 */
import { randomUUID } from 'node:crypto';
import { validateInstanceInput, type FieldErrors, type InstanceInput } from '../../../shared/instance-input';
import type { DiscoveredSession } from '../../../shared/snapshot';
import type { PersistedInstance } from '../persistence/persisted-state';
import { discoverSessions, existingSessionStartUrl } from './config-sessions';

/** The new instance, or a message per field that needs fixing. */
export type Admission = { readonly kind: 'admitted'; readonly instance: PersistedInstance } | { readonly kind: 'invalid'; readonly errors: FieldErrors };

/**
 * Checks an instance against those already added and the `[sso-session]` sections of the config file (a
 * section of the same name for another start URL is never taken over), and gives it a fresh id.
 */
export async function admitInstance(input: InstanceInput, existing: readonly PersistedInstance[], configFile: string): Promise<Admission> {
  const trimmed = { ...input, startUrl: input.startUrl.trim() };
  const errors = validateInstanceInput(trimmed, existing);
  const existingUrl = trimmed.tokenStorage === 'aws-cli' ? await existingSessionStartUrl(configFile, trimmed.sessionName) : undefined;
  if (errors.sessionName === undefined && existingUrl !== undefined && existingUrl !== trimmed.startUrl) {
    errors.sessionName = `${configFile} already has [sso-session ${trimmed.sessionName}] for ${existingUrl}. Choose another name.`;
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  return { kind: 'admitted', instance: { id: randomUUID(), ...trimmed } };
}

/** An instance adopted from the config file, and the section it came from. */
export interface Adopted {
  readonly instance: PersistedInstance;
  readonly source: DiscoveredSession;
}

/**
 * Admits every `[sso-session]` and legacy `sso_start_url` profile of the config file that is not added
 * yet (those `wanted` accepts), as the app's import does: token shared with the AWS CLI.
 */
export async function adoptConfigSessions(
  configFile: string,
  existing: readonly PersistedInstance[],
  wanted: (offer: DiscoveredSession) => boolean = () => true,
): Promise<Adopted[]> {
  const adopted: Adopted[] = [];
  for (const offer of await discoverSessions(configFile, existing)) {
    if (!wanted(offer)) continue;
    const input = { sessionName: offer.sessionName, startUrl: offer.startUrl, region: offer.region, tokenStorage: 'aws-cli' as const };
    const admission = await admitInstance(input, [...existing, ...adopted.map((a) => a.instance)], configFile);
    if (admission.kind === 'admitted') adopted.push({ instance: admission.instance, source: offer });
  }
  return adopted;
}

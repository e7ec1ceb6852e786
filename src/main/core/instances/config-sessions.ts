/**
 * Rolecall's part of `~/.aws/config`: the `[sso-session NAME]` section of each shared instance, and the
 * sessions already there that Rolecall offers to import.
 */
import { setSection } from '../aws-files/config-editor';
import type { ConfigResult } from '../aws-files/config-model';
import { readConfigFile, updateConfigFile } from '../aws-files/config-file';
import { findSsoSessions, readConfig } from '../aws-files/config-reader';
import type { DiscoveredSession } from '../../../shared/snapshot';
import { deriveSessionName } from '../../../shared/instance-input';
import { ACCOUNT_ACCESS_SCOPE } from '../sign-in/registration';

/** The instance fields that make up its `[sso-session]` section. */
export interface SessionSection {
  readonly sessionName: string;
  readonly startUrl: string;
  readonly region: string;
}

/** Writes (or updates in place) the instance's `[sso-session]` section; other lines stay byte for byte. */
export async function writeSessionSection(configFile: string, session: SessionSection): Promise<{ ok: true } | { ok: false; reason: string }> {
  const result = await updateConfigFile(configFile, (text) => setSessionSection(text, session));
  return result.kind === 'refused' ? { ok: false, reason: result.reason } : { ok: true };
}

/** Sets the instance's `[sso-session]` section in config text, as `aws configure sso` writes it. */
export function setSessionSection(text: string, session: SessionSection): ConfigResult<string> {
  return setSection(text, { kind: 'sso-session', name: session.sessionName }, {
    sso_start_url: session.startUrl,
    sso_region: session.region,
    sso_registration_scopes: ACCOUNT_ACCESS_SCOPE,
  });
}

/** The start URL an existing `[sso-session NAME]` names, if the config has that section. */
export async function existingSessionStartUrl(configFile: string, sessionName: string): Promise<string | undefined> {
  const read = await readConfigFile(configFile);
  if (read.kind !== 'ok') return undefined;
  const view = readConfig(read.text);
  return view.ok ? view.value.ssoSessions.get(sessionName)?.get('sso_start_url') : undefined;
}

/** The sessions and legacy SSO profiles in the config that are not added yet. */
export async function discoverSessions(
  configFile: string,
  added: readonly { sessionName: string; startUrl: string }[],
): Promise<DiscoveredSession[]> {
  const read = await readConfigFile(configFile);
  if (read.kind !== 'ok') return [];
  const found = findSsoSessions(read.text);
  if (!found.ok) return [];
  const offers: DiscoveredSession[] = [];
  const taken = (name: string, url: string): boolean =>
    [...added, ...offers].some((a) => a.sessionName === name || a.startUrl === url);
  for (const s of found.value.sessions) {
    if (s.startUrl !== undefined && s.region !== undefined && !taken(s.name, s.startUrl)) {
      offers.push({ sessionName: s.name, startUrl: s.startUrl, region: s.region, source: `[sso-session ${s.name}]` });
    }
  }
  for (const p of found.value.legacyProfiles) {
    const name = deriveSessionName(p.startUrl);
    if (p.region !== undefined && name !== '' && !taken(name, p.startUrl)) {
      offers.push({ sessionName: name, startUrl: p.startUrl, region: p.region, source: `[profile ${p.profile}]` });
    }
  }
  return offers;
}

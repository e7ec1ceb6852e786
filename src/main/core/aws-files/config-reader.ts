import { parseConfig } from './config-lexer';
import type { ConfigDocument, ConfigResult, ConfigValues, ConfigView } from './config-model';
import { effectiveKey } from './config-model';
import { refOfSectionKey } from './config-sections';

/** An `[sso-session]` section, as offered for import on first run. */
export interface SsoSessionSummary {
  readonly name: string;
  readonly startUrl: string | undefined;
  readonly region: string | undefined;
  /** `sso_registration_scopes`, split on commas and trimmed as the tools do. */
  readonly registrationScopes: readonly string[] | undefined;
}

/** A legacy profile (`sso_start_url` in the profile itself, no `sso_session`). */
export interface LegacySsoProfileSummary {
  readonly profile: string;
  readonly startUrl: string;
  readonly region: string | undefined;
  readonly accountId: string | undefined;
  readonly roleName: string | undefined;
}

/** The IAM Identity Center sign-ins a config file already describes. */
export interface SsoConfigSummary {
  readonly sessions: readonly SsoSessionSummary[];
  readonly legacyProfiles: readonly LegacySsoProfileSummary[];
}

/**
 * Reads a config file the way the JS SDK's `loadSharedConfigFiles` does.
 *
 * Same section naming (`[profile "x"]` and `[profile.x]` are profile `x`; `[profile default]` replaces
 * `[default]` entirely when it has values), duplicate sections merged with the last value winning, values
 * cut at an inline ` #` / ` ;` comment and trimmed, nested blocks as `block.name`, continuation lines and
 * `__proto__` ignored, sections without values absent. Fails only when the file does not parse.
 */
export function readConfig(text: string): ConfigResult<ConfigView> {
  const parsed = parseConfig(text);
  return parsed.ok ? { ok: true, value: viewOf(parsed.value) } : parsed;
}

/** Builds the SDK's reading of a parsed document. */
export function viewOf(doc: ConfigDocument): ConfigView {
  const raw = rawSections(doc);
  const profiles = new Map<string, ConfigValues>();
  const ssoSessions = new Map<string, ConfigValues>();
  const services = new Map<string, ConfigValues>();
  const plainDefault = raw.get('default');
  if (plainDefault) profiles.set('default', plainDefault);
  for (const [key, values] of raw) {
    if (key === 'default') continue;
    const ref = refOfSectionKey(key);
    // `[profile default]` replaces `[default]` outright, as in the SDK's `getConfigData`.
    if (ref?.kind === 'default') profiles.set('default', values);
    else if (ref?.kind === 'profile') profiles.set(ref.name, values);
    else if (ref?.kind === 'sso-session') ssoSessions.set(ref.name, values);
    else if (ref?.kind === 'services') services.set(ref.name, values);
  }
  return { profiles, ssoSessions, services };
}

/**
 * Lists the sso-sessions and legacy SSO profiles in a config file, for a first-run import offer.
 */
export function findSsoSessions(text: string): ConfigResult<SsoConfigSummary> {
  const read = readConfig(text);
  if (!read.ok) return read;
  const sessions = [...read.value.ssoSessions].map(([name, values]) => ({
    name,
    startUrl: values.get('sso_start_url'),
    region: values.get('sso_region'),
    registrationScopes: splitScopes(values.get('sso_registration_scopes')),
  }));
  const legacyProfiles: LegacySsoProfileSummary[] = [];
  for (const [profile, values] of read.value.profiles) {
    const startUrl = values.get('sso_start_url');
    if (startUrl === undefined || values.has('sso_session')) continue;
    legacyProfiles.push({
      profile,
      startUrl,
      region: values.get('sso_region'),
      accountId: values.get('sso_account_id'),
      roleName: values.get('sso_role_name'),
    });
  }
  return { ok: true, value: { sessions, legacyProfiles } };
}

// Mirrors `parseIni`: values filed under the SDK's section key, later lines overwriting earlier ones.
function rawSections(doc: ConfigDocument): Map<string, Map<string, string>> {
  const raw = new Map<string, Map<string, string>>();
  let current: string | undefined;
  for (const line of doc.lines) {
    if (line.kind === 'header') current = line.section.raw;
    if (line.kind !== 'key' || !current) continue;
    const key = effectiveKey(line);
    // The SDK assigns into a plain object, where `__proto__` is silently not stored.
    if (key === undefined || key === '__proto__') continue;
    const values = raw.get(current) ?? new Map<string, string>();
    values.set(key, line.value);
    raw.set(current, values);
  }
  return raw;
}

function splitScopes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

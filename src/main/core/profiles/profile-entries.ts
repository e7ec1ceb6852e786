/**
 * The settings of a profile Rolecall writes, in either style, and how to tell what a profile points at.
 */
import type { ProfileStyle } from '../../../shared/profiles';
import type { ConfigValues } from '../aws-files/config-model';

export type { ProfileStyle } from '../../../shared/profiles';

/** The instance a profile signs in through. */
export interface ProfileInstance {
  readonly sessionName: string;
  readonly startUrl: string;
  /** The Identity Center region (`sso_region`). */
  readonly region: string;
}

/** One account and role, and the region its tools should use. */
export interface ProfileTarget {
  readonly accountId: string;
  readonly roleName: string;
  readonly region: string;
}

/**
 * Every setting that chooses where a profile's credentials come from. Rolecall removes the ones it does
 * not write from a profile it takes over, so exactly one source is left (the JS SDK and the AWS CLI pick
 * between several sources in different orders).
 */
export const CREDENTIAL_SOURCE_KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'credential_process',
  'credential_source',
  'role_arn',
  'source_profile',
  'role_session_name',
  'external_id',
  'mfa_serial',
  'duration_seconds',
  'web_identity_token_file',
  'login_session',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
] as const;

/** The settings of a profile for an account and role, in a style. */
export function profileEntries(style: ProfileStyle, instance: ProfileInstance, target: ProfileTarget): Record<string, string> {
  const source: Record<string, string> =
    style === 'sso-session'
      ? { sso_session: instance.sessionName }
      : { sso_start_url: instance.startUrl, sso_region: instance.region };
  return { ...source, sso_account_id: target.accountId, sso_role_name: target.roleName, region: target.region };
}

/** The credential-source settings a profile has that Rolecall's would not replace. */
export function staleSourceKeys(values: ConfigValues | undefined, entries: Readonly<Record<string, string>>): string[] {
  if (values === undefined) return [];
  return CREDENTIAL_SOURCE_KEYS.filter((key) => values.has(key) && !(key in entries));
}

/** What a profile in the config signs in to, if it is an SSO profile of this instance. */
export function pointsAt(values: ConfigValues | undefined, instance: ProfileInstance): { accountId: string; roleName: string } | undefined {
  if (values === undefined) return undefined;
  const accountId = values.get('sso_account_id');
  const roleName = values.get('sso_role_name');
  if (accountId === undefined || roleName === undefined) return undefined;
  const session = values.get('sso_session');
  const ours = session !== undefined ? session === instance.sessionName : values.get('sso_start_url') === instance.startUrl;
  return ours ? { accountId, roleName } : undefined;
}

/** Tells whether a profile signs in to exactly this account and role through this instance, in this style. */
export function isEquivalent(values: ConfigValues | undefined, style: ProfileStyle, instance: ProfileInstance, target: ProfileTarget): boolean {
  if (values === undefined) return false;
  const entries = profileEntries(style, instance, target);
  const { region: _region, ...identity } = entries;
  return Object.entries(identity).every(([key, value]) => values.get(key) === value) && staleSourceKeys(values, entries).length === 0;
}

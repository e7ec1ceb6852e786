/**
 * The environment `rolecall exec` gives its command: the role's temporary credentials and region in the
 * variables every AWS SDK and the AWS CLI read first, and nothing left that could win over them.
 *
 * Only fixed variable names are ever set; account and role names appear only inside values, so no name,
 * however hostile, can make another variable.
 */
import type { IssuedRoleCredentials } from '../actions/credentials';
import type { Env } from '../aws-files/aws-paths';
import { formatExpiration } from '../actions/export-formats';

/** Set in the command's environment to the account and role it runs as; a nested `rolecall exec` reads it. */
export const EXEC_MARKER = 'ROLECALL_EXEC';

/**
 * Variables removed before the role's are set: a profile would win over the credentials in tools that
 * prefer a named profile, and stale static keys or a legacy token could be read beside the new keys.
 */
const SUPERSEDED = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY'] as const;

/** What the command runs as. */
export interface ExecRole {
  readonly accountId: string;
  readonly roleName: string;
  readonly region: string;
  readonly credentials: IssuedRoleCredentials;
}

/** The command's environment: `base` without {@link SUPERSEDED}, with the role's credentials and region. */
export function execEnvironment(base: Env, role: ExecRole): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !(SUPERSEDED as readonly string[]).includes(name)) env[name] = value;
  }
  const { credentials } = role;
  env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
  env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
  env['AWS_SESSION_TOKEN'] = credentials.sessionToken;
  env['AWS_CREDENTIAL_EXPIRATION'] = formatExpiration(credentials.expiration);
  env['AWS_REGION'] = role.region;
  env['AWS_DEFAULT_REGION'] = role.region;
  env[EXEC_MARKER] = `${role.accountId}/${role.roleName}`;
  return env;
}

/** The account and role of the `rolecall exec` this process runs in, or `null` outside one. */
export function enclosingExec(env: Env): string | null {
  const marker = env[EXEC_MARKER];
  return marker === undefined || marker === '' ? null : marker;
}

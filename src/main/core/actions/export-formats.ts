/**
 * Credentials as text for a shell, a `.env` file or `credential_process`, byte for byte what
 * `aws configure export-credentials --format …` prints (AWS CLI v2 `awscli/customizations/configure/
 * exportcreds.py`; reference §5), followed by region lines where a region is set.
 */
import { UserFacingError } from '../user-facing-error';
import { isRegionName } from './aws-partitions';
import type { RoleCredentials } from './credentials';
import { pythonJsonString } from '../aws-files/python-json';

export { pythonJsonString };

/** Every export format, in the order menus offer them. */
export const exportFormats = ['env', 'env-no-export', 'fish', 'powershell', 'windows-cmd', 'dotenv', 'process'] as const;

/** An export format: the CLI's `--format` names, plus `dotenv`. */
export type ExportFormat = (typeof exportFormats)[number];

type LineFormat = Exclude<ExportFormat, 'process'>;

/**
 * One `NAME=value` line per format, without the newline: the CLI's `_VAR_FORMAT` strings.
 *
 * `dotenv` is the same as `env-no-export`, byte for byte. Values are left unquoted on purpose: Docker's
 * `--env-file` keeps quotes as part of the value, while the `dotenv` packages and Compose strip them, so
 * only an unquoted value means the same everywhere; `safeValue` guarantees it needs no quoting.
 */
const lineSyntax: Readonly<Record<LineFormat, (name: string, value: string) => string>> = {
  env: (name, value) => `export ${name}=${value}`,
  'env-no-export': (name, value) => `${name}=${value}`,
  fish: (name, value) => `set -gx ${name} "${value}"`,
  powershell: (name, value) => `$Env:${name}="${value}"`,
  'windows-cmd': (name, value) => `set ${name}=${value}`,
  dotenv: (name, value) => `${name}=${value}`,
};

// SECURITY: the CLI neither quotes nor escapes, and we must print what it prints, so instead of escaping we
// refuse any value that a shell would read differently or that could start a new line or command. AWS keys
// are base64 and upper-case alphanumerics, expiries are ISO dates, regions are `a-z0-9-`; all pass.
const safeValue = /^[A-Za-z0-9+/=._:@-]+$/;

/**
 * Formats credentials for one export format.
 *
 * Lines are `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, then `AWS_SESSION_TOKEN` and
 * `AWS_CREDENTIAL_EXPIRATION` when present, each ending in `\n` as the CLI writes them; then, when a region
 * is given, `AWS_REGION` and `AWS_DEFAULT_REGION` in the same syntax (CLI v2 and the JS SDK read the first,
 * older tools only the second). `process` is the CLI's JSON followed by one `\n`, and carries no region:
 * the `credential_process` schema has no place for one.
 */
export function formatCredentials(credentials: RoleCredentials, format: ExportFormat, region?: string): string {
  switch (format) {
    case 'process':
      return processJson(credentials);
    case 'env':
    case 'env-no-export':
    case 'fish':
    case 'powershell':
    case 'windows-cmd':
    case 'dotenv':
      return perLine(credentials, format, region);
  }
}

function perLine(credentials: RoleCredentials, format: LineFormat, region: string | undefined): string {
  const variables: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
  ];
  if (credentials.sessionToken !== undefined) variables.push(['AWS_SESSION_TOKEN', credentials.sessionToken]);
  if (credentials.expiration !== undefined) {
    variables.push(['AWS_CREDENTIAL_EXPIRATION', formatExpiration(credentials.expiration)]);
  }
  if (region !== undefined && region !== '') {
    if (!isRegionName(region)) {
      throw new UserFacingError(`"${region}" is not an AWS region name, so no credentials were copied. Choose a region such as us-east-1.`);
    }
    variables.push(['AWS_REGION', region], ['AWS_DEFAULT_REGION', region]);
  }
  const line = lineSyntax[format];
  return variables
    .map(([name, value]) => {
      if (!safeValue.test(value)) {
        // The value is (most likely) a secret: name the variable, never show the value.
        throw new UserFacingError(`${name} holds characters a shell would misread, so no credentials were copied. Fetch the credentials again.`);
      }
      return `${line(name, value)}\n`;
    })
    .join('');
}

/**
 * The CLI's `process` output: `json.dumps(output, indent=2, separators=(',', ': '))` and then `\n`.
 *
 * Written out rather than `JSON.stringify`, because Python's default `ensure_ascii` escapes every
 * non-ASCII character and DEL as `\uXXXX`, which `JSON.stringify` does not; key order is the CLI's.
 */
function processJson(credentials: RoleCredentials): string {
  const members: string[] = [
    '"Version": 1',
    `"AccessKeyId": ${pythonJsonString(credentials.accessKeyId)}`,
    `"SecretAccessKey": ${pythonJsonString(credentials.secretAccessKey)}`,
  ];
  if (credentials.sessionToken !== undefined) members.push(`"SessionToken": ${pythonJsonString(credentials.sessionToken)}`);
  if (credentials.expiration !== undefined) {
    members.push(`"Expiration": ${pythonJsonString(formatExpiration(credentials.expiration))}`);
  }
  return `{\n${members.map((member) => `  ${member}`).join(',\n')}\n}\n`;
}

/**
 * An expiry as the CLI prints it: Python's `isoformat()` of a UTC datetime, `2026-11-21T11:05:25+00:00`.
 *
 * botocore turns GetRoleCredentials' epoch milliseconds into a `…%SZ` string first, which drops (does not
 * round) the milliseconds, so they are truncated here too.
 */
export function formatExpiration(epochMs: number): string {
  const date = new Date(Math.floor(epochMs / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(epochMs) || year < 1 || year > 9999) {
    throw new RangeError('The credentials carry an expiry time that cannot be written as a date.');
  }
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

import { readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { errorCode, isNotFound, writeFileAtomic } from './atomic-write';
import type { JsonValue } from './python-json';
import { pythonJsonDumps, pythonJsonString } from './python-json';

/**
 * The AWS CLI / SDK access-token cache file (`~/.aws/sso/cache/<sha1>.json`), parsed.
 *
 * Timestamps are `Date`s; `extra` keeps keys written by other tools so a rewrite does not drop them.
 */
export interface SsoTokenFile {
  readonly startUrl?: string;
  readonly region?: string;
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly registrationExpiresAt?: Date;
  readonly refreshToken?: string;
  readonly extra?: Readonly<Record<string, JsonValue>>;
}

/** What reading a token cache file found. */
export type SsoTokenFileReadResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'ok'; readonly token: SsoTokenFile };

// The AWS CLI 2.36.7 key order; `json.dumps` keeps dict insertion order, so this is the byte order too.
const KNOWN_KEYS = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
] as const;

// Accepts the CLI's `2026-11-21T18:05:21Z`, the JS SDK's `2026-11-21T18:03:35.779Z`, and explicit offsets.
const timestamp = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const optionalText = z.string().optional();

const tokenFileSchema = z.looseObject({
  startUrl: optionalText,
  region: optionalText,
  accessToken: z.string().min(1, 'must not be empty'),
  expiresAt: timestamp,
  clientId: optionalText,
  clientSecret: optionalText,
  registrationExpiresAt: timestamp.optional(),
  refreshToken: optionalText,
});

/**
 * Parses the text of a token cache file.
 *
 * Requires `accessToken` and `expiresAt` (what every reader requires); the other CLI keys are optional and
 * type-checked; unknown keys are kept in `extra`.
 */
export function parseSsoTokenFile(text: string): SsoTokenFileReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'The token cache file is not valid JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'invalid', reason: 'The token cache file does not contain a JSON object.' };
  }
  const parsed = tokenFileSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', reason: describeIssues(parsed.error, json) };
  const { startUrl, region, accessToken, expiresAt, clientId, clientSecret, registrationExpiresAt, refreshToken } =
    parsed.data;
  const token: SsoTokenFile = {
    ...(startUrl !== undefined && { startUrl }),
    ...(region !== undefined && { region }),
    accessToken,
    expiresAt,
    ...(clientId !== undefined && { clientId }),
    ...(clientSecret !== undefined && { clientSecret }),
    ...(registrationExpiresAt !== undefined && { registrationExpiresAt }),
    ...(refreshToken !== undefined && { refreshToken }),
    extra: extraKeys(json),
  };
  return { kind: 'ok', token };
}

/**
 * Reads and parses a token cache file.
 *
 * A missing file is `missing`; unreadable, non-JSON or wrongly shaped content is `invalid` with a reason
 * a person can read (never the token itself).
 */
export async function readSsoTokenFile(path: string): Promise<SsoTokenFileReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    if (isNotFound(error)) return { kind: 'missing' };
    return { kind: 'invalid', reason: `The token cache file could not be read (${errorCode(error) ?? 'I/O error'}).` };
  }
  return parseSsoTokenFile(text);
}

/**
 * Formats a token exactly as AWS CLI 2.36.7 writes it.
 *
 * One line, Python `json.dumps` defaults (`", "` / `": "`, non-ASCII as `\uXXXX`), keys in the CLI's
 * order with absent ones omitted, then any extra keys, timestamps as `%Y-%m-%dT%H:%M:%SZ` in UTC with
 * sub-seconds truncated (as `strftime` does), and no trailing newline (the CLI writes `json.dumps`
 * output as is).
 */
export function formatSsoTokenFile(token: SsoTokenFile): string {
  const parts: string[] = [];
  for (const key of KNOWN_KEYS) {
    const value = token[key];
    if (value === undefined) continue;
    const text = value instanceof Date ? cliTimestamp(value) : value;
    parts.push(`${pythonJsonString(key)}: ${pythonJsonString(text)}`);
  }
  for (const [key, value] of Object.entries(token.extra ?? {})) {
    if (isKnownKey(key)) continue;
    parts.push(`${pythonJsonString(key)}: ${pythonJsonDumps(value)}`);
  }
  return `{${parts.join(', ')}}`;
}

/**
 * Writes a token cache file in the CLI's format, atomically, with mode 0600.
 */
export async function writeSsoTokenFile(path: string, token: SsoTokenFile): Promise<void> {
  // SECURITY: the file holds an access token, refresh token and client secret: owner-only (checklist 23).
  await writeFileAtomic(path, formatSsoTokenFile(token), { mode: 0o600 });
}

/**
 * Deletes a token cache file; a file that is already gone is not an error.
 */
export async function deleteSsoTokenFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error: unknown) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * Formats a time as the CLI does: `%Y-%m-%dT%H:%M:%SZ` in UTC, sub-seconds dropped.
 */
export function cliTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Cannot write an invalid date to the token cache.');
  return `${date.toISOString().slice(0, 19)}Z`;
}

function isKnownKey(key: string): boolean {
  return (KNOWN_KEYS as readonly string[]).includes(key);
}

// `json` came from JSON.parse and is a plain object, so its values are JSON values.
function extraKeys(json: object): Record<string, JsonValue> {
  const extra: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(json as Record<string, JsonValue>)) {
    if (!isKnownKey(key)) Object.defineProperty(extra, key, { value, enumerable: true, writable: true });
  }
  return extra;
}

function describeIssues(error: z.ZodError, json: object): string {
  const first = error.issues[0];
  const field = first?.path.join('.') ?? '';
  const detail = field in json ? describeIssue(first) : 'is missing';
  return `The token cache file is not in the expected format: "${field}" ${detail}.`;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'is invalid';
  if (issue.code === 'invalid_format') return 'is not an ISO 8601 timestamp';
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  return issue.message;
}

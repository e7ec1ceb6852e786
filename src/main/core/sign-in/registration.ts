/**
 * The OIDC client registration Rolecall signs in with, and the AWS CLI's cache file that holds it.
 *
 * Rolecall registers once per instance (scopes `sso:account:access`, device-code and refresh-token
 * grants) and reuses the registration until a day before it expires, so a refresh token issued under it
 * never outlives it. In the shared (AWS CLI) mode it lives where the CLI keeps registrations, named by
 * the CLI's own cache key, so `aws sso login` and Rolecall find each other's.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isNotFound, writeFileAtomic } from '../aws-files/atomic-write';
import { pythonJsonDumps } from '../aws-files/python-json';
import { cliTimestamp } from '../aws-files/sso-token-file';

/** The device-code grant, as OIDC names it. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** The scope that lets a token list and use account roles. */
export const ACCOUNT_ACCESS_SCOPE = 'sso:account:access';

/** A client registration. */
export interface Registration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly expiresAt: Date;
  readonly scopes: readonly string[];
  readonly grantTypes?: readonly string[];
}

/** How long before its expiry a registration is replaced. */
export const REGISTRATION_RENEWAL_MS = 24 * 60 * 60 * 1000;

/** Whether a registration can be used for a device-code sign-in now. */
export function isUsableRegistration(registration: Registration, now: number): boolean {
  const grantsDeviceCode = registration.grantTypes === undefined || registration.grantTypes.includes(DEVICE_CODE_GRANT);
  const scoped = registration.scopes.includes(ACCOUNT_ACCESS_SCOPE);
  return grantsDeviceCode && scoped && registration.expiresAt.getTime() - now > REGISTRATION_RENEWAL_MS;
}

/** What names a registration in the AWS CLI's cache. */
export interface RegistrationKey {
  readonly sessionName: string;
  readonly startUrl: string;
  readonly region: string;
}

/** The AWS CLI's file name for a registration: sha1 of its sorted-keys JSON cache key. */
export function registrationFileName(key: RegistrationKey): string {
  // Python's json.dumps(sort_keys=True): keys in sorted order, default separators.
  const cacheKey = pythonJsonDumps({
    region: key.region,
    scopes: [ACCOUNT_ACCESS_SCOPE],
    session_name: key.sessionName,
    startUrl: key.startUrl,
    tool: 'botocore',
  });
  return `${createHash('sha1').update(cacheKey, 'utf8').digest('hex')}.json`;
}

const registrationFileSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }).transform((t) => new Date(t)),
  scopes: z.array(z.string()).optional(),
  grantTypes: z.array(z.string()).optional(),
});

/** Parses a registration in the CLI's format; `null` when it is not one (then register anew). */
export function parseRegistrationText(text: string): Registration | null {
  try {
    const parsed = registrationFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { grantTypes, scopes, ...rest } = parsed.data;
    return { ...rest, scopes: scopes ?? [], ...(grantTypes !== undefined && { grantTypes }) };
  } catch {
    return null;
  }
}

/** Formats a registration in the AWS CLI's format (one line, Python `json.dumps` separators). */
export function formatRegistration(registration: Registration): string {
  return pythonJsonDumps({
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    expiresAt: cliTimestamp(registration.expiresAt),
    scopes: [...registration.scopes],
    ...(registration.grantTypes !== undefined && { grantTypes: [...registration.grantTypes] }),
  });
}

/** Reads a registration from the CLI cache; `null` when missing or unreadable. */
export async function readRegistrationFile(file: string): Promise<Registration | null> {
  try {
    return parseRegistrationText(await readFile(file, 'utf8'));
  } catch (error: unknown) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Writes a registration in the AWS CLI's format (mode 0600, atomically). */
export async function writeRegistrationFile(file: string, registration: Registration): Promise<void> {
  await writeFileAtomic(file, formatRegistration(registration), { mode: 0o600 });
}

/** The registration file's path in an SSO cache directory. */
export function registrationFilePath(ssoCacheDir: string, key: RegistrationKey): string {
  return path.join(ssoCacheDir, registrationFileName(key));
}

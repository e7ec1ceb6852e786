/**
 * Role credentials kept on disk between `rolecall` runs, so that `credential-process`, which a tool may
 * call before every AWS request, answers from a file instead of the network.
 *
 * SECURITY: this is the one place Rolecall writes role credentials to disk, on purpose: a
 * `credential_process` runs as a new process each time and has no memory to keep them in (the AWS CLI keeps
 * the same in `~/.aws/cli/cache`). Each role gets its own file, `<dataDir>/role-credentials/<sha1>.json`,
 * mode 0600 in a 0700 directory, written atomically; `rolecall logout` deletes an instance's files. The
 * files are parsed by hand, not with zod, to keep the fast path fast.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from '../aws-files/atomic-write';
import type { IssuedRoleCredentials } from '../actions/credentials';

/**
 * Cached credentials are used while they have at least this long to live: the AWS CLI's rule for its own
 * file cache (reference §3.3), which also keeps them clear of the SDKs' own 5-minute refresh margin.
 */
export const FILE_CACHE_MARGIN_MS = 15 * 60 * 1000;

/** Which role's credentials. */
export interface CredentialKey {
  readonly instanceId: string;
  readonly accountId: string;
  readonly roleName: string;
}

const DIRECTORY = 'role-credentials';

/** The directory of the cache. */
export function credentialCacheDir(dataDir: string): string {
  return path.join(dataDir, DIRECTORY);
}

/** The file of one role's credentials. */
export function credentialCacheFile(dataDir: string, key: CredentialKey): string {
  const hash = createHash('sha1').update(JSON.stringify([key.instanceId, key.accountId, key.roleName]), 'utf8').digest('hex');
  return path.join(credentialCacheDir(dataDir), `${hash}.json`);
}

/** The cached credentials of a role if they have at least {@link FILE_CACHE_MARGIN_MS} left, else `null`. */
export async function readCachedCredentials(dataDir: string, key: CredentialKey, now: number): Promise<IssuedRoleCredentials | null> {
  let text: string;
  try {
    text = await readFile(credentialCacheFile(dataDir, key), 'utf8');
  } catch {
    return null;
  }
  const entry = parseEntry(text);
  if (entry === null || entry.instanceId !== key.instanceId || entry.accountId !== key.accountId || entry.roleName !== key.roleName) {
    return null;
  }
  return entry.credentials.expiration - now >= FILE_CACHE_MARGIN_MS ? entry.credentials : null;
}

/** Stores a role's credentials (replacing what was there). */
export async function writeCachedCredentials(dataDir: string, key: CredentialKey, credentials: IssuedRoleCredentials): Promise<void> {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
  const entry = { version: 1, ...key, accessKeyId, secretAccessKey, sessionToken, expiration };
  await writeFileAtomic(credentialCacheFile(dataDir, key), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/** Deletes the cached credentials of one instance (or of every instance); returns how many were deleted. */
export async function clearCachedCredentials(dataDir: string, instanceId?: string): Promise<number> {
  const dir = credentialCacheDir(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error: unknown) {
    if (isNotFound(error)) return 0;
    throw error;
  }
  let deleted = 0;
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, name);
    const entry = parseEntry(await readFile(file, 'utf8').catch(() => ''));
    // An unreadable entry is useless to everyone: it goes too.
    if (instanceId === undefined || entry === null || entry.instanceId === instanceId) {
      await unlink(file).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      deleted += 1;
    }
  }
  return deleted;
}

interface Entry extends CredentialKey {
  readonly credentials: IssuedRoleCredentials;
}

function parseEntry(text: string): Entry | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const text_ = (name: string): string | null => {
    const value = record[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const [instanceId, accountId, roleName, accessKeyId, secretAccessKey, sessionToken] = [
    'instanceId', 'accountId', 'roleName', 'accessKeyId', 'secretAccessKey', 'sessionToken',
  ].map(text_);
  const expiration = record['expiration'];
  if (record['version'] !== 1 || typeof expiration !== 'number' || !Number.isFinite(expiration)) return null;
  if (!instanceId || !accountId || !roleName || !accessKeyId || !secretAccessKey || !sessionToken) return null;
  return { instanceId, accountId, roleName, credentials: { accessKeyId, secretAccessKey, sessionToken, expiration } };
}

import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearCachedCredentials, credentialCacheFile, FILE_CACHE_MARGIN_MS, readCachedCredentials, writeCachedCredentials } from './credential-file-cache';

const now = 1_800_000_000_000;
const key = { instanceId: 'i1', accountId: '111111111111', roleName: 'Admin' };
const credentials = { accessKeyId: 'ASIAX', secretAccessKey: 'secret', sessionToken: 'token', expiration: now + 3600_000 };
const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'rolecall-creds-'));

describe('the on-disk role credential cache', () => {
  it('keeps each role in its own owner-only file, in an owner-only directory', async () => {
    const dir = await tempDir();
    await writeCachedCredentials(dir, key, credentials);
    const file = credentialCacheFile(dir, key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await readCachedCredentials(dir, key, now)).toEqual(credentials);
    expect(await readCachedCredentials(dir, { ...key, roleName: 'Other' }, now)).toBeNull();
  });

  it('serves credentials only while they have 15 minutes left', async () => {
    const dir = await tempDir();
    await writeCachedCredentials(dir, key, credentials);
    expect(await readCachedCredentials(dir, key, credentials.expiration - FILE_CACHE_MARGIN_MS)).toEqual(credentials);
    expect(await readCachedCredentials(dir, key, credentials.expiration - FILE_CACHE_MARGIN_MS + 1)).toBeNull();
  });

  it('ignores a file whose contents name another role, or that is not an entry', async () => {
    const dir = await tempDir();
    await writeCachedCredentials(dir, { ...key, roleName: 'Other' }, credentials);
    const [other] = await readdir(path.join(dir, 'role-credentials'));
    await writeFile(credentialCacheFile(dir, key), await readFile(path.join(dir, 'role-credentials', other ?? ''), 'utf8'));
    expect(await readCachedCredentials(dir, key, now)).toBeNull();
    await writeFile(credentialCacheFile(dir, key), '{"version":1}');
    expect(await readCachedCredentials(dir, key, now)).toBeNull();
  });

  it('clears one instance (and unreadable entries), or all', async () => {
    const dir = await tempDir();
    await writeCachedCredentials(dir, key, credentials);
    await writeCachedCredentials(dir, { ...key, instanceId: 'i2' }, credentials);
    expect(await clearCachedCredentials(dir, 'i1')).toBe(1);
    expect(await readCachedCredentials(dir, { ...key, instanceId: 'i2' }, now)).toEqual(credentials);
    expect(await clearCachedCredentials(dir)).toBe(1);
    expect(await clearCachedCredentials(path.join(dir, 'missing'))).toBe(0);
  });
});

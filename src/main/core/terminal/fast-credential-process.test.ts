import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCredentials } from '../actions/export-formats';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { writeCachedCredentials } from './credential-file-cache';
import { cachedCredentialProcess } from './fast-credential-process';

const now = 1_800_000_000_000;
const credentials = { accessKeyId: 'ASIAX', secretAccessKey: 'secret', sessionToken: 'token', expiration: now + 3600_000 };

async function setUp(tokenStorage = 'aws-cli') {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-fast-'));
  const dataDir = path.join(root, 'data');
  const ssoCacheDir = path.join(root, 'sso');
  await mkdir(dataDir);
  await mkdir(ssoCacheDir);
  const instance = { id: 'i1', sessionName: 'acme', startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', tokenStorage };
  const accounts = [{ accountId: '111111111111', accountName: 'prod', emailAddress: '', roles: ['Admin'] }];
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ version: 1, instances: [instance], accountCache: { i1: { listedAt: 1, accounts } } }));
  const tokenFile = path.join(ssoCacheDir, ssoTokenFileName('acme'));
  await writeFile(tokenFile, '{}');
  await writeCachedCredentials(dataDir, { instanceId: 'i1', accountId: '111111111111', roleName: 'Admin' }, credentials);
  return { dataDir, ssoCacheDir, tokenFile, now };
}

describe('cachedCredentialProcess', () => {
  it('answers from the cache by name or id, in the process format', async () => {
    const base = await setUp();
    expect(await cachedCredentialProcess({ ...base, account: 'PROD', role: 'admin' })).toBe(formatCredentials(credentials, 'process'));
    expect(await cachedCredentialProcess({ ...base, account: '111111111111', role: 'Admin' })).toBe(formatCredentials(credentials, 'process'));
  });

  it('leaves it to the full command when signed out, near expiry, unresolved or keychain-only', async () => {
    const base = await setUp();
    expect(await cachedCredentialProcess({ ...base, account: 'prod', role: 'Admin', now: credentials.expiration - 10 * 60_000 })).toBeNull();
    expect(await cachedCredentialProcess({ ...base, account: 'pro', role: 'Admin' })).toBeNull();
    expect(await cachedCredentialProcess({ ...base, account: 'prod', role: 'Admin', instance: 'other' })).toBeNull();
    await rm(base.tokenFile);
    expect(await cachedCredentialProcess({ ...base, account: 'prod', role: 'Admin' })).toBeNull();
    const keychain = await setUp('keychain');
    expect(await cachedCredentialProcess({ ...keychain, account: 'prod', role: 'Admin' })).toBeNull();
    expect(await cachedCredentialProcess({ ...base, dataDir: path.join(base.dataDir, 'nowhere'), account: 'prod', role: 'Admin' })).toBeNull();
  });
});

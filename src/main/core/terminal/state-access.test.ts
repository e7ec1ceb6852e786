import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readState, writeAccountCache } from './state-access';

const instance = { id: 'i1', sessionName: 'acme', startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', tokenStorage: 'aws-cli' };
const cache = { listedAt: 5, accounts: [{ accountId: '111111111111', accountName: 'prod', emailAddress: '', roles: ['Admin'] }] };

async function dataDirWith(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-state-'));
  await writeFile(path.join(dir, 'config.json'), content);
  return dir;
}

describe('the state file from the command line', () => {
  it('replaces one instance’s account list, keeping every other key (even unknown ones), tab-indented, 0600', async () => {
    const before = { version: 1, instances: [instance], accountCache: { other: { listedAt: 1, accounts: [] } }, accountPrefs: { i1: { '111111111111': { alias: 'p' } } }, __internal__: { x: 1 } };
    const dir = await dataDirWith(JSON.stringify(before));
    expect(await writeAccountCache(dir, 'i1', cache)).toBe(true);
    const text = await readFile(path.join(dir, 'config.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ ...before, accountCache: { other: { listedAt: 1, accounts: [] }, i1: cache } });
    expect(text).toContain('\n\t"version": 1');
    expect((await stat(path.join(dir, 'config.json'))).mode & 0o777).toBe(0o600);
    expect((await readState(dir)).accountCache['i1']).toEqual(cache);
  });

  it('writes nothing for an instance that was removed meanwhile', async () => {
    const dir = await dataDirWith(JSON.stringify({ version: 1, instances: [] }));
    expect(await writeAccountCache(dir, 'i1', cache)).toBe(false);
    expect(JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'))).toEqual({ version: 1, instances: [] });
  });

  it('refuses to read or write a file it cannot parse, and leaves it where it is', async () => {
    const dir = await dataDirWith('{not json');
    await expect(readState(dir)).rejects.toThrow(/could not be read\. Open the Rolecall app once/);
    await expect(writeAccountCache(dir, 'i1', cache)).rejects.toThrow(/could not be read/);
    expect(await readFile(path.join(dir, 'config.json'), 'utf8')).toBe('{not json');
  });

  it('reads a missing file as the empty state', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-state-'));
    expect((await readState(dir)).instances).toEqual([]);
  });
});

/**
 * Corrupt or hand-broken inputs each get a clear message and leave the person's files byte for byte as
 * they were: a `~/.aws/config` that is not INI, a truncated token file, a token file of the wrong shape,
 * and a corrupt app store (moved aside whole, never rewritten in place).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ssoTokenFilePath } from '../aws-files/aws-paths';
import { createTestCore } from '../core-test-support';
import { createJsonStateFile } from './state-file';

const instance = { startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1', sessionName: 'acme', tokenStorage: 'aws-cli' as const };

/** Adds the instance, puts `content` in its token file, and starts a second core on the same files. */
async function restartWithTokenFile(content: Buffer): Promise<{ file: string; messages: string }> {
  const first = await createTestCore();
  expect((await first.core.handlers.addInstance(instance)).kind).toBe('added');
  first.core.dispose();
  const file = ssoTokenFilePath({ env: { HOME: first.home }, homedir: first.home }, 'acme');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  const second = await createTestCore({ homedir: first.home, env: { HOME: first.home }, stateFile: createJsonStateFile(first.dataDir) });
  await expect.poll(() => second.core.getSnapshot().instances[0]?.status.kind).toBe('signedOut');
  const messages = JSON.stringify(second.core.getSnapshot());
  second.core.dispose();
  return { file, messages };
}

describe('corrupt inputs', () => {
  it.each([
    ['a truncated token file', Buffer.from('{"startUrl": "https://d-1234567890.awsapps.com/start", "region": "eu-we'), 'not valid JSON'],
    ['a token file of the wrong shape', Buffer.from('{"accessToken": 42, "expiresAt": "soon"}'), 'not in the expected format'],
    ['a token file that is not text', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]), 'not valid JSON'],
  ])('%s: says so and leaves the file untouched', async (_name, content, why) => {
    const { file, messages } = await restartWithTokenFile(content);
    expect(messages).toContain(why);
    expect(messages).toContain('Rolecall left the file as it is');
    expect(await readFile(file)).toEqual(content);
  });

  it('a ~/.aws/config that is not INI: says so and leaves it untouched', async () => {
    const { core, home } = await createTestCore();
    const config = path.join(home, '.aws', 'config');
    const broken = Buffer.from('[profile dev\nregion = us-east-1\n\u0000\n');
    await mkdir(path.dirname(config), { recursive: true });
    await writeFile(config, broken);
    expect((await core.handlers.addInstance(instance)).kind).toBe('added');
    expect(core.getSnapshot().notices.at(-1)?.text).toMatch(/could not add \[sso-session acme\] to .*config: Line 1/);
    expect(await readFile(config)).toEqual(broken);
    core.dispose();
  });

  it('a corrupt app store: says where it went, and keeps its bytes', async () => {
    const first = await createTestCore();
    await mkdir(first.dataDir, { recursive: true });
    const corrupt = Buffer.from('{"version": 1, "instances": [tru');
    await writeFile(path.join(first.dataDir, 'config.json'), corrupt);
    const { core } = await createTestCore({ homedir: first.home, env: { HOME: first.home }, stateFile: createJsonStateFile(first.dataDir) });
    const notice = core.getSnapshot().notices[0]?.text ?? '';
    expect(notice).toMatch(/settings file could not be read, so it was moved to .*config\.json\.corrupt-.* and Rolecall started with empty settings/);
    const aside = (await readdir(first.dataDir)).find((f) => f.startsWith('config.json.corrupt-')) ?? '';
    expect(await readFile(path.join(first.dataDir, aside))).toEqual(corrupt);
    core.dispose();
  });
});

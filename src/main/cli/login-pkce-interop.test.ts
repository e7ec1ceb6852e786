/**
 * A PKCE sign-in from `rolecall login` (the default grant, the emulator's consent page answered as a
 * browser would), shared with tools no one here wrote: the AWS SDK for JavaScript (`fromSSO`, `fromIni`)
 * and botocore (under the `aws` command) resolve role credentials for the profile `rolecall use` wrote,
 * with no `aws sso login`; once the access token has expired, each refreshes it with the refresh token of
 * the `authorization_code` registration and writes the cache file back, and every writer's file still
 * parses for the others and for Rolecall. Real SDK clients against the emulator, no mocks. The botocore
 * half skips, saying why, where Python's botocore is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { parseSsoTokenFile, type SsoTokenFile } from '../core/aws-files/sso-token-file';
import { cliFixture } from './cli-fixture.test-support';
import { answerConsent, createCliWorld, type CliWorld } from './cli-test-support';

// Synchronous is fine here: no emulator is running yet, and this child talks to none. The interpreter's
// own path skips a version manager's shim (pyenv's costs about 2 s a run).
const probe = spawnSync('python3', ['-c', 'import sys, botocore; print(botocore.__version__); print(sys.executable)'], { encoding: 'utf8' });
const [botocoreVersion, python = 'python3'] = probe.status === 0 ? probe.stdout.trim().split(/\r?\n/) : [];
if (botocoreVersion === undefined) console.log('[login-pkce-interop] botocore steps skipped: python3 with botocore is not installed on this machine');

// Prints the access key and secret botocore resolves for each profile named (empty: the default chain's
// profile), one line each, in one process (importing botocore is most of a run's time).
const RESOLVE = [
  'import sys, botocore.session',
  'for profile in sys.argv[1:]:',
  '    credentials = botocore.session.Session(profile=profile or None).get_credentials().get_frozen_credentials()',
  '    print(credentials.access_key + " " + credentials.secret_key)',
].join('\n');

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ fixture: cliFixture });
});
afterAll(() => emulator.close());

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

// Asynchronous: the emulator answering botocore runs in this process (a synchronous child would deadlock).
function resolveWithBotocore(world: CliWorld, profiles: readonly string[]): Promise<{ secrets: string[]; stderr: string }> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: world.home,
    AWS_CONFIG_FILE: path.join(world.home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(world.home, 'none'),
    ...emulator.env,
  };
  return new Promise((resolve) => {
    execFile(python, ['-c', RESOLVE, ...profiles], { encoding: 'utf8', env }, (_error, stdout, stderr) => {
      const lines = stdout.split(/\r?\n/).filter((line) => line !== '');
      resolve({ secrets: lines.map((line) => line.split(' ')[1] ?? ''), stderr });
    });
  });
}

async function readToken(file: string): Promise<{ text: string; token: SsoTokenFile }> {
  const text = await readFile(file, 'utf8');
  JSON.parse(text);
  const parsed = parseSsoTokenFile(text);
  if (parsed.kind !== 'ok') throw new Error(`the token file does not parse: ${parsed.kind === 'invalid' ? parsed.reason : parsed.kind}`);
  return { text, token: parsed.token };
}

/**
 * Makes the access token expired both ways: the file says it ended a minute ago (what every client reads),
 * and the emulator's clock moves past its lifetime (so the portal refuses it). The refresh token and the
 * user's session (8 h) stay valid. Only the `expiresAt` value changes, in the style it was written in, so
 * the next reader gets the last writer's file byte for byte otherwise.
 */
async function expireAccessToken(file: string): Promise<SsoTokenFile> {
  const { text, token } = await readToken(file);
  const past = new Date(Date.now() - 60_000).toISOString();
  const edited = text.replace(/("expiresAt": ")([^"]+)"/, (_all, key: string, value: string) => `${key}${/\.\d+Z$/.test(value) ? past : `${past.slice(0, 19)}Z`}"`);
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
  emulator.advanceClock(3600 + 60);
  const portal = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': token.accessToken } });
  expect(portal.status).toBe(401);
  return token;
}

/** The token after a refresh: new access and refresh tokens, a future expiry, the registration kept. */
function expectRefreshed(after: SsoTokenFile, before: SsoTokenFile): void {
  expect(after.accessToken).not.toBe(before.accessToken);
  expect(after.refreshToken).toBeDefined();
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  expect({ startUrl: after.startUrl, region: after.region, clientId: after.clientId, clientSecret: after.clientSecret, registrationExpiresAt: after.registrationExpiresAt }).toEqual({
    startUrl: before.startUrl,
    region: before.region,
    clientId: before.clientId,
    clientSecret: before.clientSecret,
    registrationExpiresAt: before.registrationExpiresAt,
  });
}

describe(`a PKCE sign-in from rolecall login, shared with the AWS SDKs (botocore ${botocoreVersion ?? 'not installed'})`, () => {
  it('lets fromSSO, fromIni and botocore resolve role credentials, refresh the expired token through the file, and Rolecall follow', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    const login = world.run(['login']);
    const url = await answerConsent(emulator, world.opened);
    expect(await login).toMatchObject({ code: 0, stderr: '' });
    // The sign-in was PKCE: the authorization page opened and no device code was ever made.
    expect(url.startsWith(`${emulator.url}/authorize?response_type=code&client_id=`)).toBe(true);
    expect(emulator.deviceCodes()).toEqual([]);
    const tokenFile = world.tokenFile(instance);
    const signedIn = await readToken(tokenFile);
    // ...with the authorization_code registration, whose refresh token every client below redeems.
    const cacheDir = path.dirname(tokenFile);
    const cached = await Promise.all((await readdir(cacheDir)).map((name) => readFile(path.join(cacheDir, name), 'utf8')));
    expect(cached.some((text) => text.includes('"grantTypes": ["authorization_code", "refresh_token"]') && text.includes(String(signedIn.token.clientId)))).toBe(true);

    const use = await world.run(['use', 'payments-prod', 'AdministratorAccess']);
    expect(use.code).toBe(0);
    const profile = /\[profile ([^\]]+)\]/.exec(use.stdout)?.[1] ?? '';
    expect(profile).toBe('AdministratorAccess-222222222222');
    const issued = (secret: string): boolean => emulator.secrets().some((s) => s.kind === 'secretAccessKey' && s.value === secret);

    Object.assign(process.env, {
      HOME: world.home,
      AWS_CONFIG_FILE: path.join(world.home, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(world.home, 'none'),
      ...emulator.env,
    });
    // A fresh token: each resolves credentials from it as it is, and none rewrites the file.
    const sso = await fromSSO({ profile, ignoreCache: true })();
    const ini = await fromIni({ profile, ignoreCache: true })();
    expect(sso.accessKeyId).toMatch(/^ASIA/);
    expect(issued(sso.secretAccessKey)).toBe(true);
    expect(issued(ini.secretAccessKey)).toBe(true);
    if (botocoreVersion !== undefined) {
      const resolved = await resolveWithBotocore(world, [profile, '']);
      expect(resolved.stderr).toBe('');
      expect(resolved.secrets).toHaveLength(2);
      expect(resolved.secrets.every(issued)).toBe(true);
    }
    expect(await readFile(tokenFile, 'utf8')).toBe(signedIn.text);

    // Expired: the JavaScript SDK's token provider redeems the refresh token and writes the file back.
    const beforeSdk = await expireAccessToken(tokenFile);
    const refreshedBySdk = await fromSSO({ profile, ignoreCache: true })();
    expect(issued(refreshedBySdk.secretAccessKey)).toBe(true);
    const afterSdk = await readToken(tokenFile);
    expectRefreshed(afterSdk.token, beforeSdk);
    expect(afterSdk.text.startsWith('{\n  "startUrl": ')).toBe(true); // the SDK's JSON.stringify(token, null, 2)

    if (botocoreVersion !== undefined) {
      // Expired again: botocore reads the file the SDK wrote, refreshes with its refresh token, and writes it back.
      const beforeBotocore = await expireAccessToken(tokenFile);
      const resolved = await resolveWithBotocore(world, [profile]);
      expect(resolved.stderr).toBe('');
      expect(resolved.secrets).toHaveLength(1);
      expect(resolved.secrets.every(issued)).toBe(true);
      const afterBotocore = await readToken(tokenFile);
      expectRefreshed(afterBotocore.token, beforeBotocore);
    }

    // Expired once more: Rolecall's own refresher renews the file the others wrote, in the CLI's format,
    // and the SDK uses Rolecall's file as it is.
    const beforeRolecall = await expireAccessToken(tokenFile);
    const accounts = await world.run(['accounts', '--refresh']);
    expect(accounts).toMatchObject({ code: 0, stderr: '' });
    expect(accounts.stdout).toContain('payments-prod');
    const afterRolecall = await readToken(tokenFile);
    expectRefreshed(afterRolecall.token, beforeRolecall);
    expect(afterRolecall.text.startsWith('{"startUrl": ')).toBe(true);
    const last = await fromIni({ profile, ignoreCache: true })();
    expect(issued(last.secretAccessKey)).toBe(true);
    expect((await readToken(tokenFile)).text).toBe(afterRolecall.text);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { answerConsent, createCliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: 3, interval: 1 });
});
afterAll(() => emulator.close());

/** Waits until the browser was asked to open the verification page, and returns its user code. */
async function openedCode(opened: string[]): Promise<string> {
  for (let i = 0; i < 200 && opened.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return new URL(opened[0] ?? 'http://x').searchParams.get('user_code') ?? '';
}

/** Waits for the device code a run started without opening it anywhere, and returns its user code. */
async function pendingUserCode(): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const code = emulator.deviceCodes({ pendingOnly: true }).at(-1)?.userCode;
    if (code !== undefined) return code;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return '';
}

describe('rolecall login with PKCE (the default)', () => {
  it('opens the authorization page, signs in once allowed, and writes the CLI-format token and registration', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    const run = world.run(['login']);
    const url = await answerConsent(emulator, world.opened, 'approve');
    const done = await run;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Opening the AWS sign-in page in your browser');
    expect(done.stdout).toMatch(/Signed in to acme until .*\.\n$/);
    const query = new URL(url).searchParams;
    expect(url.startsWith(`${emulator.url}/authorize?response_type=code&client_id=`)).toBe(true);
    expect(query.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(query.get('code_challenge_method')).toBe('S256');
    const token = JSON.parse(await readFile(world.tokenFile(instance), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(token).sort()).toEqual(['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
    const cacheDir = path.dirname(world.tokenFile(instance));
    const registrations = await Promise.all((await readdir(cacheDir)).map((name) => readFile(path.join(cacheDir, name), 'utf8')));
    expect(registrations.some((text) => text.includes('"grantTypes": ["authorization_code", "refresh_token"]') && text.includes(String(token['clientId'])))).toBe(true);
    expect((await world.run(['accounts'])).code).toBe(0);
  });

  it('says the sign-in was denied, with the command to try again (exit 1)', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login']);
    await answerConsent(emulator, world.opened, 'deny');
    const done = await run;
    expect(done.code).toBe(1);
    expect(done.stderr).toBe('rolecall: The sign-in was denied in the browser. Run "rolecall login" to try again.\n');
  });

  it('signs in with a device code over SSH', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login'], { env: { SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' } });
    const userCode = await pendingUserCode();
    expect(emulator.approve(userCode)).toBe('approved');
    const done = await run;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Over SSH (SSH_CONNECTION is set): signing in with a device code; open the address below on any device.');
    expect(done.stdout).toContain(`and enter the code ${userCode}`);
    expect(world.opened).toEqual([]);
  });
});

describe('rolecall login when no browser opens', () => {
  it('falls back to the device code and says so', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login'], { browserFails: true });
    const userCode = await pendingUserCode();
    expect(emulator.approve(userCode)).toBe('approved');
    const done = await run;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Could not open a browser: signing in with a device code instead.');
    expect(done.stdout).toContain(`and enter the code ${userCode}`);
    expect(world.opened[0]).toMatch(new RegExp(`^${emulator.url}/authorize\\?`));
  });
});

describe('rolecall login and logout', () => {
  it('with --use-device-code, opens the verification page in the browser, and signs in once it is approved', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login', '--use-device-code']);
    expect(emulator.approve(await openedCode(world.opened))).toBe('approved');
    const done = await run;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Opened the sign-in page in your browser.');
    expect(world.opened[0]).toMatch(new RegExp(`^${emulator.url}/device\\?user_code=`));
    const again = await world.run(['login']);
    expect(again.stdout).toMatch(/^Already signed in to acme until .*\. Use --force to sign in again\.\n$/);
  });

  it('says the sign-in was denied, with the command to try again (exit 1)', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login', '--use-device-code']);
    expect(emulator.deny(await openedCode(world.opened))).toBe('denied');
    const done = await run;
    expect(done.code).toBe(1);
    expect(done.stderr).toBe('rolecall: The sign-in was denied in the browser. Run "rolecall login" to try again.\n');
  });

  it('needs --instance when there are several instances, and names them (exit 3)', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    await world.addInstance('beta');
    const run = await world.run(['login']);
    expect(run).toEqual({ code: 3, stdout: '', stderr: 'rolecall: Rolecall has several IAM Identity Center instances (acme, beta). Choose one: rolecall login --instance NAME\n' });
    expect((await world.run(['logout', '--instance', 'gamma'])).code).toBe(3);
  });

  it('signs out at AWS and deletes the shared token file; then reports not signed in', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    const accessToken = await world.signIn(instance);
    expect(await world.run(['logout'])).toEqual({ code: 0, stdout: 'Signed out of acme.\n', stderr: '' });
    const portal = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(portal.status).toBe(401);
    expect(await world.run(['logout'])).toEqual({ code: 0, stdout: 'Not signed in to acme.\n', stderr: '' });
  });

  it('tells a person with no instance where instances come from (exit 3)', async () => {
    const world = await createCliWorld(emulator);
    const run = await world.run(['login']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Add one: rolecall add --start-url URL --region REGION');
  });
});

/**
 * Every ending of the device-code sign-in, against the emulator with the real SDK clients.
 */
import { createServer } from 'node:net';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { registrationFilePath } from './registration';
import { rigInstance, startSignInRig, waitForStatus, type SignInRig } from './sign-in-test-support';

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const tokenFile = (r: SignInRig): string => path.join(r.home, '.aws', 'sso', 'cache', ssoTokenFileName('rig'));

describe('device-code sign-in', () => {
  it('shows the code, opens the verification page, and signs in when approved', async () => {
    rig = await startSignInRig();
    await rig.core.handlers.signIn({ id: rig.instanceId });
    const waiting = await waitForStatus(rig, 'awaitingApproval');
    expect(waiting.userCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(rig.effects).toContainEqual({ kind: 'open', url: expect.stringContaining(waiting.userCode) as string });

    rig.emulator.approve(waiting.userCode);
    const signedIn = await waitForStatus(rig, 'signedIn');
    expect(signedIn.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);

    const token = JSON.parse(await readFile(tokenFile(rig), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(token)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(token['startUrl']).toBe(rig.emulator.startUrl);
    expect((await stat(tokenFile(rig))).mode & 0o777).toBe(0o600);
    const config = await readFile(path.join(rig.home, '.aws', 'config'), 'utf8');
    expect(config).toBe(
      `[sso-session rig]\nsso_start_url = ${rig.emulator.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    );
    expect(rig.core.getSnapshot().notices.map((n) => n.text)).toContain('Signed in to rig.');
  });

  it('says so when the sign-in is denied', async () => {
    rig = await startSignInRig();
    await rig.core.handlers.signIn({ id: rig.instanceId });
    rig.emulator.deny((await waitForStatus(rig, 'awaitingApproval')).userCode);
    expect(await waitForStatus(rig, 'signedOut')).toEqual({
      kind: 'signedOut',
      message: 'The sign-in was denied in the browser. Sign in again if that was a mistake.',
    });
  });

  it('says so when the code expires', async () => {
    rig = await startSignInRig({ deviceCodeTtl: 2 });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'awaitingApproval');
    expect(await waitForStatus(rig, 'signedOut')).toEqual({
      kind: 'signedOut',
      message: 'The sign-in code expired after 1 minute. Sign in again.',
    });
  });

  it('stops polling at once when cancelled', async () => {
    rig = await startSignInRig();
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'awaitingApproval');
    await rig.core.handlers.cancelSignIn({ id: rig.instanceId });
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: 'Sign-in cancelled.' });
    const polls = rig.emulator.stats()['CreateToken']?.requests ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(rig.emulator.stats()['CreateToken']?.requests ?? 0).toBe(polls);
  });

  it('says the network is down when Identity Center cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const dead = `http://127.0.0.1:${closedPort}`;
    rig = await startSignInRig({}, { env: { AWS_ENDPOINT_URL_SSO_OIDC: dead, AWS_ENDPOINT_URL_SSO: dead } });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    expect(await waitForStatus(rig, 'signedOut', 20_000)).toEqual({
      kind: 'signedOut',
      message: 'Rolecall could not reach IAM Identity Center in us-east-1. Check your connection, then sign in again.',
    });
    expect(rig.effects.filter((e) => e.kind === 'open')).toEqual([]);
  });

  it('registers again, once, when the cached registration is rejected', async () => {
    rig = await startSignInRig();
    const file = registrationFilePath(path.join(rig.home, '.aws', 'sso', 'cache'), {
      sessionName: 'rig',
      startUrl: rig.emulator.startUrl,
      region: 'us-east-1',
    });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"clientId": "revoked", "clientSecret": "gone", "expiresAt": "2099-01-01T00:00:00Z", "scopes": ["sso:account:access"]}');
    await rig.core.handlers.signIn({ id: rig.instanceId });
    rig.emulator.approve((await waitForStatus(rig, 'awaitingApproval')).userCode);
    await waitForStatus(rig, 'signedIn');
    const registration = JSON.parse(await readFile(file, 'utf8')) as { clientId: string };
    expect(registration.clientId).not.toBe('revoked');
    expect(rig.emulator.stats()['RegisterClient']?.requests).toBe(1);
  });

  it('reuses the registration for the next sign-in', async () => {
    rig = await startSignInRig({ autoApprove: true });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'signedIn');
    await rig.core.handlers.signOut({ id: rig.instanceId });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'signedIn');
    expect(rig.emulator.stats()['RegisterClient']?.requests).toBe(1);
    expect(rigInstance(rig.core.getSnapshot(), rig.instanceId).memoryOnly).toBe(false);
  });
});

describe('closing the window', () => {
  it('stops a sign-in in progress', async () => {
    rig = await startSignInRig();
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'awaitingApproval');
    rig.core.windowsClosed();
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: 'Sign-in cancelled.' });
  });
});

/**
 * The whole console sign-in against the emulator: a real sign-in, GetRoleCredentials through the cache,
 * a POSTed getSigninToken, the login URL, and the page it lands on.
 */
import type { SSOClient } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../../tools/emulator/index';
import { portalClient, signInForAccessToken } from '../../../../tools/emulator/test-support';
import type { SessionCredentials } from './credentials';
import {
  consoleDestination,
  consoleLoginUrl,
  ConsoleSigninError,
  federationEndpoint,
  requestSigninToken,
  type FetchFunction,
} from './console-url';
import { createRoleCredentialsCache, type RoleCredentialsCache, type RoleCredentialsRequest } from './role-credentials';

const fixture = { accounts: [{ id: '111111111111', name: 'payments-prod', roles: ['AdministratorAccess'] }] };

const running: { emulator: RunningEmulator; portal: SSOClient }[] = [];
afterEach(async () => {
  for (const { emulator, portal } of running.splice(0)) {
    portal.destroy();
    await emulator.close();
  }
});

interface Setup {
  readonly emulator: RunningEmulator;
  readonly cache: RoleCredentialsCache;
  readonly admin: RoleCredentialsRequest;
  /** `<method> <path> <status> <operation>` for every request the emulator answered. */
  readonly requestLog: string[];
  /** Every request made through `fetch`, as the client sent it. */
  readonly sent: { url: string; method: string; body: string }[];
  readonly fetch: FetchFunction;
  readonly endpoint: string;
  readonly now: () => number;
}

async function setUp(options: EmulatorOptions = {}): Promise<Setup> {
  const requestLog: string[] = [];
  const emulator = await startEmulator({ fixture, ...options, onRequest: (line) => requestLog.push(line) });
  const portal = portalClient(emulator);
  running.push({ emulator, portal });
  const accessToken = await signInForAccessToken(emulator);
  const now = (): number => emulator.now();
  const cache = createRoleCredentialsCache({ portal, now });
  const sent: Setup['sent'] = [];
  const fetch: FetchFunction = (url, init) => {
    sent.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : '' });
    return globalThis.fetch(url, init);
  };
  const admin = { instanceId: 'i', accessToken, accountId: '111111111111', roleName: 'AdministratorAccess' };
  // An opt-in region, so the real endpoint would be regional; the override replaces it with the emulator.
  const endpoint = federationEndpoint('il-central-1', emulator.url);
  return { emulator, cache, admin, requestLog, sent, fetch, endpoint, now };
}

describe('console sign-in against the emulator', () => {
  it('signs in to the console at the chosen destination, with the credentials POSTed, never in a URL', async () => {
    const { emulator, cache, admin, requestLog, sent, fetch, endpoint, now } = await setUp();
    const credentials = await cache.get(admin);
    const signinToken = await requestSigninToken({ fetch, endpoint, credentials, now });
    expect(requestLog.filter((line) => line.includes('GetSigninToken'))).toEqual([
      expect.stringMatching(/^POST \/federation 200 GetSigninToken /) as unknown,
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(`${emulator.url}/federation`);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.body).toContain(encodeURIComponent(credentials.secretAccessKey));

    const destination = consoleDestination('il-central-1', { kind: 'service', service: 's3' });
    const loginUrl = consoleLoginUrl({ endpoint, signinToken, destination, issuer: 'Rolecall' });
    for (const secret of [credentials.secretAccessKey, credentials.sessionToken]) {
      expect(loginUrl).not.toContain(secret);
      expect(loginUrl).not.toContain(encodeURIComponent(secret));
    }
    const page = await (await globalThis.fetch(loginUrl)).text();
    expect(page).toContain('Signed in to payments-prod (111111111111) as AdministratorAccess');
    expect(page).toContain('https://il-central-1.console.aws.amazon.com/s3/home?region=il-central-1');
    expect(emulator.consoleLogins()).toMatchObject([
      { accountId: '111111111111', roleName: 'AdministratorAccess', destination, issuer: 'Rolecall' },
    ]);
    expect(emulator.stats()['GetRoleCredentials']?.requests).toBe(1);
  });

  it('the login URL is single-use', async () => {
    const { cache, admin, fetch, endpoint, now } = await setUp();
    const signinToken = await requestSigninToken({ fetch, endpoint, credentials: await cache.get(admin), now });
    const loginUrl = consoleLoginUrl({ endpoint, signinToken, destination: consoleDestination('us-east-1', { kind: 'home' }), issuer: 'Rolecall' });
    expect((await globalThis.fetch(loginUrl)).status).toBe(200);
    const again = await globalThis.fetch(loginUrl);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Sign-in link expired');
  });

  it('the console session lasts as long as the credentials by default, or as chosen within 900..43200 s', async () => {
    const { emulator, cache, admin, fetch, endpoint, now } = await setUp();
    const credentials = await cache.get(admin);
    const login = async (sessionDurationSeconds?: number): Promise<number> => {
      const signinToken = await requestSigninToken({ fetch, endpoint, credentials, now, sessionDurationSeconds });
      const at = emulator.now();
      await globalThis.fetch(
        consoleLoginUrl({ endpoint, signinToken, destination: consoleDestination('us-east-1', { kind: 'home' }), issuer: 'Rolecall' }),
      );
      const ends = emulator.consoleLogins().at(-1)?.consoleSessionEndsAt ?? Number.NaN;
      return (ends - at) / 1000;
    };
    const remaining = (credentials.expiration - emulator.now()) / 1000;
    expect(Math.abs((await login()) - remaining)).toBeLessThan(2);
    expect(Math.round(await login(43_200))).toBe(43_200);
    expect(Math.round(await login(999_999))).toBe(43_200);
    expect(Math.round(await login(60))).toBe(900);
  });

  it('short-lived credentials still get the 900 s minimum, which the endpoint accepts', async () => {
    const { emulator, cache, admin, requestLog, fetch, endpoint, now } = await setUp({ roleCredentialsTtl: 200 });
    const credentials = await cache.get(admin);
    await expect(requestSigninToken({ fetch, endpoint, credentials, now })).resolves.toMatch(/./);
    expect(requestLog.at(-1)).toMatch(/^POST \/federation 200 GetSigninToken/);
    expect(emulator.stats()['GetSigninToken']?.byStatus).toEqual({ 200: 1 });
  });

  it('credentials the emulator did not issue, or that expired, are rejected', async () => {
    const { emulator, cache, admin, fetch, endpoint, now } = await setUp();
    const credentials = await cache.get(admin);
    // Change the last character to something it is not (a fixed 'x' would match 1 key in 64 and flake).
    const last = credentials.secretAccessKey.slice(-1) === 'x' ? 'y' : 'x';
    const forged: SessionCredentials = { ...credentials, secretAccessKey: `${credentials.secretAccessKey.slice(0, -1)}${last}` };
    const forgedError = await requestSigninToken({ fetch, endpoint, credentials: forged, now }).catch((e: unknown) => e);
    expect(forgedError).toBeInstanceOf(ConsoleSigninError);
    expect((forgedError as ConsoleSigninError).kind).toBe('rejected');
    emulator.advanceClock(3601);
    const expiredError = await requestSigninToken({ fetch, endpoint, credentials, now }).catch((e: unknown) => e);
    expect((expiredError as ConsoleSigninError).kind).toBe('rejected');
    expect(emulator.stats()['GetSigninToken']?.byStatus).toEqual({ 400: 2 });
  });
});

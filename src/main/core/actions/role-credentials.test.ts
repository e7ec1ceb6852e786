import type { SSOClient } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../../tools/emulator/index';
import { portalClient, signInForAccessToken } from '../../../../tools/emulator/test-support';
import { createRoleCredentialsCache, RoleCredentialsError, type RoleCredentialsCache, type RoleCredentialsRequest } from './role-credentials';

const fixture = {
  accounts: [
    { id: '111111111111', name: 'payments-prod', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { id: '222222222222', roles: ['ReadOnlyAccess'] },
  ],
};

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
  /** GetRoleCredentials calls the emulator has answered so far. */
  calls(): number;
}

/** An emulator with the fixture, a real sign-in, and a cache on the emulator's clock. */
async function setUp(options: EmulatorOptions = {}): Promise<Setup> {
  const emulator = await startEmulator({ fixture, ...options });
  const portal = portalClient(emulator);
  running.push({ emulator, portal });
  const accessToken = await signInForAccessToken(emulator);
  const cache = createRoleCredentialsCache({ portal, now: () => emulator.now() });
  const admin = { instanceId: 'instance-a', accessToken, accountId: '111111111111', roleName: 'AdministratorAccess' };
  return { emulator, cache, admin, calls: () => emulator.stats()['GetRoleCredentials']?.requests ?? 0 };
}

async function failure(promise: Promise<unknown>): Promise<RoleCredentialsError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof RoleCredentialsError)) throw new Error(`Expected a RoleCredentialsError, got ${String(error)}`);
  return error;
}

describe('role credentials cache against the emulator', () => {
  it('returns the credentials the portal issued, and reuses them without a second call', async () => {
    const { emulator, cache, admin, calls } = await setUp();
    const first = await cache.get(admin);
    const secrets = emulator.secrets().map((s) => s.value);
    expect(secrets).toContain(first.secretAccessKey);
    expect(secrets).toContain(first.sessionToken);
    expect(first.accessKeyId).toMatch(/^ASIA/);
    expect(first.expiration - emulator.now()).toBeGreaterThan(3590_000);
    expect(first.expiration - emulator.now()).toBeLessThanOrEqual(3600_000);
    expect(calls()).toBe(1);
    expect(await cache.get(admin)).toBe(first);
    expect(calls()).toBe(1);
  });

  it('makes one call for concurrent requests of the same role', async () => {
    const { emulator, cache, admin, calls } = await setUp();
    emulator.updateSettings({ latencyMs: 50 });
    const results = await Promise.all([cache.get(admin), cache.get(admin), cache.get(admin)]);
    expect(new Set(results).size).toBe(1);
    expect(calls()).toBe(1);
  });

  it('keys by instance, account and role', async () => {
    const { cache, admin, calls } = await setUp();
    const a = await cache.get(admin);
    const b = await cache.get({ ...admin, roleName: 'ReadOnlyAccess' });
    const c = await cache.get({ ...admin, accountId: '222222222222', roleName: 'ReadOnlyAccess' });
    const d = await cache.get({ ...admin, instanceId: 'instance-b' });
    expect(new Set([a.accessKeyId, b.accessKeyId, c.accessKeyId, d.accessKeyId]).size).toBe(4);
    expect(calls()).toBe(4);
  });

  it('fetches again once fewer than 5 minutes are left', async () => {
    const { emulator, cache, admin, calls } = await setUp();
    const first = await cache.get(admin);
    emulator.advanceClock(3600 - 301);
    expect(await cache.get(admin)).toBe(first);
    expect(calls()).toBe(1);
    emulator.advanceClock(2);
    const second = await cache.get(admin);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls()).toBe(2);
  });

  it('credentials that live under 5 minutes are never reused', async () => {
    const { cache, admin, calls } = await setUp({ roleCredentialsTtl: 200 });
    const first = await cache.get(admin);
    const second = await cache.get(admin);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls()).toBe(2);
  });

  it('403 for a role not assigned: "no longer have access", and the session goes on', async () => {
    const { emulator, cache, admin } = await setUp();
    const error = await failure(cache.get({ ...admin, roleName: 'PowerUserAccess', accountName: 'payments-prod' }));
    expect(error.kind).toBe('no-access');
    expect(error.failure?.status).toBe(403);
    expect(error.message).toBe(
      'You no longer have access to PowerUserAccess in payments-prod (111111111111). Refresh the account list, or ask your administrator for access.',
    );
    const unnamed = await failure(cache.get({ ...admin, accountId: '222222222222' }));
    expect(unnamed.message).toMatch(/^You no longer have access to AdministratorAccess in 222222222222\./);
    expect(emulator.sessions().every((s) => s.live)).toBe(true);
    await expect(cache.get(admin)).resolves.toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/) as unknown });
  });

  it('401 once the session has ended: session-ended; credentials already cached stay usable until cleared', async () => {
    const { emulator, cache, admin } = await setUp();
    const cached = await cache.get(admin);
    expect(emulator.endSessions()).toBe(1);
    const error = await failure(cache.get({ ...admin, roleName: 'ReadOnlyAccess' }));
    expect(error.kind).toBe('session-ended');
    expect(error.message).toBe('Your IAM Identity Center session has ended. Sign in again.');
    expect(await cache.get(admin)).toBe(cached);
  });

  it('throttling and server faults are classified, and nothing secret ends up in the error', async () => {
    const { emulator, cache, admin } = await setUp();
    emulator.injectFault('GetRoleCredentials', 'TooManyRequestsException');
    const throttled = await failure(cache.get(admin));
    expect(throttled.kind).toBe('throttled');
    emulator.injectFault('GetRoleCredentials', 'InternalServerException');
    const failed = await failure(cache.get(admin));
    expect(failed.kind).toBe('failed');
    expect(failed.message).toBe('Could not get credentials for AdministratorAccess in 111111111111. Try again.');
    const text = JSON.stringify({ throttled, failed, messages: [throttled.message, failed.message] });
    for (const { value } of emulator.secrets()) expect(text).not.toContain(value);
    await expect(cache.get(admin)).resolves.toBeDefined();
  });

  it('clear(instanceId) drops that instance only; clear() drops all', async () => {
    const { cache, admin, calls } = await setUp();
    const other = { ...admin, instanceId: 'instance-b' };
    await cache.get(admin);
    const otherFirst = await cache.get(other);
    cache.clear('instance-a');
    await cache.get(admin);
    expect(await cache.get(other)).toBe(otherFirst);
    expect(calls()).toBe(3);
    cache.clear();
    await cache.get(other);
    expect(calls()).toBe(4);
  });

  it('a sign-out while the call is out rejects it and caches nothing', async () => {
    const { emulator, cache, admin, calls } = await setUp();
    emulator.updateSettings({ latencyMs: 100 });
    const pending = cache.get(admin);
    cache.clear('instance-a');
    const error = await failure(pending);
    expect(error.kind).toBe('signed-out');
    await cache.get(admin);
    expect(calls()).toBe(2);
  });
});

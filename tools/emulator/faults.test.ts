import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { createTokenBucket } from './rate-limiter';
import { oidcClient, portalClient, rejection, signIn, statusOf } from './test-support';

let emulator: RunningEmulator;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 10 });
  accessToken = (await signIn(emulator, oidcClient(emulator))).token.accessToken ?? '';
});
afterAll(() => emulator.close());

describe('token bucket', () => {
  it('lets a burst of `capacity` through, then refills at the rate', () => {
    let now = 0;
    const bucket = createTokenBucket(5, () => now);
    const burst = Array.from({ length: 8 }, () => bucket.take());
    expect(burst.filter(Boolean)).toHaveLength(5);
    now += 400; // 2 tokens
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now += 60_000; // a quiet minute banks only one second's worth
    expect(Array.from({ length: 8 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });
});

describe('--rate-limit', () => {
  it('answers 429 TooManyRequestsException beyond the rate, and counts it', async () => {
    const limited = await startEmulator({ accounts: 3, rateLimit: 5 });
    try {
      const token = (await signIn(limited, oidcClient(limited))).token.accessToken;
      const sso = portalClient(limited);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => sso.send(new ListAccountsCommand({ accessToken: token }))),
      );
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      const passed = results.length - rejected.length;
      expect(passed).toBeGreaterThanOrEqual(5);
      expect(passed).toBeLessThanOrEqual(7);
      for (const r of rejected) {
        expect((r.reason as Error).name).toBe('TooManyRequestsException');
        expect(statusOf(r.reason as Record<string, unknown>)).toBe(429);
      }
      const stats = limited.stats().ListAccounts;
      expect(stats?.requests).toBe(20);
      expect(stats?.throttled).toBe(rejected.length);
      // OIDC is not behind the portal's bucket.
      expect(limited.stats().CreateToken?.throttled).toBe(0);
    } finally {
      await limited.close();
    }
  });

  it('lets the SDK’s own retries get through a short throttle', async () => {
    emulator.injectFault('ListAccounts', 'TooManyRequestsException', 1);
    const response = await portalClient(emulator, 3).send(new ListAccountsCommand({ accessToken }));
    expect(response.$metadata.attempts).toBe(2);
  });
});

describe('--fail-rate', () => {
  it('answers every request with 500 at fail rate 1: InternalServerException for OIDC and the portal', async () => {
    emulator.updateSettings({ failRate: 1 });
    try {
      const oidcError = await rejection(
        oidcClient(emulator).send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' })),
      );
      expect(oidcError.name).toBe('InternalServerException');
      expect(oidcError.error).toBe('server_error');
      expect(statusOf(oidcError)).toBe(500);
      const portalError = await rejection(portalClient(emulator).send(new ListAccountsCommand({ accessToken })));
      expect(portalError.name).toBe('InternalServerException');
      expect(statusOf(portalError)).toBe(500);
    } finally {
      emulator.updateSettings({ failRate: 0 });
    }
  });

  it('fails about that fraction of requests, and counts them', async () => {
    emulator.updateSettings({ failRate: 0.3 });
    emulator.resetStats();
    try {
      const sso = portalClient(emulator);
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, () => sso.send(new ListAccountsCommand({ accessToken }))),
      );
      const failed = results.filter((r) => r.status === 'rejected').length;
      expect(failed).toBeGreaterThan(35);
      expect(failed).toBeLessThan(85);
      expect(emulator.stats().ListAccounts?.failed).toBe(failed);
    } finally {
      emulator.updateSettings({ failRate: 0 });
    }
  });
});

describe('--latency-ms', () => {
  it('delays responses without blocking other requests', async () => {
    emulator.updateSettings({ latencyMs: 300 });
    try {
      const sso = portalClient(emulator);
      const started = performance.now();
      await Promise.all(Array.from({ length: 10 }, () => sso.send(new ListAccountsCommand({ accessToken }))));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1500); // ten in parallel, not one after another
      const adminStarted = performance.now();
      await fetch(`${emulator.url}/__emulator/stats`);
      expect(performance.now() - adminStarted).toBeLessThan(250);
    } finally {
      emulator.updateSettings({ latencyMs: 0 });
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { discoverAccounts, type DiscoveryOptions } from './discover-accounts';
import type { DiscoveredAccount, DiscoveryProgress, FailedAccount } from './discovery-types';
import {
  emulatorFixture,
  portalCalls,
  signIn,
  startTestEmulator,
  type EmulatorAccount,
  type TestEmulator,
  type TestEmulatorOptions,
} from './emulator.test-support';
import { createPortalApi, createPortalClient, type AccountSummary } from './portal-api';

const running: TestEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator, signs in, and returns what a discovery run needs. */
async function signedIn(options: TestEmulatorOptions) {
  const emulator = await startTestEmulator(options);
  running.push(emulator);
  const accessToken = await signIn(emulator);
  const client = createPortalClient({ region: emulator.region, endpoint: emulator.url });
  const base: Pick<DiscoveryOptions, 'portal' | 'accessToken'> = { portal: createPortalApi(client), accessToken };
  return { emulator, base };
}

/** Records what a run streams. */
function recorder() {
  const pages: (readonly AccountSummary[])[] = [];
  const loaded: DiscoveredAccount[] = [];
  const failed: FailedAccount[] = [];
  const progress: DiscoveryProgress[] = [];
  const listeners = {
    onAccounts: (accounts: readonly AccountSummary[]) => pages.push(accounts),
    onAccountRoles: (account: DiscoveredAccount) => loaded.push(account),
    onAccountFailed: (account: FailedAccount) => failed.push(account),
    onProgress: (p: DiscoveryProgress) => progress.push(p),
  };
  return { pages, loaded, failed, progress, listeners };
}

/** The emulator's organization as discovery should report it. */
function expected(accounts: readonly EmulatorAccount[]): DiscoveredAccount[] {
  return accounts.map((a) => ({
    accountId: a.accountId,
    accountName: a.accountName ?? '',
    emailAddress: a.emailAddress ?? '',
    roles: [...a.roles],
  }));
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('discovery against the emulator', () => {
  it('reads every account and role exactly, through 429s and 5xx, one SDK attempt per call', async () => {
    const { emulator, base } = await signedIn({ accounts: 300, rolesPerAccount: 3, rateLimit: 50, failRate: 0.05, latencyMs: 5 });
    const seen = recorder();
    const outcome = await discoverAccounts({ ...base, listeners: seen.listeners }).outcome;

    expect(outcome.kind).toBe('complete');
    const { summary } = outcome;
    expect(summary.accounts).toEqual(expected(emulator.accounts()));
    expect(summary.failed).toEqual([]);
    expect(seen.pages.flat().map((a) => a.accountId)).toEqual(emulator.accounts().map((a) => a.accountId));
    expect(seen.loaded).toHaveLength(300);
    expect(seen.progress.at(-1)).toEqual({ accountsTotal: 300, listComplete: true, rolesLoaded: 300, accountsFailed: 0 });
    // The scheduler saw every call the emulator answered: the SDK retried nothing behind its back.
    const calls = portalCalls(emulator);
    expect(summary.calls).toBe(calls.requests);
    expect(summary.throttled).toBe(calls.throttled);
    expect(summary.faults).toBe(calls.failed);
    expect(summary.faults).toBeGreaterThan(0);
    expect(summary.retries).toBe(summary.throttled + summary.faults);
    expect(summary.firstAccountMs).toBeLessThan(1000);
  });

  it('keeps absent and hostile names verbatim, an absent name as ""', async () => {
    const { emulator, base } = await signedIn({ fixture: emulatorFixture('hostile.json') });
    const outcome = await discoverAccounts(base).outcome;
    expect(outcome.kind).toBe('complete');
    expect(outcome.summary.accounts).toEqual(expected(emulator.accounts()));
    expect(outcome.summary.accounts.some((a) => a.accountName === '')).toBe(true);
  });

  it('ends the run as session-ended on a 401 mid-run, and sends nothing more', async () => {
    const { emulator, base } = await signedIn({ accounts: 300, rateLimit: 50, latencyMs: 5 });
    const run = discoverAccounts({
      ...base,
      listeners: {
        onProgress: (p) => {
          if (p.rolesLoaded === 30) emulator.endSessions();
        },
      },
    });
    const outcome = await run.outcome;
    expect(outcome.kind).toBe('session-ended');
    expect(outcome.summary.accounts.length).toBeGreaterThanOrEqual(30);
    expect(outcome.summary.accounts.length).toBeLessThan(300);
    expect(outcome.summary.failed).toEqual([]);
    const sent = portalCalls(emulator).requests;
    await wait(300);
    expect(portalCalls(emulator).requests).toBe(sent);
  });

  it('isolates a 403 and a 404 to their accounts, each with a working retry', async () => {
    const { emulator, base } = await signedIn({ accounts: 40 });
    emulator.injectFault('ListAccountRoles', 'ForbiddenException', 1);
    emulator.injectFault('ListAccountRoles', 'ResourceNotFoundException', 1);
    const seen = recorder();
    const outcome = await discoverAccounts({ ...base, listeners: seen.listeners }).outcome;

    expect(outcome.kind).toBe('complete');
    expect(outcome.summary.accounts).toHaveLength(38);
    expect(outcome.summary.failed.map((f) => [f.failure.kind, f.failure.status, f.attempts]).sort()).toEqual([
      ['forbidden', 403, 1],
      ['not-found', 404, 1],
    ]);
    expect(seen.failed).toHaveLength(2);
    for (const failed of outcome.summary.failed) {
      const retried = await failed.retry();
      const account = expected(emulator.accounts()).find((a) => a.accountId === failed.account.accountId);
      expect(retried).toEqual({ kind: 'loaded', account });
    }
    expect(seen.loaded).toHaveLength(40);
    expect(seen.progress.at(-1)).toMatchObject({ rolesLoaded: 40, accountsFailed: 0 });
  });

  it('reads an opened account first, and stops at once on cancel', async () => {
    const { emulator, base } = await signedIn({ accounts: 300, rateLimit: 40, latencyMs: 5 });
    const last = emulator.accounts().at(-1)?.accountId ?? '';
    const order: string[] = [];
    let loadedWhenOpened: number | undefined;
    const run = discoverAccounts({
      ...base,
      listeners: {
        onProgress: (p) => {
          if (!p.listComplete || loadedWhenOpened !== undefined) return;
          loadedWhenOpened = p.rolesLoaded;
          run.prioritize(last);
        },
        onAccountRoles: (account) => {
          order.push(account.accountId);
          if (account.accountId === last) run.cancel();
        },
      },
    });
    const outcome = await run.outcome;
    expect(outcome.kind).toBe('cancelled');
    // Up to maxConcurrency calls were already on their way when it was opened; it came right after them.
    expect(loadedWhenOpened).toBeDefined();
    expect(order.indexOf(last)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(last)).toBeLessThanOrEqual((loadedWhenOpened ?? 0) + 10);
    const sent = portalCalls(emulator).requests;
    await wait(300);
    expect(portalCalls(emulator).requests).toBe(sent);
  });

  it('cancels through an AbortSignal before anything is sent', async () => {
    const { emulator, base } = await signedIn({ accounts: 5 });
    const controller = new AbortController();
    controller.abort();
    const outcome = await discoverAccounts({ ...base, signal: controller.signal }).outcome;
    expect(outcome).toMatchObject({ kind: 'cancelled', summary: { accountsTotal: 0, calls: 0 } });
    expect(portalCalls(emulator).requests).toBe(0);
  });

  it('reports list-failed when ListAccounts fails for good', async () => {
    const { emulator, base } = await signedIn({ accounts: 5 });
    emulator.injectFault('ListAccounts', 'InvalidRequestException', 1);
    const outcome = await discoverAccounts(base).outcome;
    expect(outcome).toMatchObject({ kind: 'list-failed', failure: { kind: 'invalid-request', status: 400 } });
    expect(outcome.summary.accountsTotal).toBe(0);
  });
});

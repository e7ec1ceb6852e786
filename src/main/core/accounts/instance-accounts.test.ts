/**
 * The account list in the core, against the emulator: streamed after sign-in, cached, shown at once on
 * the next start and refreshed behind it, with what changed; favourites and aliases kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsUpdate } from '../../../shared/accounts';
import type { AppCore } from '../app-core';
import { createTestCore } from '../core-test-support';
import { createJsonStateFile } from '../persistence/state-file';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';
import { SESSION_ENDED_MESSAGE } from '../sign-in/sign-in-messages';

let rig: SignInRig | undefined;
const cores: AppCore[] = [];
afterEach(async () => {
  cores.forEach((c) => c.dispose());
  cores.length = 0;
  await rig?.close();
  rig = undefined;
});

function discoveryDone(core: AppCore, id: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('discovery never completed')), timeoutMs);
    const check = (): void => {
      if (core.getSnapshot().instances.find((i) => i.id === id)?.discovery.state === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    };
    core.subscribe(check);
    check();
  });
}

const summary = (update: AccountsUpdate): string[][] =>
  update.accounts.map((a) => [a.accountId, a.accountName, a.roles.join(',')]).sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));

describe('the account list', () => {
  it('streams after sign-in, complete and exact despite throttling and faults, and cached', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 120, rolesPerAccount: 3, latencyMs: 20, rateLimit: 200, failRate: 0.05 });
    let streamed = 0;
    rig.core.subscribeAccounts((u) => {
      if (u.accounts.some((a) => a.rolesState === 'loading')) streamed += 1;
    });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'signedIn');
    await discoveryDone(rig.core, rig.instanceId);
    // Accounts were shown before all their roles were read (the time to the first is in `npm run bench`).
    expect(streamed).toBeGreaterThan(0);
    const update = await rig.core.handlers.getAccounts({ id: rig.instanceId });
    const expected = rig.emulator.accounts().map((a) => [a.accountId, a.accountName ?? '', a.roles.join(',')]);
    expect(summary(update)).toEqual(expected.sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? '')));
    expect(update.accounts.every((a) => a.rolesState === 'loaded' && !a.isNew)).toBe(true);
    const state = JSON.parse(await readFile(path.join(rig.dataDir, 'config.json'), 'utf8')) as { accountCache: Record<string, { accounts: unknown[] }> };
    expect(state.accountCache[rig.instanceId]?.accounts).toHaveLength(120);
  });

  it('shows the cached list at once on the next start, refreshes it, and shows what changed', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 30 });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await discoveryDone(rig.core, rig.instanceId);
    rig.core.dispose();
    // Pretend the last list had a since-closed account and lacked the first real one.
    const file = path.join(rig.dataDir, 'config.json');
    const state = JSON.parse(await readFile(file, 'utf8')) as { accountCache: Record<string, { accounts: { accountId: string; accountName: string }[] }> };
    const cached = state.accountCache[rig.instanceId];
    if (cached === undefined) throw new Error('no cache');
    const dropped = cached.accounts.shift();
    cached.accounts.push({ accountId: '999999999999', accountName: 'closed-sandbox', emailAddress: '', roles: ['ReadOnlyAccess'] } as never);
    await writeFile(file, JSON.stringify(state));

    const again = await createTestCore({
      homedir: rig.home,
      env: { HOME: rig.home, ...rig.emulator.env },
      stateFile: createJsonStateFile(rig.dataDir),
      loopbackOrigins: [rig.emulator.url],
    });
    cores.push(again.core);
    const instance = again.core.getSnapshot().instances[0];
    expect(instance?.discovery.fromCache).toBe(true);
    const atStart = await again.core.handlers.getAccounts({ id: rig.instanceId });
    expect(atStart.accounts.map((a) => a.accountName)).toContain('closed-sandbox');
    await discoveryDone(again.core, rig.instanceId);
    const after = await again.core.handlers.getAccounts({ id: rig.instanceId });
    expect(after.accounts.filter((a) => a.isNew).map((a) => a.accountId)).toEqual([dropped?.accountId]);
    expect(again.core.getSnapshot().instances[0]?.discovery).toMatchObject({ state: 'complete', fromCache: false, removed: ['closed-sandbox'] });
  });

  it('signs the instance out when the portal answers 401 mid-discovery, and opens no browser', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 200, latencyMs: 30, rateLimit: 20 });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'signedIn');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rig.emulator.endSessions();
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: SESSION_ENDED_MESSAGE });
    expect(rig.core.getSnapshot().instances[0]?.discovery.state).not.toBe('running');
    expect(rig.effects.filter((e) => e.kind === 'open')).toHaveLength(1);
  });

  it('keeps favourites, aliases, colours and recent use across restarts', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 5 });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await discoveryDone(rig.core, rig.instanceId);
    const [first] = (await rig.core.handlers.getAccounts({ id: rig.instanceId })).accounts;
    const accountId = first?.accountId ?? '';
    await rig.core.handlers.setAccountPrefs({ id: rig.instanceId, accountId, favourite: true, alias: ' payments ', colour: 'teal' });
    await rig.core.handlers.openAccount({ id: rig.instanceId, accountId });
    await rig.core.handlers.setAccountSort({ sort: 'recent' });
    const again = await createTestCore({ homedir: rig.home, env: { HOME: rig.home }, stateFile: createJsonStateFile(rig.dataDir) });
    cores.push(again.core);
    const account = (await again.core.handlers.getAccounts({ id: rig.instanceId })).accounts.find((a) => a.accountId === accountId);
    expect(account?.prefs).toMatchObject({ favourite: true, alias: 'payments', colour: 'teal', lastUsedAt: expect.any(Number) as number });
    expect(again.core.getSnapshot().settings.accountSort).toBe('recent');
    await again.core.handlers.setAccountPrefs({ id: rig.instanceId, accountId, alias: null, colour: null });
    const cleared = (await again.core.handlers.getAccounts({ id: rig.instanceId })).accounts.find((a) => a.accountId === accountId);
    expect(cleared?.prefs).toEqual({ favourite: true, lastUsedAt: expect.any(Number) as number });
  });
});

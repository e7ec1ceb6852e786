import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { cliFixture } from '../cli-fixture.test-support';
import { createCliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ fixture: cliFixture });
});
afterAll(() => emulator.close());

const cachedList = (listedAt: number) => ({
  listedAt,
  accounts: [
    { accountId: '111111111111', accountName: 'management', emailAddress: 'm@x', roles: ['AdministratorAccess'] },
    { accountId: '222222222222', accountName: 'payments-prod', emailAddress: 'p@x', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
  ],
});

describe('rolecall accounts', () => {
  it('lists the accounts again when signed in with no saved list, and saves them in the shared state file', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    await world.signIn(instance);
    const run = await world.run(['accounts']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ACCOUNT ID\s+NAME\s+ROLES$/);
    expect(lines).toHaveLength(7);
    expect(run.stdout).toContain('222222222222  payments-prod');
    // Control characters in a name from the network never reach the terminal.
    expect(run.stdout).toContain('evil?[31mred?X');
    const state = JSON.parse(await readFile(path.join(world.dataDir, 'config.json'), 'utf8')) as { accountCache: Record<string, { accounts: unknown[] }> };
    expect(state.accountCache[instance.id]?.accounts).toHaveLength(6);
  });

  it('shows the saved list without the network, filters it with the app matcher, favourites and aliases included', async () => {
    const world = await createCliWorld(emulator);
    const instanceId = 'i-1';
    await world.writeState({
      version: 1,
      instances: [{ id: instanceId, sessionName: 'acme', startUrl: emulator.startUrl, region: emulator.region, tokenStorage: 'aws-cli' }],
      accountCache: { [instanceId]: cachedList(Date.now()) },
      accountPrefs: { [instanceId]: { '222222222222': { alias: 'pay', favourite: true } } },
    });
    emulator.resetStats();
    const all = await world.run(['accounts']);
    expect(all.stdout.split('\n')[1]).toMatch(/^222222222222\s+payments-prod \*\s+pay\s+AdministratorAccess, ReadOnlyAccess$/);
    const filtered = await world.run(['accounts', 'pay', 'read', '--json']);
    expect(JSON.parse(filtered.stdout)).toEqual([
      {
        instance: 'acme',
        accountId: '222222222222',
        accountName: 'payments-prod',
        emailAddress: 'p@x',
        alias: 'pay',
        favourite: true,
        roles: ['AdministratorAccess', 'ReadOnlyAccess'],
      },
    ]);
    expect(emulator.stats()['ListAccounts']).toBeUndefined();
    const none = await world.run(['accounts', 'nothing-like-this']);
    expect(none).toEqual({ code: 3, stdout: '', stderr: 'rolecall: No account matches "nothing-like-this".\n' });
  });

  it('keeps showing a stale list when signed out, and says so; --refresh when signed out fails with the fix', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    await world.writeState({ version: 1, instances: [instance], accountCache: { [instance.id]: cachedList(Date.now() - 13 * 3600_000) } });
    const stale = await world.run(['accounts']);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain('payments-prod');
    expect(stale.stderr).toMatch(/^acme: showing the list saved .*; sign in to list again\.\n$/);
    const refresh = await world.run(['accounts', '--refresh']);
    expect(refresh).toEqual({ code: 1, stdout: '', stderr: 'rolecall: Not signed in to acme. Run: rolecall login\n' });
  });

  it('colours the header only on a terminal, and never with NO_COLOR', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    await world.writeState({ version: 1, instances: [instance], accountCache: { [instance.id]: cachedList(Date.now()) } });
    expect((await world.run(['accounts'], { tty: true })).stdout).toContain('\u001b[1mACCOUNT ID');
    expect((await world.run(['accounts'])).stdout).not.toContain('\u001b[');
    expect((await world.run(['accounts'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

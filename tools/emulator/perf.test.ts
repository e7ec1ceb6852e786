import { ListAccountRolesCommand, ListAccountsCommand, paginateListAccounts } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, signIn } from './test-support';

let emulator: RunningEmulator;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 10_000, rolesPerAccount: 5 });
  accessToken = (await signIn(emulator, oidcClient(emulator))).token.accessToken ?? '';
});
afterAll(() => emulator.close());

describe('scale: 10,000 accounts × 5 roles', () => {
  it('builds the organization in well under a second', () => {
    expect(emulator.organization.accounts).toHaveLength(10_000);
    expect(emulator.organization.roleAssignments).toBe(50_000);
    console.log(`[perf] 10,000 × 5 organization built in ${emulator.loadMs.toFixed(1)} ms`);
    expect(emulator.loadMs).toBeLessThan(1000);
  });

  it('serves pages of 100 accounts in well under 10 ms of server time', async () => {
    // Warm up first: the first few requests pay for JIT compilation, which is not what is measured here.
    const sso = portalClient(emulator);
    for (let i = 0; i < 5; i += 1) await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
    emulator.resetStats();
    let pages = 0;
    let accounts = 0;
    for await (const page of paginateListAccounts({ client: sso, pageSize: 100 }, { accessToken })) {
      pages += 1;
      accounts += page.accountList?.length ?? 0;
    }
    expect(pages).toBe(100);
    expect(accounts).toBe(10_000);
    const stats = emulator.stats().ListAccounts;
    const mean = (stats?.serverMs.total ?? Infinity) / (stats?.requests ?? 1);
    console.log(`[perf] ListAccounts, 100 pages of 100: mean ${mean.toFixed(3)} ms, max ${stats?.serverMs.max.toFixed(3)} ms server time`);
    expect(mean).toBeLessThan(5);
  });

  it('answers ListAccountRoles for the last account as fast as for the first', async () => {
    emulator.resetStats();
    const sso = portalClient(emulator);
    const ids = [emulator.accounts()[0]?.accountId, emulator.accounts().at(-1)?.accountId];
    for (let i = 0; i < 50; i += 1) {
      for (const accountId of ids) await sso.send(new ListAccountRolesCommand({ accessToken, accountId }));
    }
    const stats = emulator.stats().ListAccountRoles;
    const mean = (stats?.serverMs.total ?? Infinity) / (stats?.requests ?? 1);
    console.log(`[perf] ListAccountRoles: mean ${mean.toFixed(3)} ms server time`);
    expect(mean).toBeLessThan(5);
  });
});

import { ListAccountsCommand, paginateListAccountRoles, paginateListAccounts, type AccountInfo } from '@aws-sdk/client-sso';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsFromFixture, loadFixtureFile } from './fixture';
import { generateAccounts, ROLE_CATALOGUE, startEmulator } from './index';
import { oidcClient, portalClient, signIn } from './test-support';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('generated organizations', () => {
  it('are identical for a seed and different for another', () => {
    const a = generateAccounts({ accounts: 50, rolesPerAccount: 3, seed: 42 });
    expect(generateAccounts({ accounts: 50, rolesPerAccount: 3, seed: 42 })).toEqual(a);
    expect(generateAccounts({ accounts: 50, rolesPerAccount: 3, seed: 43 })).not.toEqual(a);
  });

  it('look real: team-environment names, unique 12-digit ids, emails, catalogue roles', () => {
    const accounts = generateAccounts({ accounts: 2000, rolesPerAccount: 5, seed: 1 });
    expect(accounts.slice(0, 4).map((a) => a.accountName)).toEqual(['management', 'log-archive', 'audit', 'security-tooling']);
    expect(new Set(accounts.map((a) => a.accountId)).size).toBe(2000);
    expect(new Set(accounts.map((a) => a.accountName)).size).toBe(2000);
    const catalogue = new Set<string>(ROLE_CATALOGUE);
    const odd = accounts.filter(
      (a) =>
        !/^\d{12}$/.test(a.accountId) ||
        !/^[a-z][a-z0-9-]*[a-z0-9]$/.test(a.accountName ?? '') ||
        a.emailAddress !== `aws+${a.accountName}@example.com` ||
        a.roles.length !== 5 ||
        !a.roles.every((role) => catalogue.has(role)),
    );
    expect(odd).toEqual([]);
    expect(accounts.some((a) => a.accountName === 'payments-prod')).toBe(true);
  });

  it('invent extra role names beyond the catalogue', () => {
    const [account] = generateAccounts({ accounts: 1, rolesPerAccount: 14, seed: 1 });
    expect(account?.roles).toHaveLength(14);
    expect(account?.roles.at(-1)).toBe('CustomRole002');
  });
});

describe('fixtures', () => {
  it('loads the sample organization', async () => {
    const accounts = await loadFixtureFile(join(FIXTURES, 'sample-org.json'));
    expect(accounts.length).toBeGreaterThan(10);
    expect(accounts.find((a) => a.accountName === 'payments-prod')?.roles).toContain('AdministratorAccess');
  });

  it('explains what is wrong with a bad fixture', () => {
    expect(() => accountsFromFixture({ accounts: [{ id: '123', roles: [] }] })).toThrow(/accounts\.0\.id.*12 digits/);
    expect(() => accountsFromFixture({ accounts: [{ id: '123456789012', roles: [], extra: 1 }] })).toThrow(/not a valid/);
    expect(() => accountsFromFixture([])).toThrow(/not a valid/);
  });

  it('refuses duplicate account ids and --fixture together with --accounts', async () => {
    const dup = { accounts: [{ id: '123456789012', roles: [] }, { id: '123456789012', roles: [] }] };
    await expect(startEmulator({ fixture: dup })).rejects.toThrow(/more than once/);
    await expect(startEmulator({ fixture: dup, accounts: 3 })).rejects.toThrow(/either --fixture or --accounts/);
  });

  it('serves every hostile name byte for byte through the real SDK', async () => {
    const path = join(FIXTURES, 'hostile.json');
    const raw = JSON.parse(await readFile(path, 'utf8')) as { accounts: { id: string; name?: string; email?: string; roles: string[] }[] };
    const all = raw.accounts.flatMap((a) => [a.name ?? '', a.email ?? '', ...a.roles]).join('');
    for (const needle of ['\n', ']', '[', '=', ';', '#', '"', "'", '<script>', '\u202E', '\u0000']) expect(all).toContain(needle);
    expect(raw.accounts.some((a) => a.name?.length === 1000)).toBe(true);
    expect(raw.accounts.some((a) => a.name === '')).toBe(true);

    const emulator = await startEmulator({ fixture: path });
    try {
      const { accessToken } = (await signIn(emulator, oidcClient(emulator))).token;
      const sso = portalClient(emulator);
      const accounts: AccountInfo[] = [];
      for await (const page of paginateListAccounts({ client: sso, pageSize: 5 }, { accessToken })) accounts.push(...(page.accountList ?? []));
      expect(accounts).toEqual(
        raw.accounts.map((a) => ({
          accountId: a.id,
          ...(a.name === undefined ? {} : { accountName: a.name }),
          ...(a.email === undefined ? {} : { emailAddress: a.email }),
        })),
      );
      for (const account of raw.accounts) {
        const roles: string[] = [];
        for await (const page of paginateListAccountRoles({ client: sso, pageSize: 2 }, { accessToken, accountId: account.id })) {
          roles.push(...(page.roleList ?? []).map((r) => r.roleName ?? ''));
        }
        expect(roles).toEqual(account.roles);
      }
      await sso.send(new ListAccountsCommand({ accessToken, maxResults: 1 }));
    } finally {
      await emulator.close();
    }
  });
});

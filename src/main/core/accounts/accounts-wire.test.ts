import { describe, expect, it } from 'vitest';
import type { AccountsUpdate } from '../../../shared/accounts';
import { decodeAccountsUpdate, encodeAccountsUpdate } from '../../../shared/accounts-wire';

describe('the accounts wire form', () => {
  it('round-trips every field and is much smaller than plain JSON', () => {
    const update: AccountsUpdate = {
      instanceId: 'i1',
      revision: 7,
      accounts: Array.from({ length: 200 }, (_, i) => ({
        accountId: String(100000000000 + i),
        accountName: `team-${i}`,
        emailAddress: `aws+${i}@acme.example`,
        roles: ['AdministratorAccess', 'ReadOnlyAccess', i % 2 === 0 ? 'PowerUserAccess' : 'BillingAccess'],
        rolesState: i % 3 === 0 ? 'loading' : i % 3 === 1 ? 'failed' : 'loaded',
        isNew: i % 5 === 0,
        prefs: i % 7 === 0 ? { favourite: true, alias: 'pay', colour: 'teal', lastUsedAt: 5 } : {},
      })),
    };
    const wire = encodeAccountsUpdate(update);
    expect(decodeAccountsUpdate(JSON.parse(JSON.stringify(wire)) as typeof wire)).toEqual(update);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(update).length * 0.6);
  });

  it('gives accounts with the same roles one shared array, so a row height is worked out once per set of roles', () => {
    const view = (accountId: string, roles: string[]) => ({ accountId, accountName: accountId, emailAddress: '', roles, rolesState: 'loaded' as const, isNew: false, prefs: {} });
    const wire = encodeAccountsUpdate({ instanceId: 'i1', revision: 1, accounts: [view('1', ['A', 'B']), view('2', ['A', 'B']), view('3', ['B', 'A']), view('4', [])] });
    const [a, b, c, d] = decodeAccountsUpdate(JSON.parse(JSON.stringify(wire)) as typeof wire).accounts;
    expect(a?.roles).toBe(b?.roles);
    expect(c?.roles).toEqual(['B', 'A']);
    expect(c?.roles).not.toBe(a?.roles);
    expect(d?.roles).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createMatcher, filterAccounts, prepareAccounts, type Searchable } from './account-search';

const account = (accountName: string, roles: string[], alias?: string): Searchable => ({ accountId: `${accountName.length}00000000000`.slice(0, 12), accountName, emailAddress: `${accountName}@example.com`, alias, roles });

const accounts = [
  account('payments-prod', ['AdministratorAccess', 'ReadOnlyAccess']),
  account('payments-dev', ['AdministratorAccess']),
  account('data-lake', ['PowerUserAccess'], 'lake house'),
  account('billing', ['BillingAccess', 'ReadOnlyAccess']),
  account('staging', ['ReadOnlyAccess', 'DeveloperAccess']),
];

describe('createMatcher', () => {
  it('answers every query of a typing session exactly as filterAccounts does, in the same order', () => {
    const prepared = prepareAccounts(accounts);
    const match = createMatcher(accounts, 4);
    const session = ['p', 'pa', 'pay', 'pay ', 'pay p', 'pay pr', 'pay pro', 'pay pr', 'pay', 'pa', 'p', '', 'read', 'read only', 'only read', 'ad', 'adm', 'a', 'lake h', 'x', 'xy', 'x', ''];
    for (const query of session) expect(match(query), query).toEqual(filterAccounts(prepared, query));
  });

  it('forgets the oldest answers beyond its limit and still answers them right', () => {
    const prepared = prepareAccounts(accounts);
    const match = createMatcher(accounts, 2);
    for (const query of ['billing', 'staging', 'data', 'billing', 'dev', 'staging']) expect(match(query)).toEqual(filterAccounts(prepared, query));
  });

  it('answers the same whether its text was prepared ahead or at the first query', () => {
    const ahead = createMatcher(accounts);
    ahead.prepare();
    const lazy = createMatcher(accounts);
    for (const query of ['', 'read', 'pay admin', '']) expect(ahead(query)).toEqual(lazy(query));
    expect(lazy('')).toBe(accounts);
  });
});

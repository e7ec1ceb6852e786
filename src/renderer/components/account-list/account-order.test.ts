import { describe, expect, it } from 'vitest';
import { filterAccounts, prepareAccounts } from '../../../shared/account-search';
import type { AccountPrefs, AccountView } from '../../../shared/accounts';
import { buildRows, estimateRowHeight, moveActive, orderAccounts, primaryRole, resolveActiveIndex, type ListRow } from './account-order';

let nextId = 100000000000;
function account(accountName: string, prefs: AccountPrefs = {}, roles: string[] = ['ReadOnly']): AccountView {
  nextId += 1;
  return { accountId: String(nextId), accountName, emailAddress: `${accountName}@example.com`, roles, rolesState: 'loaded', prefs, isNew: false };
}

const names = (accounts: readonly { displayName: string }[]): string[] => accounts.map((a) => a.displayName);
const labels = (rows: readonly ListRow[]): string[] => rows.map((r) => (r.kind === 'section' ? `# ${r.label} (${r.count})` : r.account.displayName));

describe('ordering the account list', () => {
  it('sorts by display name, case-insensitively and with numbers in numeric order', () => {
    const ordered = orderAccounts([account('beta'), account('Alpha'), account('dev-10'), account('dev-2'), account('zeta', { alias: 'Aardvark' })], 'name');
    expect(names(ordered)).toEqual(['Aardvark', 'Alpha', 'beta', 'dev-2', 'dev-10']);
    expect(ordered.every((a) => a.section === 'all')).toBe(true);
  });

  it('pins favourites on top, then the five most recently used, then the rest', () => {
    const recent = Array.from({ length: 7 }, (_, i) => account(`used-${i}`, { lastUsedAt: 1000 + i }));
    const ordered = orderAccounts([account('zulu'), ...recent, account('fav-b', { favourite: true, lastUsedAt: 5000 }), account('fav-a', { favourite: true }), account('alpha')], 'name');
    expect(names(ordered)).toEqual(['fav-a', 'fav-b', 'used-6', 'used-5', 'used-4', 'used-3', 'used-2', 'alpha', 'used-0', 'used-1', 'zulu']);
    expect(ordered.map((a) => a.section)).toEqual(['favourites', 'favourites', 'recent', 'recent', 'recent', 'recent', 'recent', 'all', 'all', 'all', 'all']);
  });

  it('sorts the rest by last use when asked, never-used accounts last by name', () => {
    const ordered = orderAccounts([account('b-never'), account('old', { lastUsedAt: 10 }), account('a-never'), account('newer', { lastUsedAt: 20 })], 'recent', 0);
    expect(names(ordered)).toEqual(['newer', 'old', 'a-never', 'b-never']);
  });

  it('treats a blank alias as no alias', () => {
    expect(names(orderAccounts([account('real', { alias: '  ' })], 'name'))).toEqual(['real']);
  });
});

describe('rows with section labels', () => {
  it('labels each section when more than one has accounts, counting its accounts', () => {
    const ordered = orderAccounts([account('b'), account('a', { favourite: true }), account('c', { lastUsedAt: 1 }), account('d')], 'name');
    expect(labels(buildRows(ordered))).toEqual(['# Favourites (1)', 'a', '# Recent (1)', 'c', '# All accounts (2)', 'b', 'd']);
  });

  it('shows no label when every row is in one section', () => {
    expect(labels(buildRows(orderAccounts([account('b'), account('a')], 'name')))).toEqual(['a', 'b']);
  });

  it('keeps the sections of a filtered list, and numbers accounts among the matches', () => {
    const ordered = orderAccounts([account('payments-prod', { favourite: true }, ['AdministratorAccess']), account('payments-dev'), account('billing-prod', {}, ['AdministratorAccess'])], 'name');
    const rows = buildRows(filterAccounts(prepareAccounts(ordered), 'prod admin'));
    expect(labels(rows)).toEqual(['# Favourites (1)', 'payments-prod', '# All accounts (1)', 'billing-prod']);
    expect(rows.flatMap((r) => (r.kind === 'account' ? [r.position] : []))).toEqual([1, 2]);
  });

  it('searches the alias too', () => {
    const ordered = orderAccounts([account('123-xyz', { alias: 'Payments' }), account('other')], 'name');
    expect(names(filterAccounts(prepareAccounts(ordered), 'pay'))).toEqual(['Payments']);
  });
});

describe('moving the active row', () => {
  const rows = buildRows(orderAccounts([account('a', { favourite: true }), account('b'), account('c'), account('d')], 'name'));
  // # Favourites, a, # All accounts, b, c, d
  it('skips section labels and stops at the ends', () => {
    expect(moveActive(rows, 1, 'next')).toBe(3);
    expect(moveActive(rows, 3, 'previous')).toBe(1);
    expect(moveActive(rows, 1, 'previous')).toBe(1);
    expect(moveActive(rows, 5, 'next')).toBe(5);
  });

  it('jumps to the first and last account with Home and End', () => {
    expect(moveActive(rows, 4, 'first')).toBe(1);
    expect(moveActive(rows, 1, 'last')).toBe(5);
  });

  it('pages by the given size, landing on an account', () => {
    expect(moveActive(rows, 1, 'pageDown', 2)).toBe(3);
    expect(moveActive(rows, 1, 'pageDown', 1)).toBe(3);
    expect(moveActive(rows, 5, 'pageUp', 3)).toBe(3);
    expect(moveActive(rows, 3, 'pageUp', 10)).toBe(1);
    expect(moveActive(rows, 5, 'pageDown', 10)).toBe(5);
  });

  it('resolves the active key, falling back to the first account when it is not shown', () => {
    const key = rows[4]?.key ?? null;
    expect(resolveActiveIndex(rows, key)).toBe(4);
    expect(resolveActiveIndex(rows, 'gone')).toBe(1);
    expect(resolveActiveIndex(rows, null)).toBe(1);
    expect(resolveActiveIndex([], null)).toBe(-1);
  });
});

describe('row height estimates', () => {
  it('grows with the number of role lines', () => {
    const [few, many] = buildRows(orderAccounts([account('a', {}, ['x']), account('b', {}, Array.from({ length: 9 }, (_, i) => `r${i}`))], 'name'));
    expect(estimateRowHeight(many)).toBeGreaterThan(estimateRowHeight(few));
  });

  it('packs chips as the browser does, at the width of the list', () => {
    // Text widths as Chromium measured these names in the chips' font. In Chromium such rows measured 75px in a
    // 1280px window, and narrow rows 61px plus 32px per line of chips (125px for two lines, 157px for three).
    const widths: Record<string, number> = { BillingAccess: 81.1, DeveloperAccess: 107.1, SecurityAudit: 84.1 };
    const [row] = buildRows(orderAccounts([account('a', {}, ['BillingAccess', 'DeveloperAccess', 'SecurityAudit'])], 'name'));
    const textWidth = (role: string): number => widths[role] ?? 0;
    expect(estimateRowHeight(row, { rowWidth: 966, textWidth })).toBe(75);
    expect(estimateRowHeight(row, { rowWidth: 1400, textWidth })).toBe(55);
    expect(estimateRowHeight(row, { rowWidth: 660, textWidth })).toBe(93);
    expect(estimateRowHeight(row, { rowWidth: 300, textWidth })).toBe(157);
  });
});

describe('primaryRole', () => {
  it('is the only role, or the last-used role while the account still has it', () => {
    expect(primaryRole(['ReadOnly'], undefined)).toBe('ReadOnly');
    expect(primaryRole(['Admin', 'ReadOnly'], 'ReadOnly')).toBe('ReadOnly');
    expect(primaryRole(['Admin', 'ReadOnly'], 'Gone')).toBeUndefined();
    expect(primaryRole(['Admin', 'ReadOnly'], undefined)).toBeUndefined();
  });
});

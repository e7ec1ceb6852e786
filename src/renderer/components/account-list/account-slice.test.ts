/**
 * The first slice of a long list (src/shared/account-slice.ts) orders into exactly the window's first rows,
 * whichever sort is chosen, and the counts shown with it are the whole list's.
 */
import { describe, expect, it } from 'vitest';
import { firstSlice, SLICE_PLAIN_ACCOUNTS, sendFirstSlices } from '../../../shared/account-slice';
import type { AccountPrefs, AccountsUpdate, AccountView } from '../../../shared/accounts';
import { compareNamedAccounts } from '../../../shared/name-order';
import { buildRows, orderAccounts, type ListRow } from './account-order';

function account(index: number, prefs: AccountPrefs = {}, isNew = false): AccountView {
  const name = `team-${String(index % 97).padStart(2, '0')}-env-${index}`;
  return { accountId: String(100000000000 + index), accountName: name, emailAddress: `${name}@example.com`, roles: ['ReadOnly'], rolesState: 'loaded', prefs, isNew };
}

/** A big list as main sends it (name order), with favourites, more recent accounts than the Recent section holds, aliases that move accounts to the top, and new ones. */
function bigList(): AccountView[] {
  const accounts = Array.from({ length: 3000 }, (_, i) => {
    if (i % 701 === 5) return account(i, { favourite: true });
    if (i % 333 === 7) return account(i, { lastUsedAt: 1_000_000 + i });
    if (i % 911 === 3) return account(i, { alias: `aaa alias ${i}` });
    return account(i, {}, i % 1201 === 11);
  });
  return accounts.sort((a, b) => compareNamedAccounts(a.accountName, a.accountId, b.accountName, b.accountId));
}

const keys = (rows: readonly ListRow[]): string[] => rows.map((row) => (row.kind === 'section' ? `# ${row.label} ${row.count}` : row.key));

describe('the first slice of a long list', () => {
  const whole: AccountsUpdate = { instanceId: 'i', revision: 7, accounts: bigList() };
  const slice = firstSlice(whole);

  it('is a small part of the list, with its revision and the whole list’s length', () => {
    expect(slice.partOf).toBe(3000);
    expect(slice.revision).toBe(7);
    expect(slice.accounts.length).toBeLessThan(SLICE_PLAIN_ACCOUNTS + 40);
    expect(firstSlice(slice)).toBe(slice);
  });

  for (const sort of ['name', 'recent'] as const) {
    it(`orders into the same first ${SLICE_PLAIN_ACCOUNTS} rows as the whole list, sorted by ${sort}, with the whole list's counts`, () => {
      const fromSlice = buildRows(orderAccounts(slice.accounts, sort), 3000 - slice.accounts.length);
      const fromWhole = buildRows(orderAccounts(whole.accounts, sort));
      expect(keys(fromSlice.slice(0, SLICE_PLAIN_ACCOUNTS))).toEqual(keys(fromWhole.slice(0, SLICE_PLAIN_ACCOUNTS)));
      expect(keys(fromSlice).filter((k) => k.startsWith('#'))).toEqual(keys(fromWhole).filter((k) => k.startsWith('#')));
    });
  }

  it('holds every new account, so the count of new ones is the whole list’s', () => {
    expect(slice.accounts.filter((a) => a.isNew).length).toBe(whole.accounts.filter((a) => a.isNew).length);
  });

  it('is not made for a short list', () => {
    const short: AccountsUpdate = { instanceId: 'i', revision: 1, accounts: bigList().slice(0, 400) };
    expect(firstSlice(short)).toBe(short);
  });

  it('is what a connecting window gets of a long list; a short list goes whole', () => {
    const sent: string[] = [];
    const other: AccountsUpdate = { instanceId: 'small', revision: 1, accounts: [account(1)] };
    sendFirstSlices([whole, other], (u) => sent.push(`${u.instanceId}:${u.partOf ?? 'whole'}`));
    expect(sent).toEqual(['i:3000', 'small:whole']);
  });
});

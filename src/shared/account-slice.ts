/**
 * A long account list crosses to the window in two parts when a window connects: a first slice that holds
 * the first screen of rows, then, when the window asks after painting them, the whole list. Encoding,
 * sending and decoding 10,000 accounts takes the better part of 100 ms on each side; the slice lets the
 * window paint its first rows before that is done.
 */
import type { AccountsUpdate, AccountView } from './accounts';

/** Lists up to this long are sent whole at once: a slice would save nothing worth a second message. */
export const SLICE_THRESHOLD = 500;

/** How many untouched accounts (in name order) the slice carries: several screens of rows. */
export const SLICE_PLAIN_ACCOUNTS = 100;

/**
 * Whether `account` must be in the slice: the person did something that can move it up the list (pin,
 * use, alias), or it is new (so the slice's count of new accounts is the whole list's).
 */
const isTouched = (account: AccountView): boolean =>
  account.isNew ||
  account.prefs.favourite === true || account.prefs.lastUsedAt !== undefined || (account.prefs.alias ?? '') !== '';

/**
 * The first slice of `update`, or `update` itself when it is short or already a slice.
 *
 * The window orders favourites, then recent accounts, then the rest by name or by last use; every touched
 * account is in the slice and the untouched ones come in name order, as main keeps them, so the slice
 * orders into exactly the window's first rows, whichever sort the person chose.
 */
export function firstSlice(update: AccountsUpdate): AccountsUpdate {
  if (update.accounts.length <= SLICE_THRESHOLD || update.partOf !== undefined) return update;
  const slice: AccountView[] = [];
  let plain = 0;
  for (const account of update.accounts) {
    if (isTouched(account)) slice.push(account);
    else if (plain < SLICE_PLAIN_ACCOUNTS) {
      plain += 1;
      slice.push(account);
    }
  }
  return { ...update, accounts: slice, partOf: update.accounts.length };
}

/**
 * What main sends a window as it connects: each list's first slice (short lists whole). The window asks for
 * a long list's whole (`getEncodedAccounts`) once it has painted the slice; every later change is sent whole.
 */
export function sendFirstSlices(updates: readonly AccountsUpdate[], send: (update: AccountsUpdate) => void): void {
  for (const update of updates) send(firstSlice(update));
}

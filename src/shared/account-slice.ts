/**
 * A long account list crosses to the window in two parts when a window connects: a first slice that holds
 * the first screen of rows, then the whole list. Encoding, sending and decoding 10,000 accounts takes the
 * better part of 100 ms on each side; the slice lets the window paint its first rows before that is done.
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
 * The messages for `update`: the whole list alone when it is short, else its first slice, then the whole.
 *
 * The window orders favourites, then recent accounts, then the rest by name or by last use; every touched
 * account is in the slice and the untouched ones come in name order, as main keeps them, so the slice
 * orders into exactly the window's first rows, whichever sort the person chose.
 */
export function firstSliceThenWhole(update: AccountsUpdate): readonly AccountsUpdate[] {
  if (update.accounts.length <= SLICE_THRESHOLD) return [update];
  const slice: AccountView[] = [];
  let plain = 0;
  for (const account of update.accounts) {
    if (isTouched(account)) slice.push(account);
    else if (plain < SLICE_PLAIN_ACCOUNTS) {
      plain += 1;
      slice.push(account);
    }
  }
  return [{ ...update, accounts: slice, partOf: update.accounts.length }, update];
}

/**
 * Sends every list's first slice at once and the whole lists when `defer` calls back (main passes
 * `setImmediate`: the next turn of its event loop), so the slices are on their way, and painted, while the
 * whole lists are encoded.
 */
export function sendFirstSlicesThenWhole(
  updates: readonly AccountsUpdate[],
  send: (update: AccountsUpdate) => void,
  defer: (then: () => void) => void,
): void {
  const later: AccountsUpdate[] = [];
  for (const update of updates) {
    const [first, whole] = firstSliceThenWhole(update);
    if (first !== undefined) send(first);
    if (whole !== undefined) later.push(whole);
  }
  if (later.length > 0) defer(() => later.forEach(send));
}

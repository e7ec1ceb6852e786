/**
 * What the list shows for a discovery status: which state the view is in, and the words of the status
 * line. Pure, so each wording is tested without a DOM.
 */
import type { DiscoveryStatus } from '../../../shared/accounts';

/** The state of the whole view, each one designed. */
export type ListState =
  | { readonly kind: 'hidden' }
  | { readonly kind: 'list' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'notListed' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string };

/** What decides the view's state. `accountCount` is `null` until the first list arrives. */
export interface ListStateInput {
  readonly discovery: DiscoveryStatus;
  readonly signedIn: boolean;
  readonly accountCount: number | null;
  readonly loadError: string | null;
}

const DEFAULT_FAILURE = 'Rolecall couldn’t list the accounts of this instance. Check your connection and try again.';

/**
 * The view's state: the list whenever there are accounts (also signed out, from the cache), skeleton rows
 * while listing has nothing yet, and nothing at all for a signed-out instance with no list.
 */
export function listStateOf({ discovery, signedIn, accountCount, loadError }: ListStateInput): ListState {
  if (accountCount !== null && accountCount > 0) return { kind: 'list' };
  if (discovery.state === 'running') return { kind: 'loading' };
  // The cached list is on its way: main said how many there are, the stream has not delivered them yet.
  if (accountCount === null && discovery.accountsTotal > 0 && loadError === null) return { kind: 'loading' };
  if (!signedIn) return { kind: 'hidden' };
  if (discovery.state === 'failed') return { kind: 'error', message: discovery.message ?? DEFAULT_FAILURE };
  if (loadError !== null) return { kind: 'error', message: loadError };
  switch (discovery.state) {
    case 'complete':
      return { kind: 'empty' };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'idle':
      return { kind: 'notListed' };
  }
}

// One formatter, made once: `toLocaleString()` builds a new one per call, which shows up while typing.
const numberFormat = new Intl.NumberFormat();

/** A count in the person's locale: `2,000`. */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** `1 account`, `2,000 accounts`. */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** How long ago `at` was, in words: `just now`, `3 minutes ago`, `2 hours ago`, `5 days ago`. */
export function formatAge(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${countOf(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${countOf(hours, 'hour')} ago`;
  return `${countOf(Math.floor(hours / 24), 'day')} ago`;
}

/** Progress while listing: accounts found so far, then roles read of all accounts. */
export interface Progress {
  readonly text: string;
  /** `null` while the total is not known yet (the bar is indeterminate). */
  readonly value: number | null;
  readonly max: number;
}

/** The progress of a running discovery. */
export function progressOf(discovery: DiscoveryStatus): Progress {
  if (!discovery.listComplete) {
    const found = discovery.accountsTotal === 0 ? '' : ` ${formatCount(discovery.accountsTotal)} found`;
    return { text: `Listing accounts…${found}`, value: null, max: discovery.accountsTotal };
  }
  const value = Math.min(discovery.rolesLoaded, discovery.accountsTotal);
  return { text: `Listing accounts… ${formatCount(value)} of ${formatCount(discovery.accountsTotal)}`, value, max: discovery.accountsTotal };
}

/**
 * The summary of a list on screen: `2,000 accounts · listed 3 minutes ago`, or while a search is typed
 * how many of them match: `2 of 2,000 accounts · listed 3 minutes ago`.
 */
export function summaryOf(accountCount: number, listedAt: number | null, now: number, matchCount: number | null = null): string {
  const total = countOf(accountCount, 'account');
  const count = matchCount === null ? total : `${formatCount(matchCount)} of ${total}`;
  return listedAt === null ? count : `${count} · listed ${formatAge(listedAt, now)}`;
}

/** `3 removed: a, b, c`, naming at most `shown` of them. */
export function removedText(removed: readonly string[], shown = 5): string | null {
  if (removed.length === 0) return null;
  const names = removed.slice(0, shown).join(', ');
  const more = removed.length > shown ? ` and ${formatCount(removed.length - shown)} more` : '';
  return `${formatCount(removed.length)} removed: ${names}${more}`;
}

/** `12 new since the last list`. */
export function newText(newCount: number): string | null {
  return newCount === 0 ? null : `${formatCount(newCount)} new since the last list`;
}

/** `3 accounts’ roles couldn’t be read`, when some failed. */
export function failedRolesText(failed: number): string | null {
  if (failed === 0) return null;
  return failed === 1 ? 'One account’s roles couldn’t be read' : `${formatCount(failed)} accounts’ roles couldn’t be read`;
}

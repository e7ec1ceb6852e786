/**
 * The list's data for one instance: ordered once per list and sort, prepared for search once, and only
 * filtered per keystroke.
 */
import { useEffect, useMemo, useState } from 'react';
import { createMatcher, queryWords, type Matcher } from '../../../shared/account-search';
import { afterNextPaint, FIRST_SCREEN_SETTLE_MS } from '../../../shared/after-paint';
import { firstSlice } from '../../../shared/account-slice';
import type { AccountSort, AccountsUpdate, AccountView } from '../../../shared/accounts';
import type { RendererApi } from '../../../shared/ipc-contract';
import type { InstanceSummary } from '../../../shared/snapshot';
import { useAccounts } from '../../use-accounts';
import { buildRows, orderAccounts, type ListRow, type OrderedAccount } from './account-order';
import { listStateOf, type ListState } from './discovery-text';

/** What the list renders. */
export interface AccountListModel {
  readonly state: ListState;
  readonly accounts: readonly AccountView[];
  /** How many accounts the instance has (while only the list's first slice is here, the whole list's). */
  readonly accountCount: number;
  readonly rows: readonly ListRow[];
  readonly matchCount: number;
  readonly newCount: number;
  readonly words: readonly string[];
  /** How many accounts the search matches; `null` with no search. */
  readonly searchMatchCount: number | null;
}

const NO_ACCOUNTS: readonly AccountView[] = [];

/** Orders, prepares and filters `instance`'s accounts for `query`. */
export function useAccountListModel(api: RendererApi, instance: InstanceSummary, sort: AccountSort, query: string): AccountListModel {
  const { update: latest, error } = useAccounts(api, instance.id);
  const update = useFirstScreenFirst(latest);
  const accounts = update?.accounts ?? NO_ACCOUNTS;
  // The heavy work runs once per list revision or sort change: sorting (one pass, as main sends lists in
  // name order), and lower-casing every field for search, which waits until the list has been painted...
  const ordered = useMemo(() => orderAccounts(accounts, sort), [accounts, sort]);
  const newCount = useMemo(() => accounts.reduce((n, a) => (a.isNew ? n + 1 : n), 0), [accounts]);
  // ...so a keystroke only scans the prepared text (or just the last matches, or remembers the answer) and
  // lays out the matches.
  const match = useMemo(() => createMatcher(ordered), [ordered]);
  usePreparedWhenIdle(match);
  const matches = useMemo(() => match(query), [match, query]);
  const words = useMemo(() => queryWords(query), [query]);
  // While only the first slice is here, the rest of the list is all in "All accounts", unsearched.
  const notYetHere = words.length === 0 ? (update?.partOf ?? accounts.length) - accounts.length : 0;
  const rows = useMemo(() => buildRows(matches, notYetHere), [matches, notYetHere]);
  const state = listStateOf({
    discovery: instance.discovery,
    signedIn: instance.status.kind === 'signedIn',
    accountCount: update === null ? null : (update.partOf ?? accounts.length),
    loadError: error,
  });
  return { state, accounts, accountCount: update?.partOf ?? accounts.length, rows, matchCount: matches.length + notYetHere, newCount, words, searchMatchCount: words.length === 0 ? null : matches.length };
}

/**
 * The first list this view shows is cut to its first slice (account-slice.ts), so the first screen of rows
 * is painted without waiting for 10,000 accounts to be ordered, placed by the virtualizer and laid out; the
 * whole list follows once that paint has settled (after-paint.ts). A slice orders into exactly the whole
 * list's first rows.
 */
function useFirstScreenFirst(update: AccountsUpdate | null): AccountsUpdate | null {
  const [wholeShown, setWholeShown] = useState(false);
  const hasList = update !== null;
  useEffect(() => (hasList && !wholeShown ? afterNextPaint(window, () => setWholeShown(true), FIRST_SCREEN_SETTLE_MS) : undefined), [hasList, wholeShown]);
  return useMemo(() => (wholeShown || update === null ? update : firstSlice(update)), [wholeShown, update]);
}

/** Prepares `match`'s text once the page is idle, so neither the list's first paint nor the first keystroke waits for it. */
function usePreparedWhenIdle(match: Matcher<OrderedAccount>): void {
  useEffect(() => {
    const idle = requestIdleCallback(() => match.prepare(), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [match]);
}

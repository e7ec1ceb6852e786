/**
 * The list's data for one instance: ordered once per list and sort, prepared for search once, and only
 * filtered per keystroke.
 */
import { useMemo } from 'react';
import { createMatcher, prepareAccounts, queryWords } from '../../../shared/account-search';
import type { AccountSort, AccountView } from '../../../shared/accounts';
import type { RendererApi } from '../../../shared/ipc-contract';
import type { InstanceSummary } from '../../../shared/snapshot';
import { useAccounts } from '../../use-accounts';
import { buildRows, orderAccounts, type ListRow } from './account-order';
import { countOf, listStateOf, type ListState } from './discovery-text';

/** What the list renders. */
export interface AccountListModel {
  readonly state: ListState;
  readonly accounts: readonly AccountView[];
  readonly rows: readonly ListRow[];
  readonly matchCount: number;
  readonly newCount: number;
  readonly words: readonly string[];
  /** For screen readers, after each keystroke: how many accounts match. */
  readonly resultText: string;
}

const NO_ACCOUNTS: readonly AccountView[] = [];

/** Orders, prepares and filters `instance`'s accounts for `query`. */
export function useAccountListModel(api: RendererApi, instance: InstanceSummary, sort: AccountSort, query: string): AccountListModel {
  const { update, error } = useAccounts(api, instance.id);
  const accounts = update?.accounts ?? NO_ACCOUNTS;
  // The heavy work (sorting, lower-casing every field) runs once per list revision or sort change...
  const prepared = useMemo(() => prepareAccounts(orderAccounts(accounts, sort)), [accounts, sort]);
  const newCount = useMemo(() => accounts.reduce((n, a) => (a.isNew ? n + 1 : n), 0), [accounts]);
  // ...so a keystroke only scans the prepared text (or just the last matches, or remembers the answer) and
  // lays out the matches.
  const match = useMemo(() => createMatcher(prepared), [prepared]);
  const matches = useMemo(() => match(query), [match, query]);
  const rows = useMemo(() => buildRows(matches), [matches]);
  const words = useMemo(() => queryWords(query), [query]);
  const state = listStateOf({
    discovery: instance.discovery,
    signedIn: instance.status.kind === 'signedIn',
    accountCount: update === null ? null : accounts.length,
    loadError: error,
  });
  const resultText = words.length === 0 ? countOf(accounts.length, 'account') : `${countOf(matches.length, 'account')} ${matches.length === 1 ? 'matches' : 'match'}`;
  return { state, accounts, rows, matchCount: matches.length, newCount, words, resultText };
}

/**
 * One instance's account list: the cached list shown at once, updated in place as discovery streams
 * new results, with what changed since the last complete list.
 */
import type { AccountPrefs, AccountView, RolesState } from '../../../shared/accounts';
import { compareNamedAccounts } from '../../../shared/name-order';
import type { AccountCache, CachedAccount } from '../persistence/persisted-state';

interface Entry {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: readonly string[];
  rolesState: RolesState;
  isNew: boolean;
}

/** The accounts of one instance, as discovery and the cache know them. */
export interface AccountBook {
  /** Starts a run: accounts not seen by its end are removed then. */
  beginRun(): void;
  /** A page of accounts was listed (roles not read yet). */
  listed(accounts: readonly Omit<CachedAccount, 'roles'>[]): void;
  rolesLoaded(account: CachedAccount): void;
  rolesFailed(accountId: string): void;
  /** The run listed everything: drop accounts it did not see; returns the removed accounts' names. */
  completeRun(): string[];
  /** The list to cache, in order (only accounts whose roles were read). */
  toCache(listedAt: number): AccountCache;
  /** Every account with its prefs, in name order: the window then sorts a list that is already sorted. */
  views(prefs: Readonly<Record<string, AccountPrefs>>): AccountView[];
  has(accountId: string): boolean;
  size(): number;
}

/** Creates a book from the cached list, if any. */
export function createAccountBook(cache: AccountCache | undefined): AccountBook {
  const entries = new Map<string, Entry>();
  for (const account of cache?.accounts ?? []) entries.set(account.accountId, { ...account, rolesState: 'loaded', isNew: false });
  // The ids of the last complete list: what "new" and "removed" are measured against.
  const previous = new Set(entries.keys());
  let seen = new Set<string>();
  // The entries in name order, sorted again only after an account is added, renamed or removed: discovery
  // mostly fills in roles, and the list is sent every 150 ms while it runs.
  let inOrder: Entry[] | null = null;
  const byName = (a: Entry, b: Entry): number => compareNamedAccounts(a.accountName, a.accountId, b.accountName, b.accountId);
  const ordered = (): Entry[] => (inOrder ??= [...entries.values()].sort(byName));

  return {
    beginRun() {
      seen = new Set();
    },
    listed(accounts) {
      for (const account of accounts) {
        seen.add(account.accountId);
        const entry = entries.get(account.accountId);
        if (entry === undefined) {
          const isNew = previous.size > 0 && !previous.has(account.accountId);
          entries.set(account.accountId, { ...account, roles: [], rolesState: 'loading', isNew });
          inOrder = null;
        } else {
          if (entry.accountName !== account.accountName) inOrder = null;
          entry.accountName = account.accountName;
          entry.emailAddress = account.emailAddress;
        }
      }
    },
    rolesLoaded(account) {
      const entry = entries.get(account.accountId);
      if (entry !== undefined) Object.assign(entry, { roles: account.roles, rolesState: 'loaded' });
    },
    rolesFailed(accountId) {
      const entry = entries.get(accountId);
      if (entry !== undefined) entry.rolesState = 'failed';
    },
    completeRun() {
      const removed: string[] = [];
      for (const [id, entry] of entries) {
        if (!seen.has(id)) {
          removed.push(entry.accountName === '' ? id : entry.accountName);
          entries.delete(id);
          inOrder = null;
        }
      }
      return removed;
    },
    toCache(listedAt) {
      const accounts = ordered()
        // An account whose roles failed this time keeps the roles it had in the cache.
        .filter((e) => e.rolesState === 'loaded' || e.roles.length > 0)
        .map(({ accountId, accountName, emailAddress, roles }) => ({ accountId, accountName, emailAddress, roles: [...roles] }));
      return { listedAt, accounts };
    },
    views(prefs) {
      return ordered().map((e) => ({ ...e, prefs: prefs[e.accountId] ?? {} }));
    },
    has: (accountId) => entries.has(accountId),
    size: () => entries.size,
  };
}

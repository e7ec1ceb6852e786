/**
 * One instance's accounts in main: the cached list at once, discovery runs that update it as results
 * arrive, the person's favourites, aliases and colours, and a throttled stream of updates to the view.
 */
import type { SSOClient } from '@aws-sdk/client-sso';
import type { AccountPrefs, AccountsUpdate, DiscoveryStatus } from '../../../shared/accounts';
import type { AccountPrefsChange } from '../../../shared/ipc-contract';
import { createPortalApi } from '../discovery/portal-api';
import { discoverAccounts, type DiscoveryRun } from '../discovery/discover-accounts';
import type { DiscoveryOutcome, FailedAccount } from '../discovery/discovery-types';
import type { Logger } from '../logger';
import type { AccountCache } from '../persistence/persisted-state';
import type { StateRepository } from '../persistence/state-repository';
import { createAccountBook, type AccountBook } from './account-book';
import { listFailedMessage } from './account-messages';

/** How often, at most, a running discovery pushes the list to the view. */
const EMIT_INTERVAL_MS = 150;

/** What an instance's accounts need from the app. */
export interface InstanceAccountsDeps {
  readonly instanceId: string;
  readonly state: StateRepository;
  readonly portal: SSOClient;
  readonly logger: Logger;
  readonly now: () => number;
  /** The current access token, or `null` when signed out. */
  readonly accessToken: () => string | null;
  /** The portal answered 401: the sign-in is over. */
  readonly onSessionEnded: () => void;
  /** The list or the status changed. */
  readonly onChange: (update: AccountsUpdate) => void;
}

/** The accounts of one instance. */
export interface InstanceAccounts {
  status(): DiscoveryStatus;
  current(): AccountsUpdate;
  /** Starts a discovery run unless one is running or the instance is signed out. */
  refresh(): void;
  cancel(): void;
  /** The person opened an account (or used one of its roles): read its roles first, remember it as used. */
  open(accountId: string, roleName?: string): Promise<void>;
  retry(accountId: string): void;
  setPrefs(change: AccountPrefsChange): Promise<void>;
  /** Remembers the console destination and region last chosen for an account (`undefined` region: the default). */
  rememberConsole(accountId: string, destination: string, region: string | undefined): Promise<void>;
  dispose(): void;
}

/** Where discovery stands before any run: the cached list if there is one, else nothing yet. */
export function initialDiscoveryStatus(cache: AccountCache | undefined): DiscoveryStatus {
  const cached = cache?.accounts.length ?? 0;
  return {
    state: 'idle',
    accountsTotal: cached,
    listComplete: cache !== undefined,
    rolesLoaded: cached,
    accountsFailed: 0,
    listedAt: cache?.listedAt ?? null,
    fromCache: cache !== undefined,
    removed: [],
  };
}

/** Creates an instance's accounts from the cached list. */
export function createInstanceAccounts(deps: InstanceAccountsDeps): InstanceAccounts {
  const cache = deps.state.get().accountCache[deps.instanceId];
  const book: AccountBook = createAccountBook(cache);
  const failed = new Map<string, FailedAccount>();
  let run: DiscoveryRun | null = null;
  let revision = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let status: DiscoveryStatus = initialDiscoveryStatus(cache);

  const prefs = (): Readonly<Record<string, AccountPrefs>> => deps.state.get().accountPrefs[deps.instanceId] ?? {};
  const current = (): AccountsUpdate => ({ instanceId: deps.instanceId, revision, accounts: book.views(prefs()) });
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    revision += 1;
    deps.onChange(current());
  };
  const emitSoon = (): void => {
    timer ??= setTimeout(flush, EMIT_INTERVAL_MS);
  };

  const finish = async (outcome: DiscoveryOutcome): Promise<void> => {
    run = null;
    if (outcome.kind === 'session-ended') deps.onSessionEnded();
    if (outcome.kind === 'complete') {
      const removed = book.completeRun();
      const listedAt = deps.now();
      status = { ...status, state: 'complete', listComplete: true, listedAt, fromCache: false, removed };
      await deps.state.update((s) => ({ ...s, accountCache: { ...s.accountCache, [deps.instanceId]: book.toCache(listedAt) } }));
    } else if (outcome.kind === 'list-failed') {
      status = { ...status, state: 'failed', message: listFailedMessage(outcome.failure) };
    } else {
      status = { ...status, state: 'cancelled' };
    }
    flush();
  };

  const start = (accessToken: string): void => {
    book.beginRun();
    failed.clear();
    // A new run drops the last run's failure message along with its counts.
    const { message: _lastFailure, ...previous } = status;
    status = { ...previous, state: 'running', accountsTotal: 0, listComplete: false, rolesLoaded: 0, accountsFailed: 0, removed: [] };
    run = discoverAccounts({
      portal: createPortalApi(deps.portal),
      accessToken,
      listeners: {
        onAccounts: (accounts) => {
          book.listed(accounts);
          emitSoon();
        },
        onAccountRoles: (account) => {
          book.rolesLoaded({ ...account, roles: [...account.roles] });
          failed.delete(account.accountId);
          emitSoon();
        },
        onAccountFailed: (entry) => {
          failed.set(entry.account.accountId, entry);
          book.rolesFailed(entry.account.accountId);
          emitSoon();
        },
        onProgress: (progress) => {
          status = { ...status, ...progress };
          emitSoon();
        },
      },
    });
    flush();
    void run.outcome.then(finish, (error: unknown) => {
      deps.logger.error('discovery failed unexpectedly', { error: error instanceof Error ? error.name : typeof error });
    });
  };

  // Every instance's list is on the stream from the start, so the view never has to ask for it.
  setTimeout(flush, 0);

  return {
    status: () => status,
    current,
    refresh() {
      const token = deps.accessToken();
      if (run === null && token !== null) start(token);
    },
    cancel: () => run?.cancel(),
    async open(accountId, roleName) {
      run?.prioritize(accountId);
      await updatePrefs(deps, accountId, { lastUsedAt: deps.now(), ...(roleName !== undefined && { lastRole: roleName }) });
      flush();
    },
    retry(accountId) {
      const entry = failed.get(accountId);
      if (entry === undefined) return;
      void entry.retry().then((outcome) => {
        if (outcome.kind === 'loaded') {
          failed.delete(accountId);
          book.rolesLoaded({ ...outcome.account, roles: [...outcome.account.roles] });
        } else if (outcome.kind === 'session-ended') deps.onSessionEnded();
        flush();
      });
    },
    async setPrefs(change) {
      const { favourite, alias, colour } = change;
      await updatePrefs(deps, change.accountId, {
        ...(favourite !== undefined && { favourite }),
        ...(alias !== undefined && { alias: alias === null || alias.trim() === '' ? undefined : alias.trim() }),
        ...(colour !== undefined && { colour: colour ?? undefined }),
      });
      flush();
    },
    async rememberConsole(accountId, destination, region) {
      await updatePrefs(deps, accountId, { destination, region });
      flush();
    },
    dispose() {
      run?.cancel();
      clearTimeout(timer);
    },
  };
}

/** Merges a change into an account's prefs; `undefined` values remove a setting. */
async function updatePrefs(deps: InstanceAccountsDeps, accountId: string, change: Partial<Record<keyof AccountPrefs, unknown>>): Promise<void> {
  await deps.state.update((s) => {
    const instancePrefs = s.accountPrefs[deps.instanceId] ?? {};
    const merged: Record<string, unknown> = { ...instancePrefs[accountId], ...change };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return {
      ...s,
      accountPrefs: { ...s.accountPrefs, [deps.instanceId]: { ...instancePrefs, [accountId]: merged } },
    };
  });
}

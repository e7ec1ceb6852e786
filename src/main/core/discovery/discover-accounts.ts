/**
 * Account discovery: every account the user can use and its roles, streamed as they arrive.
 *
 * ListAccounts (100 per page, all pages) then ListAccountRoles for every account, all through one
 * scheduler. One account's failure never fails the run: it is reported with a retry and the others go on.
 */
import { silentLogger, type Logger } from '../logger';
import { systemClock, type SchedulerClock } from './clock';
import type {
  DiscoveredAccount,
  DiscoveryListeners,
  DiscoveryOutcome,
  DiscoverySummary,
  FailedAccount,
  RetryOutcome,
} from './discovery-types';
import type { AccountSummary, PortalApi } from './portal-api';
import type { PortalFailure } from './portal-errors';
import { createScheduler } from './scheduler';
import type { Scheduler, SchedulerOptions } from './scheduler-types';
import { isTaskError } from './task-error';

/** What a run needs. */
export interface DiscoveryOptions {
  readonly portal: PortalApi;
  readonly accessToken: string;
  /** Settings for the run's own scheduler (its clock is also the run's clock). */
  readonly scheduler?: Omit<SchedulerOptions, 'signal'>;
  /** Aborting it cancels the run, as `cancel()` does. */
  readonly signal?: AbortSignal;
  readonly listeners?: DiscoveryListeners;
  readonly logger?: Logger;
}

/** A run in progress. */
export interface DiscoveryRun {
  /** Settles (never rejects) when every account is read or failed, or the run was stopped. */
  readonly outcome: Promise<DiscoveryOutcome>;
  /** Reads this account's roles next (the user opened it). */
  prioritize(accountId: string): void;
  /** Stops at once; `outcome` settles as `cancelled`. */
  cancel(): void;
}

interface Run {
  readonly options: DiscoveryOptions;
  readonly scheduler: Scheduler;
  readonly clock: SchedulerClock;
  readonly startedAt: number;
  readonly listed: Map<string, AccountSummary>;
  readonly loaded: Map<string, DiscoveredAccount>;
  readonly failed: Map<string, FailedAccount>;
  readonly retrying: Map<string, Promise<RetryOutcome>>;
  listComplete: boolean;
  firstAccountAt: number | undefined;
}

/** Starts discovering accounts and roles; see `DiscoveryRun`. */
export function discoverAccounts(options: DiscoveryOptions): DiscoveryRun {
  const scheduler = createScheduler({ ...options.scheduler, ...(options.signal ? { signal: options.signal } : {}) });
  const clock = options.scheduler?.clock ?? systemClock;
  const run: Run = {
    options,
    scheduler,
    clock,
    startedAt: clock.now(),
    listed: new Map(),
    loaded: new Map(),
    failed: new Map(),
    retrying: new Map(),
    listComplete: false,
    firstAccountAt: undefined,
  };
  return {
    outcome: execute(run),
    prioritize: (accountId) => scheduler.prioritize(accountId),
    cancel: () => scheduler.cancel(),
  };
}

async function execute(run: Run): Promise<DiscoveryOutcome> {
  const roleLoads: Promise<void>[] = [];
  const listFailure = await listAccounts(run, (account) => roleLoads.push(loadRoles(run, account)));
  // Role loads handle their own errors and never reject; waiting for all of them keeps the summary whole.
  await Promise.all(roleLoads);
  const summary = summarize(run);
  const state = run.scheduler.state();
  if (state.kind === 'stopped') return { kind: state.reason, summary };
  return listFailure === undefined ? { kind: 'complete', summary } : { kind: 'list-failed', failure: listFailure, summary };
}

/** Reads every ListAccounts page; returns the failure that ended the listing early, if one did. */
async function listAccounts(run: Run, onNew: (account: AccountSummary) => void): Promise<PortalFailure | undefined> {
  const { portal, accessToken } = run.options;
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    let page;
    try {
      // High priority: the account list is what the user sees first and what progress counts against.
      page = await run.scheduler.schedule((signal) => portal.listAccounts(accessToken, token, signal), { priority: 'high' });
    } catch (error) {
      return isTaskError(error, 'failed') ? error.failure : undefined;
    }
    const fresh = page.items.filter((account) => !run.listed.has(account.accountId));
    for (const account of fresh) run.listed.set(account.accountId, account);
    nextToken = page.nextToken;
    run.listComplete = nextToken === undefined;
    if (fresh.length > 0) {
      run.firstAccountAt ??= run.clock.now();
      emit(run, 'onAccounts', (l) => l.onAccounts?.(fresh));
    }
    emitProgress(run);
    for (const account of fresh) onNew(account);
  } while (nextToken !== undefined);
  return undefined;
}

/** Reads one account's roles (all pages) and reports it as loaded or failed; never rejects. */
async function loadRoles(run: Run, account: AccountSummary): Promise<void> {
  const result = await readRoles(run, account);
  if (result.kind === 'loaded') reportLoaded(run, result.account);
  else if (result.kind === 'failed') reportFailed(run, account, result.failure, result.attempts);
}

function reportLoaded(run: Run, account: DiscoveredAccount): void {
  run.loaded.set(account.accountId, account);
  emit(run, 'onAccountRoles', (l) => l.onAccountRoles?.(account));
  emitProgress(run);
}

function reportFailed(run: Run, account: AccountSummary, failure: PortalFailure, attempts: number): void {
  const failed: FailedAccount = { account, failure, attempts, retry: () => retry(run, account) };
  run.failed.set(account.accountId, failed);
  emit(run, 'onAccountFailed', (l) => l.onAccountFailed?.(failed));
  emitProgress(run);
}

type ReadResult =
  | { readonly kind: 'loaded'; readonly account: DiscoveredAccount }
  | { readonly kind: 'failed'; readonly failure: PortalFailure; readonly attempts: number }
  | { readonly kind: 'session-ended' }
  | { readonly kind: 'cancelled' };

async function readRoles(run: Run, account: AccountSummary): Promise<ReadResult> {
  const { portal, accessToken } = run.options;
  const roles: string[] = [];
  let nextToken: string | undefined;
  let pagesRead = 0;
  try {
    do {
      const token = nextToken;
      const page = await run.scheduler.schedule(
        (signal) => portal.listAccountRoles(accessToken, account.accountId, token, signal),
        { key: account.accountId },
      );
      pagesRead += 1;
      roles.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
  } catch (error) {
    if (isTaskError(error, 'cancelled')) return { kind: 'cancelled' };
    if (isTaskError(error, 'session-ended')) return { kind: 'session-ended' };
    const failure = isTaskError(error) ? error.failure : undefined;
    const spent = pagesRead + (isTaskError(error) ? error.attempts : 1);
    return { kind: 'failed', failure: failure ?? { kind: 'other', status: undefined, name: 'Error' }, attempts: spent };
  }
  return { kind: 'loaded', account: { ...account, roles } };
}

/** Reads a failed account again, ahead of other work; concurrent retries of one account share one read. */
function retry(run: Run, account: AccountSummary): Promise<RetryOutcome> {
  const ongoing = run.retrying.get(account.accountId);
  if (ongoing !== undefined) return ongoing;
  run.scheduler.prioritize(account.accountId);
  const attempt = readRoles(run, account).then((result): RetryOutcome => {
    run.retrying.delete(account.accountId);
    if (result.kind === 'failed') {
      reportFailed(run, account, result.failure, result.attempts);
      return { kind: 'failed', failure: result.failure };
    }
    if (result.kind === 'loaded') {
      run.failed.delete(account.accountId);
      reportLoaded(run, result.account);
    }
    return result;
  });
  run.retrying.set(account.accountId, attempt);
  return attempt;
}

function emitProgress(run: Run): void {
  const progress = {
    accountsTotal: run.listed.size,
    listComplete: run.listComplete,
    rolesLoaded: run.loaded.size,
    accountsFailed: run.failed.size,
  };
  emit(run, 'onProgress', (l) => l.onProgress?.(progress));
}

function emit(run: Run, name: keyof DiscoveryListeners, call: (listeners: DiscoveryListeners) => void): void {
  const { listeners, logger = silentLogger } = run.options;
  if (listeners === undefined) return;
  try {
    call(listeners);
  } catch (error) {
    logger.error('A discovery listener threw', { listener: name, error: error instanceof Error ? error.name : typeof error });
  }
}

function summarize(run: Run): DiscoverySummary {
  const stats = run.scheduler.stats();
  const inOrder = <T>(map: ReadonlyMap<string, T>): T[] =>
    [...run.listed.keys()].flatMap((id) => {
      const value = map.get(id);
      return value === undefined ? [] : [value];
    });
  return {
    accounts: inOrder(run.loaded),
    failed: inOrder(run.failed),
    accountsTotal: run.listed.size,
    calls: stats.sent,
    throttled: stats.throttled,
    retries: stats.retries,
    faults: stats.faults,
    elapsedMs: run.clock.now() - run.startedAt,
    firstAccountMs: run.firstAccountAt === undefined ? undefined : run.firstAccountAt - run.startedAt,
  };
}

import type { AccountSummary } from './portal-api';
import type { PortalFailure } from './portal-errors';

/** An account with the roles (permission sets) the user may use in it. */
export interface DiscoveredAccount {
  readonly accountId: string;
  /** '' when the portal omits it. */
  readonly accountName: string;
  /** '' when the portal omits it. */
  readonly emailAddress: string;
  readonly roles: readonly string[];
}

/** How far a run is: "412 of 2,000 accounts". */
export interface DiscoveryProgress {
  /** Accounts listed so far; final once `listComplete`. */
  readonly accountsTotal: number;
  readonly listComplete: boolean;
  /** Accounts whose roles have been read. */
  readonly rolesLoaded: number;
  /** Accounts whose roles could not be read (each has a retry). */
  readonly accountsFailed: number;
}

/** What retrying one failed account came to. */
export type RetryOutcome =
  | { readonly kind: 'loaded'; readonly account: DiscoveredAccount }
  | { readonly kind: 'failed'; readonly failure: PortalFailure }
  | { readonly kind: 'session-ended' }
  | { readonly kind: 'cancelled' };

/** An account whose roles could not be read after retries; the rest of the run goes on without it. */
export interface FailedAccount {
  readonly account: AccountSummary;
  readonly failure: PortalFailure;
  /** Calls spent on it, retries included. */
  readonly attempts: number;
  /** Reads the account's roles again, ahead of other work; on success `onAccountRoles` fires too. */
  retry(): Promise<RetryOutcome>;
}

/**
 * What a run reports as it goes. Called synchronously from the run; a listener that throws is logged and
 * otherwise ignored, since a bug in one view must not stop discovery for the others.
 */
export interface DiscoveryListeners {
  /** A page of accounts arrived (roles not read yet), in listing order. */
  readonly onAccounts?: (accounts: readonly AccountSummary[]) => void;
  /** One account's roles were read. */
  readonly onAccountRoles?: (account: DiscoveredAccount) => void;
  /** One account's roles could not be read. */
  readonly onAccountFailed?: (failed: FailedAccount) => void;
  readonly onProgress?: (progress: DiscoveryProgress) => void;
}

/** Figures for a finished (or stopped) run. */
export interface DiscoverySummary {
  /** Accounts whose roles were read, in listing order. */
  readonly accounts: readonly DiscoveredAccount[];
  readonly failed: readonly FailedAccount[];
  readonly accountsTotal: number;
  /** Portal calls sent, retries included. */
  readonly calls: number;
  /** Calls answered 429. */
  readonly throttled: number;
  readonly retries: number;
  /** Calls answered 5xx or lost to the network. */
  readonly faults: number;
  readonly elapsedMs: number;
  /** Time from the start until the first account was reported; undefined if none was. */
  readonly firstAccountMs: number | undefined;
}

/** How a run ended. */
export type DiscoveryOutcome =
  | { readonly kind: 'complete'; readonly summary: DiscoverySummary }
  | { readonly kind: 'cancelled'; readonly summary: DiscoverySummary }
  /** A 401: the sign-in session is over; discovery stopped (it never opens a browser itself). */
  | { readonly kind: 'session-ended'; readonly summary: DiscoverySummary }
  /** ListAccounts failed for good; `summary` holds the accounts listed before that and their roles. */
  | { readonly kind: 'list-failed'; readonly failure: PortalFailure; readonly summary: DiscoverySummary };

/**
 * Accounts and permission sets as the renderer sees them, and the discovery status of an instance.
 *
 * These travel on their own stream (not in every snapshot): a big organization's list is large, and
 * the snapshot changes for many other reasons.
 */

/** Where an account's roles stand. */
export type RolesState = 'loading' | 'loaded' | 'failed';

/** The person's own settings for an account. */
export interface AccountPrefs {
  readonly favourite?: boolean;
  readonly alias?: string;
  /** One of {@link ACCOUNT_COLOURS}. */
  readonly colour?: AccountColour;
  /** Epoch milliseconds of the last time the person opened or used it. */
  readonly lastUsedAt?: number;
  /** The role last used in it: Enter on the account acts on this role. */
  readonly lastRole?: string;
  /** The console destination last chosen for it (`home`, `service:ec2`, `path:/…`). */
  readonly destination?: string;
  /** The console region last chosen for it. */
  readonly region?: string;
}

/** The colours a person can give an account. */
export const ACCOUNT_COLOURS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'grey'] as const;
export type AccountColour = (typeof ACCOUNT_COLOURS)[number];

/** One account in the list. */
export interface AccountView {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly roles: readonly string[];
  readonly rolesState: RolesState;
  readonly prefs: AccountPrefs;
  /** New since the last complete list. */
  readonly isNew: boolean;
}

/** The whole list of one instance, pushed when it changes. */
export interface AccountsUpdate {
  readonly instanceId: string;
  readonly revision: number;
  readonly accounts: readonly AccountView[];
  /**
   * Set on a first slice of a long list, sent so the first screen of rows paints before the whole list
   * has crossed the transport and been decoded: the number of accounts in the whole list, which follows
   * with the same revision. The slice holds every account the person has touched (favourites, recent,
   * aliases) and the first of the rest in name order, so it orders into the same first rows.
   */
  readonly partOf?: number;
}

/** Whether `next` should replace `current`: a newer revision, or the whole list after its first slice. */
export function supersedes(next: AccountsUpdate, current: AccountsUpdate | null | undefined): boolean {
  if (current === null || current === undefined) return true;
  if (next.revision !== current.revision) return next.revision > current.revision;
  return current.partOf !== undefined && next.partOf === undefined;
}

/** Where discovery of an instance's accounts stands, shown with the list. */
export interface DiscoveryStatus {
  readonly state: 'idle' | 'running' | 'complete' | 'cancelled' | 'failed';
  /** Accounts listed so far (final once the listing is complete). */
  readonly accountsTotal: number;
  readonly listComplete: boolean;
  readonly rolesLoaded: number;
  readonly accountsFailed: number;
  /** When the list shown was last complete (epoch ms), or `null` if never. */
  readonly listedAt: number | null;
  /** Whether what is shown comes from the cache of an earlier run. */
  readonly fromCache: boolean;
  /** Accounts that were in the last list but not in this one, by name. */
  readonly removed: readonly string[];
  /** A message for a person when discovery failed. */
  readonly message?: string;
}

/** How the list is ordered (after favourites and recently used). */
export type AccountSort = 'name' | 'recent';

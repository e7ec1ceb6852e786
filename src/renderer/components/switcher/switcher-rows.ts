/**
 * The quick switcher's rows: every role of every signed-in instance, matched with the app's own
 * account matcher (each role is searched with its account's name, id, email and alias).
 */
import { filterAccounts, prepareAccounts, type PreparedAccount } from '../../../shared/account-search';
import type { AccountsUpdate } from '../../../shared/accounts';
import type { RoleRef } from '../../../shared/ipc-contract';
import type { InstanceSummary } from '../../../shared/snapshot';

/** One role the palette offers. */
export interface SwitcherRow {
  readonly key: string;
  readonly role: RoleRef;
  readonly instanceName: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly alias?: string | undefined;
  /** The role alone, so a query word must be in this role (or the account), not in a sibling role. */
  readonly roles: readonly [string];
  readonly favourite: boolean;
  readonly lastUsedAt: number;
}

/** Every role of every signed-in instance: favourites first, then most recently used, then by name. */
export function switcherRows(instances: readonly InstanceSummary[], lists: ReadonlyMap<string, AccountsUpdate>): SwitcherRow[] {
  const rows = instances
    .filter((instance) => instance.status.kind === 'signedIn')
    .flatMap((instance) =>
      (lists.get(instance.id)?.accounts ?? []).flatMap((account) =>
        account.roles.map((roleName): SwitcherRow => ({
          key: `${instance.id}/${account.accountId}/${roleName}`,
          role: { id: instance.id, accountId: account.accountId, roleName },
          instanceName: instance.sessionName,
          accountId: account.accountId,
          accountName: account.accountName,
          emailAddress: account.emailAddress,
          alias: account.prefs.alias,
          roles: [roleName],
          favourite: account.prefs.favourite === true,
          lastUsedAt: account.prefs.lastRole === roleName ? (account.prefs.lastUsedAt ?? 0) : 0,
        })),
      ),
    );
  return rows.sort(
    (a, b) =>
      Number(b.favourite) - Number(a.favourite) ||
      b.lastUsedAt - a.lastUsedAt ||
      (a.alias ?? a.accountName).localeCompare(b.alias ?? b.accountName) ||
      a.roles[0].localeCompare(b.roles[0]),
  );
}

/** Prepared once per list, filtered per keystroke. */
export function prepareRows(rows: readonly SwitcherRow[]): PreparedAccount<SwitcherRow>[] {
  return prepareAccounts(rows);
}

/** The rows holding every word of the query. */
export function matchRows(prepared: readonly PreparedAccount<SwitcherRow>[], query: string): SwitcherRow[] {
  return filterAccounts(prepared, query);
}

/**
 * The compact form in which account lists cross the transport.
 *
 * A list of 5,000 accounts is over a megabyte as plain JSON, and the page receives and parses it on its
 * main thread; role names repeat across accounts and most fields hold their default, so this form sends
 * each role name once and leaves defaults out, about half the size. Both transports use it; the API
 * decodes it, so the renderer only ever sees {@link AccountsUpdate}.
 */
import type { AccountPrefs, AccountsUpdate, AccountView, RolesState } from './accounts';

/** One account: id, name, email, indexes into the role table, flags, and prefs when there are any. */
type WireAccount = [string, string, string, number[], number, AccountPrefs?];

/** An {@link AccountsUpdate} in wire form. */
export interface WireAccountsUpdate {
  readonly instanceId: string;
  readonly revision: number;
  readonly roles: readonly string[];
  readonly accounts: readonly WireAccount[];
  readonly partOf?: number;
}

const rolesStates: readonly RolesState[] = ['loaded', 'loading', 'failed'];
const NEW_FLAG = 4;

/** Encodes a list for the transport. */
export function encodeAccountsUpdate(update: AccountsUpdate): WireAccountsUpdate {
  const roleIndex = new Map<string, number>();
  const indexOf = (role: string): number => {
    let index = roleIndex.get(role);
    if (index === undefined) {
      index = roleIndex.size;
      roleIndex.set(role, index);
    }
    return index;
  };
  const accounts = update.accounts.map((a): WireAccount => {
    const flags = rolesStates.indexOf(a.rolesState) | (a.isNew ? NEW_FLAG : 0);
    const base: WireAccount = [a.accountId, a.accountName, a.emailAddress, a.roles.map(indexOf), flags];
    if (Object.keys(a.prefs).length > 0) base.push(a.prefs);
    return base;
  });
  const wire = { instanceId: update.instanceId, revision: update.revision, roles: [...roleIndex.keys()], accounts };
  return update.partOf === undefined ? wire : { ...wire, partOf: update.partOf };
}

/**
 * Decodes a list from the transport. Accounts with the same roles share one array, so whatever depends
 * only on an account's roles (a row's height, say) can be worked out once per set of roles.
 */
export function decodeAccountsUpdate(wire: WireAccountsUpdate): AccountsUpdate {
  const roleSets = new Map<string, readonly string[]>();
  const rolesOf = (indexes: readonly number[]): readonly string[] => {
    const key = indexes.join(',');
    let roles = roleSets.get(key);
    if (roles === undefined) {
      roles = indexes.map((i) => wire.roles[i] ?? '');
      roleSets.set(key, roles);
    }
    return roles;
  };
  const accounts = wire.accounts.map(
    ([accountId, accountName, emailAddress, roles, flags, prefs]): AccountView => ({
      accountId,
      accountName,
      emailAddress,
      roles: rolesOf(roles),
      rolesState: rolesStates[flags & 3] ?? 'loaded',
      isNew: (flags & NEW_FLAG) !== 0,
      prefs: prefs ?? {},
    }),
  );
  const update = { instanceId: wire.instanceId, revision: wire.revision, accounts };
  return typeof wire.partOf === 'number' ? { ...update, partOf: wire.partOf } : update;
}

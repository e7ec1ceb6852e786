/**
 * The account lists `rolecall accounts` shows: the saved ones, listed again first when asked or stale
 * (and signed in). Loaded only when some list needs the network, so showing a saved list never loads
 * the AWS SDK.
 */
import type { AccountCache, PersistedInstance, PersistedState } from '../core/persistence/persisted-state';
import { refreshAccounts } from './cli-accounts';
import type { CliContext } from './cli-context';
import { requireAccessToken } from './cli-sign-in';
import { createSessionPool, type SessionPool } from './cli-sessions';
import { localTime } from './output';

/** The state with the given instances' lists listed again where `needs` says so. */
export async function refreshLists(
  context: CliContext,
  state: PersistedState,
  instances: readonly PersistedInstance[],
  refresh: boolean,
): Promise<PersistedState> {
  const sessions = createSessionPool(context);
  let next = state;
  try {
    for (const instance of instances) {
      const cache = await listFor(context, next, instance, refresh, sessions);
      if (cache !== undefined) next = { ...next, accountCache: { ...next.accountCache, [instance.id]: cache } };
    }
  } finally {
    sessions.dispose();
  }
  return next;
}

/** The list to show for an instance: listed again if signed in, else the saved one with a note. */
async function listFor(context: CliContext, state: PersistedState, instance: PersistedInstance, refresh: boolean, sessions: SessionPool): Promise<AccountCache | undefined> {
  const cache = state.accountCache[instance.id];
  if (instance.tokenStorage === 'keychain') {
    if (refresh) context.stderr.write(`${instance.sessionName}: only the app can list accounts for a keychain sign-in; showing the saved list.\n`);
    return cache;
  }
  const session = await sessions.get(instance);
  const token = session.controller.accessToken();
  if (token === null) {
    if (refresh) await requireAccessToken(context, state, session, instance);
    if (cache !== undefined) context.stderr.write(`${instance.sessionName}: showing the list saved ${localTime(cache.listedAt)}; sign in to list again.\n`);
    return cache;
  }
  const progress = context.stderr.isTTY
    ? (p: { accountsTotal: number; rolesLoaded: number }) => context.stderr.write(`\r\u001b[KListing ${instance.sessionName}: ${p.rolesLoaded} of ${p.accountsTotal} accounts…`)
    : undefined;
  try {
    return await refreshAccounts(context, instance, cache, session, token, progress);
  } finally {
    if (progress !== undefined) context.stderr.write('\r\u001b[K');
  }
}

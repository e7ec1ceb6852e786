/**
 * The account list of one instance, for React: asked for once, then followed on the pushed stream.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { supersedes, type AccountsUpdate } from '../shared/accounts';
import type { RendererApi, Unsubscribe } from '../shared/ipc-contract';

/** What the hook returns: the latest list (or `null` before the first), and why it could not be read. */
export interface AccountsState {
  readonly update: AccountsUpdate | null;
  readonly error: string | null;
}

/** Subscribe and read, in the shape `useSyncExternalStore` wants. */
export interface AccountsStore {
  readonly subscribe: (onChange: () => void) => () => void;
  readonly getSnapshot: () => AccountsState;
}

/** How long to wait for the pushed list before asking for it. */
const FETCH_FALLBACK_MS = 1000;

const LOAD_FAILED = 'Rolecall couldn’t read the account list. Refresh to try again.';

/**
 * Creates a store for `instanceId`'s list. It listens only while someone subscribes: the stream carries
 * every instance's lists, so it keeps this instance's and drops any revision older than the one it has.
 */
export function createAccountsStore(api: RendererApi, instanceId: string): AccountsStore {
  // What is already here, so the view's first render shows it rather than the render after its first paint.
  let state: AccountsState = { update: api.latestAccounts(instanceId), error: null };
  const listeners = new Set<() => void>();
  let unsubscribe: Unsubscribe | null = null;
  const set = (next: AccountsState): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  const accept = (update: AccountsUpdate): void => {
    if (update.instanceId !== instanceId) return;
    if (!supersedes(update, state.update)) return;
    set({ update, error: null });
  };
  const fetchOnce = (): void => {
    void api.getAccounts({ id: instanceId }).then(
      (result) => {
        if (result.ok) accept(result.value);
        // A pushed list is newer than a failed read; keep it rather than show an error over it.
        else if (state.update === null) set({ update: null, error: LOAD_FAILED });
      },
      () => {
        if (state.update === null) set({ update: null, error: LOAD_FAILED });
      },
    );
  };
  const start = (): void => {
    unsubscribe = api.onAccounts(accept);
    // Main pushes every instance's list when the page connects, and a new instance's list when it is
    // created; the API hands a new subscriber the latest one. Asking as well would send a big list twice,
    // so ask only if nothing has come a moment later.
    setTimeout(() => {
      if (state.update === null && unsubscribe !== null) fetchOnce();
    }, FETCH_FALLBACK_MS);
  };
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      if (unsubscribe === null) start();
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0 && unsubscribe !== null) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
    getSnapshot: () => state,
  };
}

/** The account list of `instanceId`, re-rendering the caller when a newer one arrives. */
export function useAccounts(api: RendererApi, instanceId: string): AccountsState {
  const store = useMemo(() => createAccountsStore(api, instanceId), [api, instanceId]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

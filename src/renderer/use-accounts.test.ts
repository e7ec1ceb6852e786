import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsUpdate } from '../shared/accounts';
import type { RendererApi } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import { createAccountsStore } from './use-accounts';

const update = (instanceId: string, revision: number): AccountsUpdate => ({ instanceId, revision, accounts: [] });

function fakeApi(first: Result<AccountsUpdate>, latest: AccountsUpdate | null = null) {
  const listeners = new Set<(u: AccountsUpdate) => void>();
  const api = {
    getAccounts: () => Promise.resolve(first),
    latestAccounts: (id: string) => (latest?.instanceId === id ? latest : null),
    onAccounts: (listener: (u: AccountsUpdate) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as RendererApi;
  return { api, listeners, push: (u: AccountsUpdate) => listeners.forEach((l) => l(u)) };
}

// The store waits a moment for the pushed list before asking for it.
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(1100);
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the accounts store', () => {
  it('reads the list once subscribed, then keeps only newer lists of its own instance', async () => {
    const { api, push } = fakeApi({ ok: true, value: update('a', 2) });
    const store = createAccountsStore(api, 'a');
    let changes = 0;
    store.subscribe(() => (changes += 1));
    await settle();
    expect(store.getSnapshot().update?.revision).toBe(2);
    push(update('b', 9));
    push(update('a', 1));
    push(update('a', 2));
    expect(store.getSnapshot().update?.revision).toBe(2);
    push(update('a', 5));
    expect(store.getSnapshot().update?.revision).toBe(5);
    expect(changes).toBe(2);
  });

  it('takes the whole list after its first slice (same revision), and never a slice after the whole', async () => {
    const { api, push } = fakeApi({ ok: true, value: update('a', 1) });
    const store = createAccountsStore(api, 'a');
    store.subscribe(() => {});
    push({ ...update('a', 4), partOf: 10_000 });
    expect(store.getSnapshot().update?.partOf).toBe(10_000);
    push(update('a', 4));
    expect(store.getSnapshot().update?.partOf).toBeUndefined();
    push({ ...update('a', 4), partOf: 10_000 });
    expect(store.getSnapshot().update?.partOf).toBeUndefined();
    await settle();
  });

  it('starts with the list the API already has, so a view shows it in its first render', async () => {
    const { api } = fakeApi({ ok: true, value: update('a', 1) }, update('a', 3));
    const getAccounts = vi.spyOn(api, 'getAccounts');
    expect(createAccountsStore(api, 'a').getSnapshot().update?.revision).toBe(3);
    expect(createAccountsStore(api, 'b').getSnapshot().update).toBeNull();
    const store = createAccountsStore(api, 'a');
    store.subscribe(() => {});
    await settle();
    expect(getAccounts).not.toHaveBeenCalled();
  });

  it('takes the pushed list and then does not ask for it', async () => {
    const { api, push } = fakeApi({ ok: true, value: update('a', 1) });
    const getAccounts = vi.spyOn(api, 'getAccounts');
    const store = createAccountsStore(api, 'a');
    store.subscribe(() => {});
    push(update('a', 4));
    await settle();
    expect(store.getSnapshot().update?.revision).toBe(4);
    expect(getAccounts).not.toHaveBeenCalled();
  });

  it('reports a failed read, and stops listening when the last subscriber leaves', async () => {
    const { api, listeners } = fakeApi({ ok: false, error: { message: 'no handler' } });
    const store = createAccountsStore(api, 'a');
    const unsubscribe = store.subscribe(() => {});
    await settle();
    expect(store.getSnapshot()).toEqual({ update: null, error: expect.stringContaining('Refresh') as unknown });
    expect(listeners.size).toBe(1);
    unsubscribe();
    expect(listeners.size).toBe(0);
  });
});

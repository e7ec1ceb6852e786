/**
 * The renderer's API over a transport: pushed account lists decoded once for every listener, and the
 * whole list taking over from its first slice.
 */
import { describe, expect, it } from 'vitest';
import type { AccountsUpdate, AccountView } from './accounts';
import { encodeAccountsUpdate } from './accounts-wire';
import { createRendererApi, type ApiTransport, type PushedEvents } from './renderer-api';

/** A transport whose pushes the test makes: the API under test is everything above it. */
function pushingTransport(): { transport: ApiTransport; push: (update: AccountsUpdate) => void } {
  const listeners = new Set<(payload: PushedEvents['accounts']) => void>();
  const transport: ApiTransport = {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    subscribe: (event, listener) => {
      if (event !== 'accounts') return () => {};
      const typed = listener as (payload: PushedEvents['accounts']) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
  };
  return { transport, push: (update) => listeners.forEach((l) => l(encodeAccountsUpdate(update))) };
}

const view = (id: string): AccountView => ({ accountId: id, accountName: `n${id}`, emailAddress: '', roles: ['R'], rolesState: 'loaded', isNew: false, prefs: {} });
/** The API hands a new listener the latest lists in a microtask. */
const flush = (): Promise<void> => Promise.resolve().then(() => undefined);

describe('pushed account lists', () => {
  it('decodes each list once, however many views listen, and stops at unsubscribe', () => {
    const { transport, push } = pushingTransport();
    const api = createRendererApi(transport);
    const seen: AccountsUpdate[][] = [[], []];
    const stopFirst = api.onAccounts((u) => seen[0]?.push(u));
    api.onAccounts((u) => seen[1]?.push(u));
    push({ instanceId: 'i', revision: 1, accounts: [view('1')] });
    expect(seen[0]?.[0]).toBe(seen[1]?.[0]);
    stopFirst();
    push({ instanceId: 'i', revision: 2, accounts: [view('2')] });
    expect(seen.map((s) => s.length)).toEqual([1, 2]);
  });

  it('hands a late view the first slice, then the whole list that came after it, not the slice again', async () => {
    const { transport, push } = pushingTransport();
    const api = createRendererApi(transport);
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 2 });
    push({ instanceId: 'i', revision: 3, accounts: [view('1'), view('2')] });
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 2 });
    const seen: AccountsUpdate[] = [];
    api.onAccounts((u) => seen.push(u));
    await flush();
    await flush();
    expect(seen.map((u) => [u.accounts.length, u.partOf])).toEqual([
      [1, 2],
      [2, undefined],
    ]);
  });

  it('decodes and delivers the whole list after its slice only once a view has the slice and the page has painted', async () => {
    const { transport, push } = pushingTransport();
    const paints: (() => void)[] = [];
    const api = createRendererApi(transport, { afterPaint: (then) => paints.push(then) });
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 3 });
    push({ instanceId: 'i', revision: 3, accounts: [view('1'), view('2'), view('3')] });
    // Nobody listens yet: nothing waits for a paint.
    expect(paints).toHaveLength(0);
    const seen: AccountsUpdate[] = [];
    api.onAccounts((u) => seen.push(u));
    await flush();
    expect(seen.map((u) => u.accounts.length)).toEqual([1]);
    expect(paints).toHaveLength(1);
    paints.shift()?.();
    expect(seen.map((u) => [u.accounts.length, u.partOf])).toEqual([
      [1, 3],
      [3, undefined],
    ]);
  });

  it('drops a waiting whole list when a newer revision arrives first', async () => {
    const { transport, push } = pushingTransport();
    const paints: (() => void)[] = [];
    const api = createRendererApi(transport, { afterPaint: (then) => paints.push(then) });
    const seen: AccountsUpdate[] = [];
    api.onAccounts((u) => seen.push(u));
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 2 });
    push({ instanceId: 'i', revision: 3, accounts: [view('1'), view('2')] });
    push({ instanceId: 'i', revision: 4, accounts: [view('9')] });
    paints.forEach((paint) => paint());
    await flush();
    expect(seen.map((u) => [u.revision, u.accounts.length])).toEqual([
      [3, 1],
      [4, 1],
    ]);
  });
});

/**
 * The renderer's API over a transport: pushed account lists decoded once for every listener, and the
 * whole list of a first slice asked for once the slice is painted.
 */
import { describe, expect, it } from 'vitest';
import type { AccountsUpdate, AccountView } from './accounts';
import { encodeAccountsUpdate } from './accounts-wire';
import { createRendererApi, type ApiTransport, type PushedEvents } from './renderer-api';

/**
 * A transport whose pushes the test makes, and which answers `getEncodedAccounts` with `whole`: the API
 * under test is everything above it.
 */
function pushingTransport(whole?: AccountsUpdate): { transport: ApiTransport; push: (update: AccountsUpdate) => void; asked: { name: string; input: unknown }[] } {
  const listeners = new Set<(payload: PushedEvents['accounts']) => void>();
  const asked: { name: string; input: unknown }[] = [];
  const transport: ApiTransport = {
    invoke: (name, input) => {
      asked.push({ name, input });
      return Promise.resolve(name === 'getEncodedAccounts' && whole !== undefined ? { ok: true, value: encodeAccountsUpdate(whole) } : { ok: true, value: null });
    },
    subscribe: (event, listener) => {
      if (event !== 'accounts') return () => {};
      const typed = listener as (payload: PushedEvents['accounts']) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
  };
  return { transport, push: (update) => listeners.forEach((l) => l(encodeAccountsUpdate(update))), asked };
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

  it('asks for the whole list of a slice once a view has the slice and the page has painted, once per slice', async () => {
    const whole: AccountsUpdate = { instanceId: 'i', revision: 3, accounts: [view('1'), view('2'), view('3')] };
    const { transport, push, asked } = pushingTransport(whole);
    const paints: (() => void)[] = [];
    const api = createRendererApi(transport, { afterPaint: (then) => paints.push(then) });
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 3 });
    // Nobody listens yet: nothing is asked for, nothing waits for a paint.
    expect(paints).toHaveLength(0);
    const seen: AccountsUpdate[] = [];
    api.onAccounts((u) => seen.push(u));
    api.onAccounts(() => undefined);
    await flush();
    expect(seen.map((u) => u.accounts.length)).toEqual([1]);
    expect(asked).toEqual([]);
    expect(paints).toHaveLength(1);
    paints.shift()?.();
    await flush();
    await flush();
    expect(asked).toEqual([{ name: 'getEncodedAccounts', input: { id: 'i' } }]);
    expect(seen.map((u) => [u.accounts.length, u.partOf])).toEqual([
      [1, 3],
      [3, undefined],
    ]);
    // The same slice again (another window's connect, say) is not asked for twice.
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 3 });
    paints.forEach((paint) => paint());
    await flush();
    expect(asked).toHaveLength(1);
  });

  it('gives the latest list of an instance at once, for a view’s first render', () => {
    const { transport, push } = pushingTransport();
    const api = createRendererApi(transport);
    expect(api.latestAccounts('i')).toBeNull();
    push({ instanceId: 'i', revision: 2, accounts: [view('1')] });
    push({ instanceId: 'i', revision: 1, accounts: [view('9')] });
    expect(api.latestAccounts('i')?.revision).toBe(2);
    expect(api.latestAccounts('other')).toBeNull();
  });

  it('does not ask for a whole list that was pushed while the paint settled', async () => {
    const { transport, push, asked } = pushingTransport();
    const paints: (() => void)[] = [];
    const api = createRendererApi(transport, { afterPaint: (then) => paints.push(then) });
    api.onAccounts(() => undefined);
    push({ instanceId: 'i', revision: 3, accounts: [view('1')], partOf: 2 });
    push({ instanceId: 'i', revision: 4, accounts: [view('1'), view('2')] });
    paints.forEach((paint) => paint());
    await flush();
    expect(asked).toEqual([]);
  });

  it('never asks for a short list, which comes whole', async () => {
    const { transport, push, asked } = pushingTransport();
    const paints: (() => void)[] = [];
    const api = createRendererApi(transport, { afterPaint: (then) => paints.push(then) });
    api.onAccounts(() => undefined);
    push({ instanceId: 'i', revision: 1, accounts: [view('1')] });
    await flush();
    expect(paints).toHaveLength(0);
    expect(asked).toEqual([]);
  });
});

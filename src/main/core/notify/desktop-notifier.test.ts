import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts';
import type { AppSnapshot, InstanceSummary, SignInStatus } from '../../../shared/snapshot';
import type { Effects } from '../../effects/effects';
import { createNotices } from '../notices';
import { emptyPersistedState } from '../persistence/persisted-state';
import { createSnapshotStore } from '../snapshot-store';
import { createDesktopNotifier } from './desktop-notifier';
import type { WarningClock } from './warning-timer';

const MIN = 60_000;
const START = Date.UTC(2026, 11, 6, 9, 0);

/** A clock whose time moves only when the test says, and whose timers run then. */
function fakeClock() {
  let now = START;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const clock: WarningClock = {
    now: () => now,
    setTimer(run, ms) {
      ids += 1;
      const id = ids;
      timers.push({ at: now + ms, run, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      timers = timers.filter((t) => t.id !== next.id);
      now = next.at;
      next.run();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.length };
}

const instance = (status: SignInStatus, discovery: InstanceSummary['discovery']['state'] = 'complete'): InstanceSummary => ({
  id: 'i1',
  sessionName: 'corp',
  startUrl: 'https://corp.awsapps.com/start',
  region: 'eu-west-1',
  tokenStorage: 'aws-cli',
  signInMethod: 'pkce',
  browser: { kind: 'system' },
  memoryOnly: false,
  status,
  discovery: { state: discovery, accountsTotal: 0, listComplete: discovery === 'complete' } as InstanceSummary['discovery'],
});

const signedIn = (endsAt: number): SignInStatus => ({ kind: 'signedIn', expiresAt: START + 60 * MIN, endsAt });

function setUp(first: InstanceSummary, accounts: AccountView[] = []) {
  const { clock, advance, pending } = fakeClock();
  const store = createSnapshotStore({
    app: { name: 'Rolecall', version: '1', platform: 'linux x64' },
    instances: [first],
    discovered: [],
    keychainAvailable: false,
    settings: emptyPersistedState.settings,
    activeProfile: null,
    served: [],
    notices: [],
  });
  const notices = createNotices(store, clock.now);
  const desktop: { title: string; body: string; click?: () => void }[] = [];
  const effects: Effects = {
    openExternal: () => Promise.resolve(),
    writeClipboard: () => Promise.resolve(),
    readClipboard: () => Promise.resolve(''),
    openConsoleWindow: () => Promise.resolve(),
    openInBrowser: () => Promise.resolve(),
    chooseProgram: () => Promise.resolve(undefined),
    notify: (title, body, click) => desktop.push({ title, body, ...(click !== undefined && { click }) }),
  };
  const signIns: string[] = [];
  const list = { accounts };
  const notifier = createDesktopNotifier({ store, notices, effects, clock, accounts: () => list.accounts, signIn: (id) => signIns.push(id) });
  const set = (change: (s: Omit<AppSnapshot, 'revision'>) => Omit<AppSnapshot, 'revision'>) => store.update(change);
  const setStatus = (status: SignInStatus, discovery?: InstanceSummary['discovery']['state']) =>
    set((s) => ({ ...s, instances: [instance(status, discovery)] }));
  return { store, notifier, desktop, signIns, advance, pending, set, setStatus, list };
}

const texts = (store: { get(): AppSnapshot }) => store.get().notices.map((n) => n.text);

describe('the expiry warning', () => {
  it('comes the lead time before the sign-in ends for good, in the window and on the desktop, with one click to sign in again', () => {
    const t = setUp(instance(signedIn(START + 60 * MIN)));
    t.advance(44 * MIN);
    expect(t.desktop).toEqual([]);
    t.advance(1 * MIN);
    expect(texts(t.store)).toEqual(['Your sign-in to corp ends in 15 min and cannot be extended. Sign in again to keep working.']);
    expect(t.store.get().notices[0]?.action).toEqual({ kind: 'signIn', instanceId: 'i1', label: 'Sign in again' });
    expect(t.desktop.map((d) => d.title)).toEqual(['Sign-in ends soon']);
    t.desktop[0]?.click?.();
    expect(t.signIns).toEqual(['i1']);
    // Once only, however often the snapshot changes afterwards.
    t.setStatus(signedIn(START + 60 * MIN));
    t.advance(10 * MIN);
    expect(t.desktop).toHaveLength(1);
  });

  it('moves when a new sign-in extends the end', () => {
    const t = setUp(instance(signedIn(START + 60 * MIN)));
    t.advance(30 * MIN);
    t.setStatus(signedIn(START + 8 * 60 * MIN));
    t.advance(20 * MIN);
    expect(t.desktop).toEqual([]);
    t.advance(7 * 60 * MIN - 30 * MIN - 20 * MIN + 45 * MIN);
    expect(t.desktop.map((d) => d.body)).toEqual(['Your sign-in to corp ends in 15 min and cannot be extended. Sign in again to keep working.']);
  });

  it('is cancelled by a sign-out', () => {
    const t = setUp(instance(signedIn(START + 60 * MIN)));
    t.advance(10 * MIN);
    t.setStatus({ kind: 'signedOut' });
    expect(t.pending()).toBe(0);
    t.advance(60 * MIN);
    expect(t.desktop).toEqual([]);
  });

  it('follows the lead time setting, and comes at once when the end is already nearer than that', () => {
    const t = setUp(instance(signedIn(START + 60 * MIN)));
    t.set((s) => ({ ...s, settings: { ...s.settings, expiryNoticeMinutes: 30 } }));
    t.advance(29 * MIN);
    expect(t.desktop).toEqual([]);
    t.advance(1 * MIN);
    expect(t.desktop.map((d) => d.body)).toEqual(['Your sign-in to corp ends in 30 min and cannot be extended. Sign in again to keep working.']);

    const late = setUp(instance(signedIn(START + 5 * MIN)));
    expect(late.desktop.map((d) => d.body)).toEqual(['Your sign-in to corp ends in 5 min and cannot be extended. Sign in again to keep working.']);
  });

  it('names the terminal default profile that stops working with the sign-in', () => {
    const account: AccountView = { accountId: '111122223333', accountName: 'payments-prod', emailAddress: 'p@example.com', roles: ['Admin'], rolesState: 'loaded', prefs: {}, isNew: false };
    const t = setUp(instance(signedIn(START + 60 * MIN)), [account]);
    t.set((s) => ({ ...s, activeProfile: { instanceId: 'i1', accountId: '111122223333', roleName: 'Admin' } }));
    t.advance(45 * MIN);
    expect(t.desktop[0]?.body).toBe(
      "Your sign-in to corp ends in 15 min and cannot be extended. The terminal's default profile (payments-prod as Admin) stops working then too. Sign in again to keep working.",
    );
  });

  it('stays off the desktop under do-not-disturb, and still shows in the window', () => {
    const t = setUp(instance(signedIn(START + 60 * MIN)));
    t.set((s) => ({ ...s, settings: { ...s.settings, doNotDisturb: true } }));
    t.advance(45 * MIN);
    expect(t.desktop).toEqual([]);
    expect(texts(t.store)).toHaveLength(1);
  });

  it('says nothing for a sign-in refresh extends with no known end', () => {
    const t = setUp(instance({ kind: 'signedIn', expiresAt: START + 60 * MIN }));
    t.advance(24 * 60 * MIN);
    expect(t.desktop).toEqual([]);
  });
});

describe('copied credentials', () => {
  it('are warned about the lead time before they expire, the latest copy only', () => {
    const t = setUp(instance({ kind: 'signedOut' }));
    const copy = { instanceId: 'i1', accountId: '111122223333', accountName: 'payments-prod', roleName: 'Admin' };
    t.notifier.credentialsCopied({ ...copy, expiresAt: START + 60 * MIN });
    t.advance(20 * MIN);
    t.notifier.credentialsCopied({ ...copy, expiresAt: START + 80 * MIN });
    t.advance(44 * MIN);
    expect(t.desktop).toEqual([]);
    t.advance(1 * MIN);
    expect(t.desktop).toEqual([
      { title: 'Copied credentials expire soon', body: 'The credentials you copied for payments-prod as Admin expire in 15 min. Copy them again for a shell that needs longer.' },
    ]);
  });
});

describe('background changes', () => {
  it('tell the desktop when a sign-in approved in the browser finishes', () => {
    const t = setUp(instance({ kind: 'awaitingApproval', userCode: 'ABCD-EFGH', verificationUri: 'https://device.sso', expiresAt: START + 10 * MIN }));
    t.setStatus({ kind: 'signedIn', expiresAt: START + 60 * MIN });
    expect(t.desktop).toEqual([{ title: 'Signed in', body: 'Signed in to corp. Its accounts are on their way.' }]);
    expect(JSON.stringify(t.desktop)).not.toContain('ABCD-EFGH');
  });

  it('tell of new accounts when a discovery completes, never of the first list', () => {
    const view = (id: string, name: string, isNew: boolean) =>
      ({ accountId: id, accountName: name, emailAddress: '', roles: [], rolesState: 'loaded', prefs: {}, isNew }) as unknown as AccountView;
    const status = { kind: 'signedIn', expiresAt: START + 60 * MIN } as const;
    const t = setUp(instance(status, 'running'), [view('1', 'a', false), view('2', 'b', false)]);
    t.setStatus(status, 'complete');
    expect(t.desktop).toEqual([]);
    t.setStatus(status, 'running');
    t.list.accounts = [view('1', 'a', false), ...['c', 'd', 'e', 'f'].map((n, i) => view(String(10 + i), n, true))];
    t.setStatus(status, 'complete');
    expect(t.desktop).toEqual([{ title: 'New accounts', body: '4 new accounts in corp: c, d, e and 1 more.' }]);
    expect(texts(t.store)).toEqual(['4 new accounts in corp: c, d, e and 1 more.']);
  });
});

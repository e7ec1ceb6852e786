import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts';
import type { SignInStatus } from '../../../shared/snapshot';
import type { TrayMenuItem } from '../../../shared/tray-menu';
import { buildTrayMenu, MAX_FAVOURITE_ROLES } from './tray-menu';
import { electronMenuLabel, plainLabel } from './tray-labels';
import { trayInstance } from './tray-test-support';

const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const app = { name: 'Rolecall', version: '1.0.0', platform: 'linux x64' };

const instance = trayInstance;

function account(n: number, name: string, prefs: AccountView['prefs'], roles = ['AdministratorAccess', 'ReadOnlyAccess']): AccountView {
  return { accountId: String(100000000000 + n), accountName: name, emailAddress: `${name}@example.com`, roles, rolesState: 'loaded', prefs, isNew: false };
}

const signedIn: SignInStatus = { kind: 'signedIn', expiresAt: NOW + (7 * 60 + 5) * 60_000 };

/** Every label, submenus flattened, in order. */
function labels(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((item) => {
    if (item.kind === 'separator') return ['---'];
    if (item.kind === 'submenu') return [`${item.label} >`, ...labels(item.items).map((l) => `  ${l}`)];
    return [item.label];
  });
}

describe('buildTrayMenu', () => {
  it('shows a signed-in instance with its time left, favourites then recent roles, each with its actions', () => {
    const accounts = [
      account(1, 'payments-prod', { favourite: true, lastRole: 'ReadOnlyAccess' }),
      account(2, 'sandbox', { lastUsedAt: NOW - 60_000, lastRole: 'ReadOnlyAccess' }),
      account(3, 'billing', { lastUsedAt: NOW - 1000 }),
      account(4, 'untouched', {}),
    ];
    const model = buildTrayMenu({ snapshot: { app, instances: [instance('i1', 'Work', signedIn)] }, accounts: [{ instanceId: 'i1', revision: 1, accounts }], now: NOW });
    expect(model.icon).toBe('signedIn');
    expect(model.tooltip).toBe('Rolecall: signed in');
    expect(labels(model.items)).toEqual([
      'Work — signed in, 7h 05m left',
      'Favourites',
      'payments-prod · ReadOnlyAccess >',
      '  Open console',
      '  Copy credentials',
      '  Use in terminal',
      'payments-prod · AdministratorAccess >',
      '  Open console',
      '  Copy credentials',
      '  Use in terminal',
      'Recently used',
      'billing · AdministratorAccess >',
      '  Open console',
      '  Copy credentials',
      '  Use in terminal',
      'sandbox · ReadOnlyAccess >',
      '  Open console',
      '  Copy credentials',
      '  Use in terminal',
      '---',
      'Open Rolecall',
      'Quit Rolecall',
    ]);
    const first = model.items[2];
    expect(first?.kind === 'submenu' && first.items.map((i) => (i.kind === 'action' ? i.intent : null))).toEqual([
      { kind: 'openConsole', role: { id: 'i1', accountId: '100000000001', roleName: 'ReadOnlyAccess' } },
      { kind: 'copyCredentials', role: { id: 'i1', accountId: '100000000001', roleName: 'ReadOnlyAccess' } },
      { kind: 'useInTerminal', role: { id: 'i1', accountId: '100000000001', roleName: 'ReadOnlyAccess' } },
    ]);
  });

  it('offers Sign in for a signed-out instance, and the icon says sign-in is needed', () => {
    const model = buildTrayMenu({
      snapshot: { app, instances: [instance('i1', 'Work', signedIn), instance('i2', 'Client', { kind: 'signedOut' })] },
      accounts: [{ instanceId: 'i2', revision: 1, accounts: [account(1, 'hidden-while-signed-out', { favourite: true })] }],
      now: NOW,
    });
    expect(model.icon).toBe('needsSignIn');
    expect(model.tooltip).toBe('Rolecall: 1 of 2 need sign-in');
    expect(labels(model.items)).toEqual([
      'Work — signed in, 7h 05m left',
      'No favourites or recent roles yet',
      '---',
      'Client — signed out',
      'Sign in to Client…',
      '---',
      'Open Rolecall',
      'Quit Rolecall',
    ]);
    const signIn = model.items.find((i) => i.id === 'i2-sign-in');
    expect(signIn).toMatchObject({ kind: 'action', intent: { kind: 'signIn', instanceId: 'i2' } });
  });

  it('caps many favourites and ends them with "more…", which opens the window', () => {
    const accounts = Array.from({ length: 12 }, (_, n) => account(n, `acct-${String(n).padStart(2, '0')}`, { favourite: true }, ['Admin']));
    const model = buildTrayMenu({ snapshot: { app, instances: [instance('i1', 'Work', signedIn)] }, accounts: [{ instanceId: 'i1', revision: 1, accounts }], now: NOW });
    const submenus = model.items.filter((i) => i.kind === 'submenu');
    expect(submenus).toHaveLength(MAX_FAVOURITE_ROLES);
    expect(submenus[0]?.label).toBe('acct-00 · Admin');
    expect(model.items.find((i) => i.id === 'i1-fav-more')).toEqual({ kind: 'action', id: 'i1-fav-more', label: '4 more…', intent: { kind: 'openWindow' } });
  });

  it('with no instances says so and still offers Open and Quit', () => {
    const model = buildTrayMenu({ snapshot: { app, instances: [] }, accounts: [], now: NOW });
    expect(model.icon).toBe('noInstances');
    expect(labels(model.items)).toEqual(['No Identity Center instances yet', '---', 'Open Rolecall', 'Quit Rolecall']);
  });

  it('keeps hostile names to one plain bounded line and escapes & for Electron', () => {
    const hostile = 'R&D\n&Quit\u202eevil\tCtrl+Q' + 'x'.repeat(100);
    const accounts = [account(1, hostile, { favourite: true }, ['Admin'])];
    const model = buildTrayMenu({ snapshot: { app, instances: [instance('i1', 'A&B\r\nsession', signedIn)] }, accounts: [{ instanceId: 'i1', revision: 1, accounts }], now: NOW });
    for (const text of labels(model.items)) {
      // eslint-disable-next-line no-control-regex -- the test is that no control character is left
      expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect([...text.replace(/^ {2}| >$/g, '')].length).toBeLessThanOrEqual(130);
    }
    expect(model.items[0]?.kind === 'label' && model.items[0].label).toBe('A&B session — signed in, 7h 05m left');
    const sub = model.items.find((i) => i.kind === 'submenu');
    expect(sub?.label.startsWith('R&D &Quit evil Ctrl+Q')).toBe(true);
    expect(sub?.label).toMatch(/… · Admin$/);
    expect(electronMenuLabel('R&D &Quit')).toBe('R&&D &&Quit');
    expect(plainLabel('  a \u2028 b  ')).toBe('a b');
  });
});

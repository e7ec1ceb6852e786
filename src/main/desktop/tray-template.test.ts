import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { TrayIntent } from '../../shared/tray-menu';
import { buildTrayMenu } from '../core/tray/tray-menu';
import { trayInstance } from '../core/tray/tray-test-support';
import { trayMenuTemplate } from './tray-template';

const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const app = { name: 'Rolecall', version: '1.0.0', platform: 'linux x64' };
const role = (name: string) => ({ accountId: '100000000001', accountName: name, emailAddress: 'a@example.com', roles: ['Admin&Ops'], rolesState: 'loaded' as const, isNew: false });

function model(accountName: string, sessionName = 'Work') {
  return buildTrayMenu({
    snapshot: {
      app,
      instances: [
        trayInstance('i1', sessionName, { kind: 'signedIn', expiresAt: NOW + 3_600_000 }),
        trayInstance('i2', 'Lab', { kind: 'signedOut' }),
      ],
    },
    accounts: [{ instanceId: 'i1', revision: 1, accounts: [{ ...role(accountName), prefs: { favourite: true } }] }],
    now: NOW,
  });
}

/** The item with this id, however deep in submenus. */
function findItem(items: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    const found = item.id === id ? item : Array.isArray(item.submenu) ? findItem(item.submenu, id) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function find(items: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = findItem(items, id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  // Electron passes the item, window and event; the template's handlers use none of them.
  (item.click as (() => void) | undefined)?.();
}

describe('trayMenuTemplate', () => {
  it("maps every entry: state lines disabled, actions clickable, a role's actions in its submenu", () => {
    const ran: TrayIntent[] = [];
    const template = trayMenuTemplate(model('payments-prod').items, 'darwin', (intent) => ran.push(intent));
    expect(template.map((item) => item.type === 'separator' ? '---' : `${item.label ?? ''}${item.enabled === false ? ' (disabled)' : ''}${item.submenu === undefined ? '' : ' >'}`)).toEqual([
      'Work — signed in, 1h 00m left (disabled)',
      'Favourites (disabled)',
      'payments-prod · Admin&Ops >',
      '---',
      'Lab — signed out (disabled)',
      'Sign in to Lab…',
      '---',
      'Open Rolecall',
      'Quit Rolecall',
    ]);
    const submenuId = 'i1-100000000001-Admin&Ops';
    for (const suffix of ['console', 'copy', 'terminal']) click(find(template, `${submenuId}-${suffix}`));
    click(find(template, 'i2-sign-in'));
    click(find(template, 'open-window'));
    click(find(template, 'quit'));
    const roleRef = { id: 'i1', accountId: '100000000001', roleName: 'Admin&Ops' };
    expect(ran).toEqual([
      { kind: 'openConsole', role: roleRef },
      { kind: 'copyCredentials', role: roleRef },
      { kind: 'useInTerminal', role: roleRef },
      { kind: 'signIn', instanceId: 'i2' },
      { kind: 'openWindow' },
      { kind: 'quit' },
    ]);
  });

  it('doubles every ampersand on Windows and Linux, where a single one would mark an access key', () => {
    for (const platform of ['win32', 'linux']) {
      const template = trayMenuTemplate(model('R&D', 'Ops & Dev').items, platform, () => {});
      expect(template[0]?.label).toBe('Ops && Dev — signed in, 1h 00m left');
      expect(template[2]?.label).toBe('R&&D · Admin&&Ops');
    }
    expect(trayMenuTemplate(model('R&D').items, 'darwin', () => {})[2]?.label).toBe('R&D · Admin&Ops');
  });

  it('keeps a hostile name to one plain line and never lets it act: no role, accelerator or click of its own', () => {
    const hostile = 'evil\u202e\n&Quit\u0000 role:"quit" accelerator: CmdOrCtrl+Q';
    const template = trayMenuTemplate(model(hostile).items, 'linux', () => {});
    const entry = template[2];
    for (const character of ['\n', '\u0000', '\u202e']) expect(entry?.label).not.toContain(character);
    expect(entry?.label).toMatch(/^evil &&Quit role:"quit"/);
    expect(entry?.role).toBeUndefined();
    expect(entry?.accelerator).toBeUndefined();
    expect(entry?.click).toBeUndefined();
    expect(Object.keys(entry ?? {}).sort()).toEqual(['id', 'label', 'submenu']);
  });
});

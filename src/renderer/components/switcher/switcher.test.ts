import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts';
import type { InstanceSummary } from '../../../shared/snapshot';
import { switcherKeyAction } from './switcher-keys';
import { matchRows, prepareRows, switcherRows } from './switcher-rows';

const discovery = { state: 'complete', accountsTotal: 0, listComplete: true, rolesLoaded: 0, accountsFailed: 0, listedAt: null, fromCache: false, removed: [] } as const;
const inst = (id: string, signedIn: boolean): InstanceSummary => ({
  id,
  sessionName: `s-${id}`,
  startUrl: 'https://x.awsapps.com/start',
  region: 'eu-west-1',
  tokenStorage: 'aws-cli',
  signInMethod: 'pkce',
  browser: { kind: 'system' },
  status: signedIn ? { kind: 'signedIn', expiresAt: 1 } : { kind: 'signedOut' },
  memoryOnly: false,
  discovery,
});
const acct = (id: string, name: string, roles: string[], prefs: AccountView['prefs'] = {}): AccountView => ({ accountId: id, accountName: name, emailAddress: `${name}@x.com`, roles, rolesState: 'loaded', prefs, isNew: false });

describe('quick switcher rows', () => {
  const lists = new Map([
    ['a', { instanceId: 'a', revision: 1, accounts: [acct('111111111111', 'payments-prod', ['AdministratorAccess', 'ReadOnlyAccess']), acct('222222222222', 'payments-dev', ['AdministratorAccess'], { favourite: true })] }],
    ['b', { instanceId: 'b', revision: 1, accounts: [acct('333333333333', 'other-prod', ['AdministratorAccess'])] }],
  ]);

  it('lists every role of signed-in instances, favourites first, and matches "prod admin" to the role, not its sibling', () => {
    const rows = switcherRows([inst('a', true), inst('b', false)], lists);
    expect(rows.map((r) => r.key)).toEqual(['a/222222222222/AdministratorAccess', 'a/111111111111/AdministratorAccess', 'a/111111111111/ReadOnlyAccess']);
    expect(matchRows(prepareRows(rows), 'prod admin').map((r) => r.key)).toEqual(['a/111111111111/AdministratorAccess']);
    expect(matchRows(prepareRows(rows), 'admin prod readonly')).toEqual([]);
  });

  it('maps keys: Enter opens, Ctrl/⌘+Enter copies, Shift+Enter uses in terminal, Esc closes', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => switcherKeyAction({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(key('Enter')).toBe('openConsole');
    expect(key('Enter', { ctrlKey: true })).toBe('copyCredentials');
    expect(key('Enter', { metaKey: true })).toBe('copyCredentials');
    expect(key('Enter', { shiftKey: true })).toBe('useInTerminal');
    expect(key('Escape')).toBe('close');
    expect(key('a')).toBeNull();
  });
});

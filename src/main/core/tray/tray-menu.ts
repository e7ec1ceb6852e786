/**
 * Builds the tray menu from the main process's snapshot and account lists: a pure function, so the
 * same model drives Electron's `Menu` and the browser preview's panel.
 */
import type { AccountsUpdate, AccountView } from '../../../shared/accounts';
import type { RoleRef } from '../../../shared/ipc-contract';
import type { AppSnapshot, InstanceSummary } from '../../../shared/snapshot';
import type { TrayIconState, TrayMenuItem, TrayMenuModel } from '../../../shared/tray-menu';
import { formatTimeLeft, plainLabel } from './tray-labels';

/** At most this many favourite roles per instance; the rest are one "more…" away. */
export const MAX_FAVOURITE_ROLES = 8;
/** At most this many recently used roles per instance (after the favourites). */
export const MAX_RECENT_ROLES = 5;

export interface TrayMenuInput {
  readonly snapshot: Pick<AppSnapshot, 'instances' | 'app'>;
  /** Each instance's current account list. */
  readonly accounts: readonly AccountsUpdate[];
  /** Epoch milliseconds. */
  readonly now: number;
}

/** The whole menu: a section per instance, then Open window and Quit. */
export function buildTrayMenu(input: TrayMenuInput): TrayMenuModel {
  const lists = new Map(input.accounts.map((update) => [update.instanceId, update.accounts]));
  const sections = input.snapshot.instances.flatMap((instance, index) => [
    ...(index > 0 ? [separator(`sep-${instance.id}`)] : []),
    ...instanceSection(instance, lists.get(instance.id) ?? [], input.now),
  ]);
  const name = plainLabel(input.snapshot.app.name);
  const items: TrayMenuItem[] = [
    ...(sections.length > 0 ? sections : [label('no-instances', 'No Identity Center instances yet')]),
    separator('sep-app'),
    { kind: 'action', id: 'open-window', label: `Open ${name}`, intent: { kind: 'openWindow' } },
    { kind: 'action', id: 'quit', label: `Quit ${name}`, intent: { kind: 'quit' } },
  ];
  const icon = iconState(input.snapshot.instances);
  return { icon, tooltip: tooltip(name, input.snapshot.instances, icon), items };
}

/** `needsSignIn` when any instance is signed out (or waiting for approval): the person has to act. */
export function iconState(instances: readonly InstanceSummary[]): TrayIconState {
  if (instances.length === 0) return 'noInstances';
  return instances.some(needsSignIn) ? 'needsSignIn' : 'signedIn';
}

function needsSignIn(instance: InstanceSummary): boolean {
  const { kind } = instance.status;
  return kind === 'signedOut' || kind === 'awaitingApproval' || kind === 'awaitingBrowser';
}

function tooltip(name: string, instances: readonly InstanceSummary[], icon: TrayIconState): string {
  if (icon === 'noInstances') return name;
  const waiting = instances.filter(needsSignIn).length;
  return waiting === 0 ? `${name}: signed in` : `${name}: ${waiting} of ${instances.length} need sign-in`;
}

function instanceSection(instance: InstanceSummary, accounts: readonly AccountView[], now: number): TrayMenuItem[] {
  const name = plainLabel(instance.sessionName);
  const id = instance.id;
  switch (instance.status.kind) {
    case 'checking':
      return [label(`${id}-state`, `${name} — checking sign-in…`)];
    case 'awaitingApproval':
    case 'awaitingBrowser':
      return [label(`${id}-state`, `${name} — waiting for approval in the browser`)];
    case 'signedOut':
      return [
        label(`${id}-state`, `${name} — signed out`),
        { kind: 'action', id: `${id}-sign-in`, label: `Sign in to ${name}…`, intent: { kind: 'signIn', instanceId: id } },
      ];
    case 'signedIn':
      return [label(`${id}-state`, `${name} — signed in, ${formatTimeLeft(instance.status.expiresAt - now)}`), ...roleItems(id, accounts)];
  }
}

/** A role the menu offers, with the account it belongs to. */
interface MenuRole {
  readonly account: AccountView;
  readonly roleName: string;
}

function roleItems(instanceId: string, accounts: readonly AccountView[]): TrayMenuItem[] {
  const favourites = accounts
    .filter((a) => a.prefs.favourite === true)
    .sort(byName)
    .flatMap((account) => orderedRoles(account).map((roleName) => ({ account, roleName })));
  const recent = accounts
    .filter((a) => a.prefs.favourite !== true && a.prefs.lastUsedAt !== undefined && a.roles.length > 0)
    .sort((a, b) => (b.prefs.lastUsedAt ?? 0) - (a.prefs.lastUsedAt ?? 0))
    .map((account) => ({ account, roleName: orderedRoles(account)[0] ?? '' }));
  const items: TrayMenuItem[] = [];
  if (favourites.length > 0) {
    items.push(label(`${instanceId}-fav`, 'Favourites'));
    items.push(...favourites.slice(0, MAX_FAVOURITE_ROLES).map((role) => roleSubmenu(instanceId, role)));
    const hidden = favourites.length - MAX_FAVOURITE_ROLES;
    if (hidden > 0) items.push({ kind: 'action', id: `${instanceId}-fav-more`, label: `${hidden} more…`, intent: { kind: 'openWindow' } });
  }
  if (recent.length > 0) {
    items.push(label(`${instanceId}-recent`, 'Recently used'));
    items.push(...recent.slice(0, MAX_RECENT_ROLES).map((role) => roleSubmenu(instanceId, role)));
  }
  if (items.length === 0) items.push(label(`${instanceId}-none`, 'No favourites or recent roles yet'));
  return items;
}

/** The account's roles with the last one used first. */
function orderedRoles(account: AccountView): string[] {
  const last = account.prefs.lastRole;
  if (last === undefined || !account.roles.includes(last)) return [...account.roles];
  return [last, ...account.roles.filter((r) => r !== last)];
}

function byName(a: AccountView, b: AccountView): number {
  return displayName(a).localeCompare(displayName(b));
}

function displayName(account: AccountView): string {
  return account.prefs.alias ?? account.accountName;
}

function roleSubmenu(instanceId: string, { account, roleName }: MenuRole): TrayMenuItem {
  const role: RoleRef = { id: instanceId, accountId: account.accountId, roleName };
  const key = `${instanceId}-${account.accountId}-${roleName}`;
  return {
    kind: 'submenu',
    id: key,
    label: `${plainLabel(displayName(account))} · ${plainLabel(roleName)}`,
    items: [
      { kind: 'action', id: `${key}-console`, label: 'Open console', intent: { kind: 'openConsole', role } },
      { kind: 'action', id: `${key}-copy`, label: 'Copy credentials', intent: { kind: 'copyCredentials', role } },
      { kind: 'action', id: `${key}-terminal`, label: 'Use in terminal', intent: { kind: 'useInTerminal', role } },
    ],
  };
}

function label(id: string, text: string): TrayMenuItem {
  return { kind: 'label', id, label: text };
}

function separator(id: string): TrayMenuItem {
  return { kind: 'separator', id };
}

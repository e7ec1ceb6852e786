/**
 * The tray (menu-bar) menu as data: main builds it from its snapshot, the Electron shell maps it onto
 * `Tray` and `Menu`, and the browser preview shows it as a panel. It holds nothing secret.
 */
import type { RoleRef } from './ipc-contract';

/** What one click asks for; each maps onto a request of the contract (or the shell's window). */
export type TrayIntent =
  | { readonly kind: 'openConsole'; readonly role: RoleRef }
  | { readonly kind: 'copyCredentials'; readonly role: RoleRef }
  | { readonly kind: 'useInTerminal'; readonly role: RoleRef }
  | { readonly kind: 'signIn'; readonly instanceId: string }
  | { readonly kind: 'openWindow' }
  | { readonly kind: 'quit' };

/** One entry of the menu. Labels are plain text; the shell escapes them for its toolkit. */
export type TrayMenuItem =
  | { readonly kind: 'label'; readonly id: string; readonly label: string }
  | { readonly kind: 'action'; readonly id: string; readonly label: string; readonly intent: TrayIntent }
  | { readonly kind: 'submenu'; readonly id: string; readonly label: string; readonly items: readonly TrayMenuItem[] }
  | { readonly kind: 'separator'; readonly id: string };

/** What the icon says at a glance. */
export type TrayIconState = 'signedIn' | 'needsSignIn' | 'noInstances';

export interface TrayMenuModel {
  readonly icon: TrayIconState;
  readonly tooltip: string;
  readonly items: readonly TrayMenuItem[];
}

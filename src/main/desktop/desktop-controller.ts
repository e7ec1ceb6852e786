/**
 * Keeps the desktop integration in step with the main process's state: the tray's menu, icon and
 * tooltip, the quick switcher's global shortcut, and the login item. It talks to Electron only through
 * the ports it is given, so it runs and is tested under plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { switcherShortcut } from '../../shared/desktop-shortcuts';
import type { AccountsUpdate } from '../../shared/accounts';
import type { AppSettings, AppSnapshot } from '../../shared/snapshot';
import type { TrayIntent, TrayMenuModel } from '../../shared/tray-menu';
import { createShortcutBinding, type GlobalShortcutPort } from './shortcut-binding';
import { runTrayIntent, type DispatchRequest, type TrayShell } from './tray-intents';
import { trayIconPath } from './tray-icons';
import { trayMenuTemplate } from './tray-template';

/** What Electron's `Tray` does for the controller. */
export interface TrayPort {
  setMenu(template: MenuItemConstructorOptions[]): void;
  setImage(file: string): void;
  setToolTip(text: string): void;
}

/** The core as the controller sees it. */
export interface DesktopCore {
  getSnapshot(): AppSnapshot;
  subscribe(listener: (snapshot: AppSnapshot) => void): () => void;
  subscribeAccounts(listener: (update: AccountsUpdate) => void): () => void;
  trayMenu(): Promise<TrayMenuModel>;
  dispatch: DispatchRequest;
  /** Shows a message in the window's notices. */
  warn(message: string): void;
}

export interface DesktopPorts {
  readonly platform: string;
  readonly assetsDir: string;
  /** `null` where the desktop has no tray. */
  readonly tray: TrayPort | null;
  readonly shortcuts: GlobalShortcutPort;
  readonly openSwitcher: () => void;
  readonly applyLaunchAtLogin: (launchAtLogin: boolean) => Promise<void>;
  readonly shell: TrayShell;
  /** Runs `run` soon, once for a burst of calls (the shell passes `setTimeout`). */
  readonly schedule: (run: () => void, ms: number) => void;
}

/** How often the menu is rebuilt with nothing else changing, so "time left" stays true. */
export const TRAY_CLOCK_MS = 60_000;
/** How long a burst of changes (a discovery's pages) is gathered before the menu is rebuilt. */
export const TRAY_SETTLE_MS = 250;

export interface DesktopController {
  dispose(): void;
}

/** Starts the integration; call once the core is up. */
export function startDesktopController(core: DesktopCore, ports: DesktopPorts): DesktopController {
  let disposed = false;
  const shortcut = createShortcutBinding(ports.shortcuts, ports.openSwitcher, (accelerator) =>
    core.warn(`The quick switcher’s shortcut ${accelerator} is in use by another app or is not valid here. Choose another in Settings.`),
  );
  const tray = ports.tray === null ? null : trayUpdater(core, ports, ports.tray);
  let launchAtLogin: boolean | null = null;
  const applySettings = (settings: AppSettings): void => {
    shortcut.bind(switcherShortcut(settings.quickSwitcherShortcut, ports.platform));
    if (settings.launchAtLogin === launchAtLogin) return;
    launchAtLogin = settings.launchAtLogin;
    ports
      .applyLaunchAtLogin(settings.launchAtLogin)
      .catch(() => core.warn('Rolecall could not change whether it starts at login. Check that your home folder is writable.'));
  };
  applySettings(core.getSnapshot().settings);
  tray?.refreshSoon();
  const unsubscribe = [
    core.subscribe((snapshot) => {
      applySettings(snapshot.settings);
      tray?.refreshSoon();
    }),
    core.subscribeAccounts(() => tray?.refreshSoon()),
  ];
  const tick = (): void => {
    if (disposed) return;
    tray?.refreshSoon();
    ports.schedule(tick, TRAY_CLOCK_MS);
  };
  if (tray !== null) ports.schedule(tick, TRAY_CLOCK_MS);
  return {
    dispose() {
      disposed = true;
      unsubscribe.forEach((stop) => stop());
      shortcut.dispose();
      tray?.dispose();
    },
  };
}

/** Rebuilds the tray a moment after the last change, never twice at once. */
function trayUpdater(core: DesktopCore, ports: DesktopPorts, port: TrayPort): { refreshSoon(): void; dispose(): void } {
  let pending = false;
  let disposed = false;
  let icon: string | null = null;
  let tooltip: string | null = null;
  const run = (intent: TrayIntent): void => void runTrayIntent(core.dispatch, intent, ports.shell);
  const refresh = async (): Promise<void> => {
    pending = false;
    if (disposed) return;
    const model = await core.trayMenu();
    if (disposed) return;
    port.setMenu(trayMenuTemplate(model.items, ports.platform, run));
    const file = trayIconPath(model.icon, ports.platform, ports.assetsDir);
    if (file !== icon) port.setImage((icon = file));
    if (model.tooltip !== tooltip) port.setToolTip((tooltip = model.tooltip));
  };
  return {
    refreshSoon() {
      if (pending || disposed) return;
      pending = true;
      ports.schedule(() => void refresh().catch(() => undefined), TRAY_SETTLE_MS);
    },
    dispose() {
      disposed = true;
    },
  };
}

/**
 * The desktop integration's Electron side: the tray icon, the global shortcut and the login item,
 * handed to the pure controller (`desktop/desktop-controller.ts`) that keeps them in step with the core.
 */
import { app, globalShortcut } from 'electron';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/logger';
import { startDesktopController, type DesktopController } from '../desktop/desktop-controller';
import { applyAutostart, autostartPath, loginItemSettings } from '../desktop/login-item';
import type { TrayShell } from '../desktop/tray-intents';
import { trayIconPath } from '../desktop/tray-icons';
import { dispatchRequest } from '../ipc/dispatch';
import { createElectronTray, type ElectronTray } from './electron-tray';

export interface ElectronDesktopDeps {
  readonly core: AppCore;
  readonly logger: Logger;
  readonly platform: NodeJS.Platform;
  readonly assetsDir: string;
  readonly homedir: string;
  readonly openSwitcher: () => void;
  readonly shell: TrayShell;
}

export interface ElectronDesktop {
  /** Whether a tray icon is up, so closing the window can leave Rolecall in it. */
  readonly hasTray: boolean;
  dispose(): void;
}

/** Puts up the tray icon and starts the controller. */
export function startElectronDesktop(deps: ElectronDesktopDeps): ElectronDesktop {
  const { core, platform } = deps;
  const tray = makeTray(deps);
  const controller: DesktopController = startDesktopController(
    {
      getSnapshot: () => core.getSnapshot(),
      subscribe: (listener) => core.subscribe(listener),
      subscribeAccounts: (listener) => core.subscribeAccounts(listener),
      trayMenu: () => core.handlers.getTrayMenu(undefined),
      dispatch: (name, input) => dispatchRequest(core.handlers, name, input, deps.logger),
      warn: (message) => core.warn(message),
    },
    {
      platform,
      assetsDir: deps.assetsDir,
      tray,
      shortcuts: globalShortcut,
      openSwitcher: deps.openSwitcher,
      applyLaunchAtLogin: (launchAtLogin) => applyLaunchAtLogin(launchAtLogin, platform, deps.homedir),
      shell: deps.shell,
      schedule: (run, ms) => void setTimeout(run, ms),
    },
  );
  return {
    hasTray: tray !== null,
    dispose() {
      controller.dispose();
      tray?.destroy();
    },
  };
}

function makeTray(deps: ElectronDesktopDeps): ElectronTray | null {
  try {
    return createElectronTray(trayIconPath('noInstances', deps.platform, deps.assetsDir), deps.platform, () => deps.shell.openWindow());
  } catch (error: unknown) {
    // Some Linux desktops have no tray; the app then behaves as a plain window.
    deps.logger.warn('no tray icon on this desktop', { error: error instanceof Error ? error.name : typeof error });
    return null;
  }
}

/** macOS and Windows keep a login item; Linux desktops read an XDG autostart entry. */
async function applyLaunchAtLogin(launchAtLogin: boolean, platform: NodeJS.Platform, homedir: string): Promise<void> {
  if (platform === 'darwin' || platform === 'win32') {
    const settings = loginItemSettings(launchAtLogin);
    if (app.getLoginItemSettings({ args: settings.args ?? [] }).openAtLogin !== launchAtLogin) app.setLoginItemSettings(settings);
    return;
  }
  // An AppImage runs from a mount that changes each start; $APPIMAGE is the file to start at login.
  const execPath = process.env['APPIMAGE'] ?? process.execPath;
  await applyAutostart(autostartPath(process.env, homedir), launchAtLogin, execPath, app.isPackaged ? [] : [app.getAppPath()]);
}

/**
 * The Electron entry: a thin shell that wires the core to windows, IPC, the menu and the OS.
 *
 * Everything that can run without Electron lives in `core/` and is tested under plain Node.
 */
import os from 'node:os';
import path from 'node:path';
import { app, globalShortcut, Menu, protocol, session, type BrowserWindow, type WebContents } from 'electron';
import { describeApp } from './core/app-info';
import { createAppCore, type AppCore } from './core/app-core';
import { resolveDataDir } from './core/data-dir';
import { createLogger } from './core/logger';
import { loopbackOriginsFromEnv } from './core/loopback-origins';
import { closeAction } from './desktop/close-to-tray';
import { startedHidden } from './desktop/login-item';
import { startElectronDesktop } from './electron/electron-desktop';
import { createElectronEffects } from './electron/electron-effects';
import type { Effects } from './effects/effects';
import { createConsoleWindows } from './console-window';
import { createElectronStateFile } from './electron/electron-state-file';
import { createElectronVault } from './electron/electron-vault';
import { pushAccounts, pushSnapshot, registerIpcHandlers } from './ipc/electron-ipc';
import { sendFirstSlices } from '../shared/account-slice';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { buildMenuTemplate } from './menu';
import { denyAllPermissions, hardenWebContents } from './security';
import { createSwitcherWindow } from './switcher-window';
import { createMainWindow } from './window';

const outDir = path.join(import.meta.dirname, '..');
const assetsDir = path.join(outDir, '..', 'assets');
const logger = createLogger();

/** Whether quit was asked for (menu, tray, Cmd+Q, the OS logging out): windows then really close. */
let quitting = false;
/** Brings the main window up; set once the windows exist (a notification clicked before then does nothing). */
let showMainWindow: () => void = () => {};

function start(core: AppCore, effects: Effects): void {
  const mainWindows = new Set<BrowserWindow>();
  const preload = path.join(outDir, 'preload', 'preload.cjs');
  const switcher = createSwitcherWindow(preload);
  const appWindows = (): BrowserWindow[] => [...mainWindows, switcher.window];
  const isAppWindow = (contents: WebContents): boolean => appWindows().some((w) => w.webContents === contents);
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(protocol, path.join(outDir, 'renderer'));
  registerIpcHandlers(core.handlers, logger, isAppWindow);
  core.subscribe((snapshot) => appWindows().forEach((w) => pushSnapshot(w.webContents, snapshot)));
  core.subscribeAccounts((update) => appWindows().forEach((w) => pushAccounts(w.webContents, update)));
  pushStateOnLoad(core, switcher.window);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        openDocumentation: () => void core.handlers.openDocumentation(undefined),
        copyAboutInfo: () => void core.handlers.copyAboutInfo(undefined),
      }),
    ),
  );
  const desktop = startElectronDesktop({
    core,
    logger,
    platform: process.platform,
    assetsDir,
    homedir: os.homedir(),
    openSwitcher: () => switcher.toggle(),
    shell: {
      openWindow: () => showMainWindow(),
      quit: () => app.quit(),
      showFailure: (message) => {
        core.warn(message);
        effects.notify('Rolecall', message);
      },
    },
  });
  const openWindow = (): void => {
    const window = createMainWindow({ preload, icon: path.join(assetsDir, 'icon.png') });
    mainWindows.add(window);
    pushStateOnLoad(core, window);
    window.on('close', (event) => {
      const action = closeAction({ closeToTray: core.getSnapshot().settings.closeToTray, hasTray: desktop.hasTray, quitting });
      if (action === 'close') return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      mainWindows.delete(window);
      if (mainWindows.size > 0) return;
      core.windowsClosed();
      // The hidden switcher window keeps Electron's own window-all-closed from firing.
      if (process.platform !== 'darwin') app.quit();
    });
  };
  showMainWindow = () => {
    const [first] = mainWindows;
    if (first === undefined) return openWindow();
    if (first.isMinimized()) first.restore();
    first.show();
    first.focus();
  };
  const loginLaunch = startedHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin);
  if (!(loginLaunch && desktop.hasTray)) openWindow();
  app.on('second-instance', () => showMainWindow());
  app.on('activate', () => showMainWindow());
  app.on('before-quit', () => {
    quitting = true;
    desktop.dispose();
    switcher.destroy();
  });
}

/** As the preview does on connect: each page load gets the state (and each long list's first slice) before it asks. */
function pushStateOnLoad(core: AppCore, window: BrowserWindow): void {
  window.webContents.on('dom-ready', () => {
    pushSnapshot(window.webContents, core.getSnapshot());
    sendFirstSlices(core.currentAccounts(), (update) => pushAccounts(window.webContents, update));
  });
}

function main(): void {
  // SECURITY: every renderer is sandboxed, whatever a window's own preferences say (checklist 4).
  app.enableSandbox();
  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const dataDir = resolveDataDir(process.env, process.platform, os.homedir());
  app.setPath('userData', dataDir);
  const loopbackOrigins = loopbackOriginsFromEnv(process.env);
  const consoleWindows = createConsoleWindows(loopbackOrigins);
  // Console windows are locked by their own rules (AWS console hosts only); every other one as an app window.
  app.on('web-contents-created', (_event, contents) => {
    if (!consoleWindows.owns(contents)) hardenWebContents(contents);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  const effects = createElectronEffects(consoleWindows, () => showMainWindow());
  void app
    .whenReady()
    .then(() =>
      // safeStorage is usable only once the app is ready.
      createAppCore({
        appInfo: describeApp(app.getVersion(), process.platform, process.arch),
        effects,
        logger,
        now: Date.now,
        env: process.env,
        homedir: os.homedir(),
        stateFile: createElectronStateFile(dataDir),
        vault: createElectronVault(),
        loopbackOrigins,
      }),
    )
    .then((core) => start(core, effects));
}

main();

/**
 * The Electron entry: a thin shell that wires the core to windows, IPC, the menu and the OS.
 *
 * Everything that can run without Electron lives in `core/` and is tested under plain Node.
 */
import os from 'node:os';
import path from 'node:path';
import { app, Menu, protocol, session, type BrowserWindow, type WebContents } from 'electron';
import { describeApp } from './core/app-info';
import { createAppCore, type AppCore } from './core/app-core';
import { resolveDataDir } from './core/data-dir';
import { createLogger } from './core/logger';
import { loopbackOriginsFromEnv } from './core/loopback-origins';
import { createElectronEffects } from './electron/electron-effects';
import { createConsoleWindows } from './console-window';
import { createElectronStateFile } from './electron/electron-state-file';
import { createElectronVault } from './electron/electron-vault';
import { pushAccounts, pushSnapshot, registerIpcHandlers } from './ipc/electron-ipc';
import { sendFirstSlicesThenWhole } from '../shared/account-slice';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { buildMenuTemplate } from './menu';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

const outDir = path.join(import.meta.dirname, '..');
const logger = createLogger();

function start(core: AppCore): void {
  const windows = new Set<BrowserWindow>();
  const isAppWindow = (contents: WebContents): boolean => [...windows].some((w) => w.webContents === contents);
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(protocol, path.join(outDir, 'renderer'));
  registerIpcHandlers(core.handlers, logger, isAppWindow);
  core.subscribe((snapshot) => windows.forEach((w) => pushSnapshot(w.webContents, snapshot)));
  core.subscribeAccounts((update) => windows.forEach((w) => pushAccounts(w.webContents, update)));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        openDocumentation: () => void core.handlers.openDocumentation(undefined),
        copyAboutInfo: () => void core.handlers.copyAboutInfo(undefined),
      }),
    ),
  );
  const openWindow = (): void => {
    const window = createMainWindow({
      preload: path.join(outDir, 'preload', 'preload.cjs'),
      icon: path.join(outDir, '..', 'assets', 'icon.png'),
    });
    windows.add(window);
    // As the preview does on connect: the page gets its state (and big account lists) before it asks.
    window.webContents.on('dom-ready', () => {
      pushSnapshot(window.webContents, core.getSnapshot());
      sendFirstSlicesThenWhole(core.currentAccounts(), (update) => pushAccounts(window.webContents, update), setImmediate);
    });
    window.on('closed', () => {
      windows.delete(window);
      if (windows.size === 0) core.windowsClosed();
    });
  };
  openWindow();
  app.on('second-instance', () => {
    const [first] = windows;
    if (first === undefined) return openWindow();
    if (first.isMinimized()) first.restore();
    first.focus();
  });
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
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
  void app
    .whenReady()
    .then(() =>
      // safeStorage is usable only once the app is ready.
      createAppCore({
        appInfo: describeApp(app.getVersion(), process.platform, process.arch),
        effects: createElectronEffects(consoleWindows),
        logger,
        now: Date.now,
        env: process.env,
        homedir: os.homedir(),
        stateFile: createElectronStateFile(dataDir),
        vault: createElectronVault(),
        loopbackOrigins,
      }),
    )
    .then(start);
}

main();

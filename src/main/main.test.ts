/**
 * Boots the Electron entry against a fake `electron` module and checks the app-wide settings:
 * sandbox on for every renderer, the app scheme registered before ready, single-instance lock, every
 * new web contents hardened, permissions denied, and the protocol and IPC served.
 */
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type * as consoleWindowModule from './console-window';
import type { ConsoleWindows } from './console-window';

type Listener = (event: { url: string; preventDefault: () => void; isMainFrame?: boolean }) => void;
interface FakeContents {
  readonly session: object;
  readonly listeners: Map<string, Listener[]>;
}

const calls: string[] = [];
const appListeners = new Map<string, (...args: unknown[]) => void>();
const hardened: string[] = [];
const createdWindows: { webContents: FakeContents }[] = [];
const consoleManagers: ConsoleWindows[] = [];

// The real console windows, captured so a test can open one the way the core's effects do.
vi.mock('./console-window', async (importOriginal) => {
  const real = await importOriginal<typeof consoleWindowModule>();
  return {
    ...real,
    createConsoleWindows: (origins: readonly string[]) => {
      const manager = real.createConsoleWindows(origins);
      consoleManagers.push(manager);
      return manager;
    },
  };
});

// electron-store requires the real electron package (which would try to download its binary).
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

vi.mock('electron', () => {
  const permissionHandlers = () => ({
    setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
  });
  const defaultSession = permissionHandlers();
  const partitions = new Map<string, object>();
  const fromPartition = (partition: string): object => {
    const existing = partitions.get(partition) ?? permissionHandlers();
    partitions.set(partition, existing);
    return existing;
  };
  const fakeContents = (session: object = defaultSession) => {
    const listeners = new Map<string, Listener[]>();
    return {
      session,
      listeners,
      setWindowOpenHandler: () => hardened.push('window-open'),
      on: (name: string, listener: Listener) => {
        hardened.push(name);
        listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      },
      insertCSS: () => Promise.resolve(''),
    };
  };
  return {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      setPath: (name: string) => calls.push(`setPath:${name}`),
      getVersion: () => '0.0.0-test',
      quit: () => calls.push('quit'),
      on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener),
      whenReady: () => (calls.push('whenReady'), Promise.resolve()),
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
      setLoginItemSettings: () => calls.push('setLoginItemSettings'),
      isPackaged: false,
      getAppPath: () => '/app',
    },
    Tray: class {
      constructor(image: { file: string }) {
        calls.push(`tray:${image.file}`);
      }
      on(): void {}
      setContextMenu(): void {
        calls.push('tray:setContextMenu');
      }
      setImage(image: { file: string }): void {
        calls.push(`tray:image:${image.file}`);
      }
      setToolTip(text: string): void {
        calls.push(`tray:tooltip:${text}`);
      }
      destroy(): void {}
    },
    nativeImage: { createFromPath: (file: string) => ({ file, setTemplateImage: () => {} }) },
    globalShortcut: {
      register: (accelerator: string) => (calls.push(`shortcut:${accelerator}`), true),
      unregister: () => {},
      unregisterAll: () => {},
    },
    screen: {
      getCursorScreenPoint: () => ({ x: 0, y: 0 }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1280, height: 800 } }),
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => calls.push(`handle:${scheme}`),
    },
    session: { defaultSession, fromPartition },
    ipcMain: { handle: (channel: string) => calls.push(`ipc:${channel}`), removeHandler: () => {} },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => calls.push('setApplicationMenu') },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: class {
      webContents: ReturnType<typeof fakeContents>;
      constructor(options?: { webPreferences?: { partition?: string } }) {
        const partition = options?.webPreferences?.partition;
        this.webContents = fakeContents(partition === undefined ? defaultSession : fromPartition(partition));
        createdWindows.push(this);
        // As Electron does: the app hears of the new web contents while the window is being built.
        appListeners.get('web-contents-created')?.({}, this.webContents);
      }
      once(): void {}
      on(): void {}
      focus(): void {}
      isVisible(): boolean {
        return false;
      }
      setTitle(): void {}
      isDestroyed(): boolean {
        return false;
      }
      loadURL(url: string): Promise<void> {
        calls.push(`loadURL:${url}`);
        return Promise.resolve();
      }
    },
    shell: { openExternal: () => Promise.resolve() },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'unknown' },
    clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') },
    Notification: class {
      static isSupported = (): boolean => false;
    },
    fakeContents,
  };
});

/** Fires a top-frame navigation at every listener of a contents; says whether any prevented it. */
function navigate(contents: FakeContents, name: string, url: string): boolean {
  const preventDefault = vi.fn();
  const listeners = contents.listeners.get(name) ?? [];
  expect(listeners.length).toBeGreaterThan(0);
  for (const listener of listeners) listener({ url, preventDefault, isMainFrame: true });
  return preventDefault.mock.calls.length > 0;
}

describe('the Electron entry', () => {
  it('locks the app down before and after ready', async () => {
    await import('./main');
    await vi.waitFor(() => expect(calls).toContain('loadURL:app://rolecall/index.html'));

    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).toContain('requestSingleInstanceLock');
    expect(calls).toContain('setPath:userData');
    expect(calls).toEqual(expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'handle:app']));
    expect(calls).toContain('ipc:rolecall:request:getSnapshot');
    // The desktop integration: the quick switcher's window is made (hidden), its shortcut registered,
    // and the tray icon put up, its menu built from the core's tray model.
    expect(calls).toContain('loadURL:app://rolecall/index.html?view=switcher&desktop');
    expect(calls).toContain(`shortcut:${process.platform === 'darwin' ? 'Command+Shift+Space' : 'Control+Alt+Space'}`);
    expect(calls.some((c) => c.startsWith('tray:') && c.endsWith(process.platform === 'darwin' ? 'tray-idleTemplate.png' : 'tray-idle.png'))).toBe(true);
    await vi.waitFor(() => expect(calls).toContain('tray:setContextMenu'));
    expect(calls).toContain('tray:tooltip:Rolecall');

    const electron = await import('electron');
    const created = appListeners.get('web-contents-created');
    // The app window was hardened as it was built; count only what this new contents gets.
    hardened.length = 0;
    created?.({}, (electron as unknown as { fakeContents: () => unknown }).fakeContents());
    expect(hardened).toEqual(
      expect.arrayContaining(['window-open', 'will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it("leaves a console window's contents to the console's own lock, and hardens every other", async () => {
    await import('./main');
    await vi.waitFor(() => expect(consoleManagers).toHaveLength(1));
    const [consoles] = consoleManagers;
    const appWindow = createdWindows[0];
    if (consoles === undefined || appWindow === undefined) throw new Error('main did not start');
    const consoleUrl = 'https://us-east-1.console.aws.amazon.com/console/home';

    // The app window went through the app-wide guard: it cannot leave the app.
    expect(appWindow.webContents.listeners.has('will-frame-navigate')).toBe(true);
    expect(navigate(appWindow.webContents, 'will-navigate', consoleUrl)).toBe(true);

    await consoles.open(new URL('https://signin.aws.amazon.com/federation?Action=login&SigninToken=t'), {
      title: 'payments-prod · AdministratorAccess',
      partition: 'persist:console-test',
    });
    const consoleWindow = createdWindows.at(-1);
    if (consoleWindow === undefined || consoleWindow === appWindow) throw new Error('no console window');
    expect(consoles.owns(consoleWindow.webContents as unknown as WebContents)).toBe(true);
    // Not hardened as an app window (whose guard would pin it to app://), so it can reach the console...
    expect(consoleWindow.webContents.listeners.has('will-frame-navigate')).toBe(false);
    expect(navigate(consoleWindow.webContents, 'will-navigate', consoleUrl)).toBe(false);
    expect(navigate(consoleWindow.webContents, 'will-redirect', consoleUrl)).toBe(false);
    // ...but still locked by its own rules.
    expect(navigate(consoleWindow.webContents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(consoleWindow.webContents, 'will-attach-webview', consoleUrl)).toBe(true);

    // Any other new contents (default session, or a partition no console window uses) is hardened.
    const electron = (await import('electron')) as unknown as {
      fakeContents: (session?: object) => FakeContents;
      session: { fromPartition: (partition: string) => object };
    };
    for (const contents of [electron.fakeContents(), electron.fakeContents(electron.session.fromPartition('persist:other'))]) {
      appListeners.get('web-contents-created')?.({}, contents);
      expect(contents.listeners.has('will-frame-navigate')).toBe(true);
      expect(navigate(contents, 'will-navigate', consoleUrl)).toBe(true);
    }
  });
});

/**
 * Boots the Electron entry against a fake `electron` module and checks the app-wide settings:
 * sandbox on for every renderer, the app scheme registered before ready, single-instance lock, every
 * new web contents hardened, permissions denied, and the protocol and IPC served.
 */
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const appListeners = new Map<string, (...args: unknown[]) => void>();
const hardened: string[] = [];

// electron-store requires the real electron package (which would try to download its binary).
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

vi.mock('electron', () => {
  const fakeContents = () => ({
    setWindowOpenHandler: () => hardened.push('window-open'),
    on: (name: string) => hardened.push(name),
  });
  return {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      setPath: (name: string) => calls.push(`setPath:${name}`),
      getVersion: () => '0.0.0-test',
      quit: () => calls.push('quit'),
      on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener),
      whenReady: () => (calls.push('whenReady'), Promise.resolve()),
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => calls.push(`handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
      },
    },
    ipcMain: { handle: (channel: string) => calls.push(`ipc:${channel}`), removeHandler: () => {} },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => calls.push('setApplicationMenu') },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: class {
      webContents = fakeContents();
      once(): void {}
      on(): void {}
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

    const electron = await import('electron');
    const created = appListeners.get('web-contents-created');
    created?.({}, (electron as unknown as { fakeContents: () => unknown }).fakeContents());
    expect(hardened).toEqual(
      expect.arrayContaining(['window-open', 'will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });
});

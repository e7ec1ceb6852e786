import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; loaded: string[] }[] = [];

vi.mock('electron', () => ({
  nativeTheme: { shouldUseDarkColors: false },
  BrowserWindow: class {
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('./window');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('is created with the locked-down preferences and the preload', () => {
    createMainWindow({ preload: '/out/preload/preload.cjs', icon: '/assets/icon.png' });
    const prefs = created[0]?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('loads the app protocol, never a file:// URL', () => {
    createMainWindow({ preload: '/p.cjs', icon: '/i.png' });
    expect(created[0]?.loaded).toEqual(['app://rolecall/index.html']);
  });
});

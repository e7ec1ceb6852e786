/**
 * The console windows against a fake `electron`: locked-down preferences, denied permissions, navigation
 * kept to AWS console hosts, pop-ups and foreign links handed to the browser, one window per partition.
 */
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleWindowSpec } from './effects/effects';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }

  class FakeSession {
    requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    checkHandler: ((...args: unknown[]) => boolean) | undefined;
    constructor(readonly partition: string) {}
    setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
      this.checkHandler = handler;
    }
  }

  class FakeContents extends FakeEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | undefined;
    readonly insertedCss: string[] = [];
    constructor(readonly session: FakeSession) {
      super();
    }
    setWindowOpenHandler(handler: FakeContents['openHandler']): void {
      this.openHandler = handler;
    }
    insertCSS(css: string): Promise<string> {
      this.insertedCss.push(css);
      return Promise.resolve('key');
    }
  }

  class FakeWindow extends FakeEmitter {
    readonly webContents: FakeContents;
    readonly loaded: string[] = [];
    readonly titles: string[] = [];
    focused = 0;
    destroyed = false;
    constructor(readonly options: { title?: string; webPreferences?: Record<string, unknown> }) {
      super();
      const partition = options.webPreferences?.['partition'];
      this.webContents = new FakeContents(sessionFor(typeof partition === 'string' ? partition : ''));
      windows.push(this);
      // Electron emits app 'web-contents-created' while the BrowserWindow is being constructed.
      hooks.contentsCreated?.(this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    focus(): void {
      this.focused += 1;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    setTitle(title: string): void {
      this.titles.push(title);
    }
    /** What Electron does when a person closes the window. */
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const sessions = new Map<string, FakeSession>();
  const windows: FakeWindow[] = [];
  const sessionFor = (partition: string): FakeSession => {
    const existing = sessions.get(partition);
    if (existing !== undefined) return existing;
    const created = new FakeSession(partition);
    sessions.set(partition, created);
    return created;
  };
  const hooks: { contentsCreated?: ((contents: FakeContents) => void) | undefined } = {};
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  return { FakeWindow, FakeContents, FakeSession, sessions, windows, hooks, sessionFor, openExternal };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  session: { fromPartition: (partition: string) => fake.sessionFor(partition) },
  shell: { openExternal: fake.openExternal },
}));

const { consoleWindow, createConsoleWindows } = await import('./console-window');

type FakeWindow = InstanceType<typeof fake.FakeWindow>;

const emulator = 'http://127.0.0.1:4566';
const spec: ConsoleWindowSpec = { title: 'payments-prod · AdministratorAccess', partition: 'persist:console-aaa' };
const other: ConsoleWindowSpec = { title: 'sandbox · ReadOnly', partition: 'persist:console-bbb' };
const federation = new URL('https://signin.aws.amazon.com/federation?Action=login&SigninToken=t');

function only(): FakeWindow {
  expect(fake.windows).toHaveLength(1);
  const [window] = fake.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

/** Fires a navigation event on the window's contents; says whether it was prevented. */
function navigate(window: FakeWindow, name: string, url: string, isMainFrame?: boolean): boolean {
  const preventDefault = vi.fn();
  const event = isMainFrame === undefined ? { url, preventDefault } : { url, preventDefault, isMainFrame };
  expect(window.webContents.listeners.get(name)).toBeDefined();
  window.webContents.emit(name, event);
  return preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  fake.windows.length = 0;
  fake.sessions.clear();
  fake.openExternal.mockClear();
  fake.hooks.contentsCreated = undefined;
});

describe('a console window', () => {
  it('runs remote content with no preload, no Node, the sandbox and its own partition', () => {
    consoleWindow(spec, []);
    const prefs = only().options.webPreferences;
    expect(prefs).toMatchObject({
      partition: spec.partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('preload');
  });

  it('says which account and role it is, whatever title the console sets', () => {
    consoleWindow(spec, []);
    const window = only();
    expect(window.options.title).toBe(spec.title);
    const preventDefault = vi.fn();
    window.emit('page-title-updated', { preventDefault }, 'S3 Management Console');
    expect(preventDefault).toHaveBeenCalled();
    expect(window.titles).toEqual([`${spec.title} — S3 Management Console`]);
  });

  it("denies every permission request and check on its partition's session", () => {
    consoleWindow(spec, []);
    const session = fake.sessions.get(spec.partition);
    expect(only().webContents.session).toBe(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session?.requestHandler?.(only().webContents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session?.checkHandler?.(only().webContents, permission, 'https://console.aws.amazon.com', {})).toBe(false);
    }
    expect(session?.requestHandler).toBeDefined();
    expect(session?.checkHandler).toBeDefined();
  });

  it('never opens a pop-up, and hands only allowlisted AWS pages to the browser', () => {
    consoleWindow(spec, []);
    const open = (url: string) => only().webContents.openHandler?.({ url });
    expect(open('https://docs.aws.amazon.com/s3/')).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/s3/');
    // Even a console page is not opened inside Rolecall as a pop-up.
    expect(open('https://us-east-1.console.aws.amazon.com/ec2/')).toEqual({ action: 'deny' });
    fake.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'https://u:p@example.com/', 'https://example.com/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])('%s: keeps the top frame on AWS console and sign-in hosts', (name) => {
    consoleWindow(spec, [emulator]);
    const window = only();
    expect(navigate(window, name, 'https://us-east-1.console.aws.amazon.com/console/home', true)).toBe(false);
    expect(navigate(window, name, 'https://eu-west-1.signin.aws.amazon.com/federation', true)).toBe(false);
    expect(navigate(window, name, 'https://console.amazonaws-us-gov.com/', true)).toBe(false);
    expect(navigate(window, name, 'https://console.amazonaws.cn/')).toBe(false);
    expect(navigate(window, name, `${emulator}/federation`, true)).toBe(false);
    expect(fake.openExternal).not.toHaveBeenCalled();

    expect(navigate(window, name, 'https://docs.aws.amazon.com/console/', true)).toBe(true);
    expect(fake.openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/console/');
    fake.openExternal.mockClear();
    for (const url of [
      'https://console.aws.amazon.com.evil.example/',
      'https://evilconsole.aws.amazon.com/',
      'http://console.aws.amazon.com/',
      'http://127.0.0.1:9999/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://example.com/phish',
    ]) {
      expect(navigate(window, name, url, true)).toBe(true);
    }
    // Look-alikes and other sites go nowhere: only the app's allowlist reaches the browser (checklist 15).
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('leaves subframe navigations to the page (the console embeds other origins)', () => {
    consoleWindow(spec, []);
    expect(navigate(only(), 'will-redirect', 'https://example.com/frame', false)).toBe(false);
    expect(navigate(only(), 'will-navigate', 'https://example.com/frame', false)).toBe(false);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    consoleWindow(spec, []);
    expect(navigate(only(), 'will-attach-webview', 'https://console.aws.amazon.com/')).toBe(true);
  });

  it("draws the account's colour along the top edge once a page has loaded", () => {
    consoleWindow({ ...spec, colour: 'teal' }, []);
    const window = only();
    expect(window.webContents.insertedCss).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(window.webContents.insertedCss).toEqual(['html { border-top: 4px solid #0f9d9a !important; }']);
  });

  it('draws no border without a colour', () => {
    consoleWindow(spec, []);
    only().webContents.emit('did-finish-load');
    expect(only().webContents.insertedCss).toEqual([]);
  });
});

describe('the console windows', () => {
  it('open the URL in a new window for a new partition', async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    expect(only().loaded).toEqual([federation.href]);
    expect(only().options.webPreferences?.['partition']).toBe(spec.partition);
  });

  it('reuse and focus the window of a partition that opens again', async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    const next = new URL('https://signin.aws.amazon.com/federation?Action=login&SigninToken=u');
    await consoles.open(next, spec);
    const window = only();
    expect(window.loaded).toEqual([federation.href, next.href]);
    expect(window.focused).toBe(1);
  });

  it('keep a window per partition, side by side', async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    await consoles.open(federation, other);
    expect(fake.windows.map((w) => w.options.webPreferences?.['partition'])).toEqual([spec.partition, other.partition]);
    expect(fake.windows.map((w) => w.options.title)).toEqual([spec.title, other.title]);
  });

  it('forget a window once it is closed', async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    only().close();
    await consoles.open(federation, spec);
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]?.loaded).toEqual([federation.href]);
    expect(fake.windows[0]?.focused).toBe(0);
  });

  it('do not reuse a destroyed window whose closed event has not arrived yet', async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    const first = only();
    first.destroyed = true;
    await consoles.open(federation, spec);
    expect(fake.windows).toHaveLength(2);
    // The late 'closed' of the old window must not make the manager forget the new one.
    first.emit('closed');
    await consoles.open(federation, spec);
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]?.focused).toBe(1);
  });

  it("own the web contents of their windows' sessions, and no other", async () => {
    const consoles = createConsoleWindows([]);
    await consoles.open(federation, spec);
    await consoles.open(federation, other);
    for (const window of fake.windows) {
      expect(consoles.owns(window.webContents as unknown as WebContents)).toBe(true);
    }
    // Another contents of the same partition (e.g. one Electron makes for the page) is locked the same way.
    const sameSession = new fake.FakeContents(fake.sessionFor(spec.partition));
    expect(consoles.owns(sameSession as unknown as WebContents)).toBe(true);
    const appContents = new fake.FakeContents(fake.sessionFor(''));
    expect(consoles.owns(appContents as unknown as WebContents)).toBe(false);
    const unopened = new fake.FakeContents(fake.sessionFor('persist:console-ccc'));
    expect(consoles.owns(unopened as unknown as WebContents)).toBe(false);
  });

  it('own the session before the window exists, so the app-wide guard never locks a console', async () => {
    const consoles = createConsoleWindows([]);
    const ownedAtCreation: boolean[] = [];
    fake.hooks.contentsCreated = (contents) => ownedAtCreation.push(consoles.owns(contents as unknown as WebContents));
    await consoles.open(federation, spec);
    expect(ownedAtCreation).toEqual([true]);
  });
});

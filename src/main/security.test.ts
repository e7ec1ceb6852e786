import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from './security';

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: (() => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
    on: (name: string, listener: Listener) => listeners.set(name, listener),
  };
  hardenWebContents(contents as unknown as WebContents);
  const fire = (name: string, url: string): boolean => {
    const preventDefault = vi.fn();
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    listener({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { fire, openWindow: () => openHandler?.() };
}

describe('window preferences', () => {
  it('isolate, sandbox and strip Node from every app window', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('web contents guards', () => {
  it('deny every new window', () => {
    expect(fakeWebContents().openWindow()).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: block leaving the app', (name) => {
    const { fire } = fakeWebContents();
    expect(fire(name, 'https://example.com/')).toBe(true);
    expect(fire(name, 'app://rolecall.evil.example/index.html')).toBe(true);
    expect(fire(name, 'file:///etc/passwd')).toBe(true);
    expect(fire(name, 'app://rolecall/index.html')).toBe(false);
  });

  it('refuse to attach a <webview>', () => {
    expect(fakeWebContents().fire('will-attach-webview', 'app://rolecall/')).toBe(true);
  });
});

describe('permissions', () => {
  it('deny every request and every check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(checkHandler?.()).toBe(false);
  });
});

describe('the content security policy', () => {
  it('is strict: no inline or eval, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });
});

describe('IPC sender validation', () => {
  const appWindow = {} as WebContents;
  const isAppWindow = (contents: WebContents): boolean => contents === appWindow;
  const event = (frame: { url: string; parent: unknown } | null, sender: WebContents = appWindow) =>
    ({ senderFrame: frame, sender }) as unknown as IpcMainInvokeEvent;

  it('accepts the top frame of an app window showing an app page', () => {
    expect(isTrustedSender(event({ url: APP_ENTRY_URL, parent: null }), isAppWindow)).toBe(true);
  });

  it.each([
    ['a subframe', event({ url: APP_ENTRY_URL, parent: {} })],
    ['a foreign page', event({ url: 'https://evil.example/', parent: null })],
    ['a look-alike app host', event({ url: 'app://rolecall.evil/index.html', parent: null })],
    ['a destroyed frame', event(null)],
    ['another web contents', event({ url: APP_ENTRY_URL, parent: null }, {} as WebContents)],
  ])('refuses %s', (_name, e) => {
    expect(isTrustedSender(e, isAppWindow)).toBe(false);
  });

  it('parses app URLs rather than matching prefixes', () => {
    expect(isAppUrl('app://rolecall/x')).toBe(true);
    expect(isAppUrl('app://rolecallx/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

/**
 * SECURITY: every decision that locks down Rolecall's windows lives in this file.
 *
 * Checklist (`shared/docs/security-checklist.md`) items enforced here: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
 * 12, 13, 14, 17 and 18. Each exported function is covered by `security.test.ts` with a mocked
 * `electron` module, so loosening a setting fails a test.
 */
import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';

/** The privileged scheme the renderer is served from (never `file://`). */
export const APP_SCHEME = 'app';
/** The host part of every app URL. */
export const APP_HOST = 'rolecall';
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The CSP sent as a response header with every page of the app (checklist item 7). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether a URL is one of the app's own pages (`app://rolecall/...`), parsed, never prefix-matched. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The web preferences of every app window: isolated, sandboxed, no Node (checklist 2–4, 6, 8–11). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return { preload: preloadPath, ...lockedWebPreferences() };
}

/**
 * The web preferences of a window showing remote content (the AWS console): the same lock as an app
 * window, with no preload at all and its own session partition.
 */
export function remoteContentWebPreferences(partition: string): WebPreferences {
  return { ...lockedWebPreferences(), partition };
}

/**
 * The locks each `new BrowserWindow` restates literally next to the locked base, so that a scanner of the
 * bundle as shipped (where this module's functions are opaque calls) sees them at every window; typed
 * as literals so that a window can state no other value.
 */
export interface StatedLocks {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly disableBlinkFeatures: 'Auxclick';
}

function lockedWebPreferences(): WebPreferences & StatedLocks {
  return {
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
    // A middle click (auxclick) on a link would ask for a new window; the window-open handler denies it too.
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * Denies new windows, navigation away from the app, redirects and `<webview>` on a web contents
 * (checklist 12–14). Installed on every web contents the app creates.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Denies every permission request and check on a session (checklist 5). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Whether an IPC message comes from the top frame of one of the app's own windows showing an app page
 * (checklist 17).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, isAppWindow: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url) && isAppWindow(event.sender);
}

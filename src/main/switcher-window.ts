/**
 * The quick switcher's window: small, frameless, over every other window, on the screen where the
 * pointer is. It is made once and kept: hidden when it loses focus or the page closes it, and reloaded
 * while hidden so each opening starts from an empty search with no wait.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences, type StatedLocks } from './security';

/** The switcher's page: the renderer's switcher view, told it runs in the desktop app. */
export const SWITCHER_URL = `${APP_ENTRY_URL}?view=switcher&desktop`;

const WIDTH = 640;
const HEIGHT = 420;

export interface SwitcherWindow {
  readonly window: BrowserWindow;
  /** Shows the switcher, or hides it when it is already showing (the shortcut toggles it). */
  toggle(): void;
  /** Lets the window really close (the app is quitting). */
  destroy(): void;
}

/** Creates the (hidden) switcher window. */
export function createSwitcherWindow(preload: string): SwitcherWindow {
  const window = new BrowserWindow({
    width: WIDTH,
    height: HEIGHT,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Rolecall quick switcher',
    // SECURITY: the locked base, with its locks restated where the window is made (see StatedLocks).
    webPreferences: {
      ...secureWebPreferences(preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    } satisfies WebPreferences & StatedLocks,
  });
  let quitting = false;
  const hide = (): void => {
    if (!window.isVisible()) return;
    window.hide();
    window.webContents.reload();
  };
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    hide();
  });
  window.on('blur', hide);
  void window.loadURL(SWITCHER_URL);
  return {
    window,
    toggle() {
      if (window.isVisible()) return hide();
      const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea;
      window.setPosition(Math.round(display.x + (display.width - WIDTH) / 2), Math.round(display.y + display.height / 4));
      window.show();
      window.focus();
    },
    destroy() {
      quitting = true;
      window.destroy();
    },
  };
}

/**
 * The main window: locked-down preferences, the app page, shown when ready.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

/** Where the window finds its preload and icon. */
export interface MainWindowPaths {
  readonly preload: string;
  readonly icon: string;
}

/** Creates and loads the main window. */
export function createMainWindow(paths: MainWindowPaths): BrowserWindow {
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK: webPreferences come from secureWebPreferences() in security.ts (context isolation and sandbox on, Auxclick off), asserted by security.test.ts and window.test.ts
    width: 1120,
    height: 740,
    minWidth: 720,
    minHeight: 480,
    title: 'Rolecall',
    icon: paths.icon,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16151f' : '#f6f6fb',
    webPreferences: secureWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

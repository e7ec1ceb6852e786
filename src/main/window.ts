/**
 * The main window: locked-down preferences, the app page, shown when ready.
 */
import { BrowserWindow, nativeTheme, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences, type StatedLocks } from './security';

/** Where the window finds its preload and icon. */
export interface MainWindowPaths {
  readonly preload: string;
  readonly icon: string;
}

/** Creates and loads the main window. */
export function createMainWindow(paths: MainWindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 740,
    minWidth: 720,
    minHeight: 480,
    title: 'Rolecall',
    icon: paths.icon,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16151f' : '#f6f6fb',
    // SECURITY: the locked base, with its locks restated where the window is made (see StatedLocks).
    webPreferences: {
      ...secureWebPreferences(paths.preload),
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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * The desktop's effects, through Electron's `shell`, `clipboard` and `Notification`, and console windows.
 */
import { clipboard, dialog, Notification, shell } from 'electron';
import { startDetached } from '../core/browsers/start-program';
import type { ConsoleWindows } from '../console-window';
import type { Effects } from '../effects/effects';

/**
 * Effects for the desktop app. URLs arrive already checked by the allowlist. A click on a notification
 * brings the window up (`onNotificationClick`) and then runs the notification's own action.
 */
export function createElectronEffects(consoleWindows: ConsoleWindows, onNotificationClick: () => void = () => {}): Effects {
  return {
    openExternal: (url) => shell.openExternal(url.href), // eng-disable OPEN_EXTERNAL_JS_CHECK: only URLs the allowlist (security/external-url.ts) accepted reach here, through createExternalOpener
    // The program was found by main's catalogue or picked in main's own file dialog; the URL passed the allowlist.
    openInBrowser: (_url, browser) => startDetached(browser.command, browser.args),
    chooseProgram: async (title) => {
      const picked = await dialog.showOpenDialog({ title, properties: ['openFile'] });
      return picked.canceled ? undefined : picked.filePaths[0];
    },
    writeClipboard: (text) => Promise.resolve(clipboard.writeText(text)),
    readClipboard: () => Promise.resolve(clipboard.readText()),
    notify: (title, body, onClick) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        onNotificationClick();
        onClick?.();
      });
      notification.show();
    },
    openConsoleWindow: (url, window) => consoleWindows.open(url, window),
  };
}

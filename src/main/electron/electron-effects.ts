/**
 * The desktop's effects, through Electron's `shell`, `clipboard` and `Notification`.
 */
import { clipboard, Notification, shell } from 'electron';
import type { Effects } from '../effects/effects';

/** Effects for the desktop app. URLs arrive already checked by the allowlist. */
export const electronEffects: Effects = {
  openExternal: (url) => shell.openExternal(url.href),
  writeClipboard: (text) => clipboard.writeText(text),
  readClipboard: () => clipboard.readText(),
  notify: (title, body) => {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};

/**
 * The browser preview's effects: recorded instead of reaching the OS.
 *
 * Opening a URL and writing the clipboard are recorded on the host (never sent to the page, since a
 * sign-in URL or copied credentials are secrets); a test harness that started the host reads them.
 */
import type { Effects } from '../effects/effects';

/** One recorded effect. */
export type PreviewEffect =
  | { readonly kind: 'open'; readonly url: string; readonly browser?: string }
  | { readonly kind: 'clipboard'; readonly text: string }
  | { readonly kind: 'notification'; readonly title: string; readonly body: string; readonly clickable: boolean }
  | { readonly kind: 'console-window'; readonly url: string; readonly title: string; readonly partition: string };

/**
 * Creates effects that pass every call to `record`, and remember the clipboard for reading back; a program
 * "picked" in the file dialog is `pickedProgram` (the preview has no dialog of main's).
 */
export function createPreviewEffects(record: (effect: PreviewEffect) => void, pickedProgram?: string): Effects {
  let clipboard = '';
  return {
    openExternal: (url) => {
      record({ kind: 'open', url: url.href });
      return Promise.resolve();
    },
    openInBrowser: (url, browser) => {
      record({ kind: 'open', url: url.href, browser: browser.name });
      return Promise.resolve();
    },
    chooseProgram: () => Promise.resolve(pickedProgram),
    writeClipboard: (text) => {
      clipboard = text;
      record({ kind: 'clipboard', text });
      return Promise.resolve();
    },
    readClipboard: () => Promise.resolve(clipboard),
    notify: (title, body, onClick) => record({ kind: 'notification', title, body, clickable: onClick !== undefined }),
    openConsoleWindow: (url, window) => {
      record({ kind: 'console-window', url: url.href, title: window.title, partition: window.partition });
      return Promise.resolve();
    },
  };
}

/**
 * The effects that only exist on a desktop: open a URL, write the clipboard, show a notification.
 *
 * The core asks for them through this port; the Electron shell and the browser preview each provide an
 * implementation. URLs reach {@link Effects.openExternal} only after the allowlist accepted them.
 */
export interface Effects {
  /** Opens an already-validated `https:` URL in the user's default browser. */
  openExternal(url: URL): Promise<void>;
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  notify(title: string, body: string): void;
}

/**
 * The effects that only exist on a desktop: open a URL, write the clipboard, show a notification.
 *
 * The core asks for them through this port; the Electron shell and the browser preview each provide an
 * implementation. URLs reach {@link Effects.openExternal} only after the allowlist accepted them.
 */
import type { AccountColour } from '../../shared/accounts';

/** A console window of its own for one account and role, so several stay signed in side by side. */
export interface ConsoleWindowSpec {
  /** Says which account and role the window is, e.g. "payments-prod · AdministratorAccess". */
  readonly title: string;
  /** The account's colour, shown along the window's top edge. */
  readonly colour?: AccountColour | undefined;
  /** A persistent session partition per instance, account and role (`persist:console-…`). */
  readonly partition: string;
}

/** A browser program to open a page in, and how (the page's URL is among `args`). */
export interface BrowserProgram {
  readonly command: string;
  readonly args: readonly string[];
  /** The browser's name (and profile), for the log and the preview's record. */
  readonly name: string;
}

export interface Effects {
  /** Opens an already-validated `https:` URL in the user's default browser. */
  openExternal(url: URL): Promise<void>;
  /** Opens an already-validated URL in the browser program an instance chose. */
  openInBrowser(url: URL, browser: BrowserProgram): Promise<void>;
  /** Asks the person to pick a program file (main's own dialog); `undefined` if they cancel. */
  chooseProgram(title: string): Promise<string | undefined>;
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  /** Shows a desktop notification; `onClick` runs when the person clicks it. Never given a secret. */
  notify(title: string, body: string, onClick?: () => void): void;
  /** Opens an already-validated console sign-in URL in a Rolecall window of its own. */
  openConsoleWindow(url: URL, window: ConsoleWindowSpec): Promise<void>;
}

/**
 * Side-by-side consoles: the AWS console in a Rolecall window of its own, with a persistent session
 * partition per instance, account and role, so several accounts stay signed in at once.
 *
 * SECURITY: these windows run remote content. They get no preload, no Node, the sandbox, context
 * isolation, every permission denied, no `<webview>`, and top-frame navigation limited to AWS console and
 * sign-in hosts; other AWS pages (documentation, the portal) open in the default browser through the app's
 * allowlist, anything else goes nowhere, and pop-ups never open in Rolecall.
 */
import { BrowserWindow, session as electronSession, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import type { AccountColour } from '../shared/accounts';
import type { ConsoleWindowSpec } from './effects/effects';
import { denyAllPermissions, remoteContentWebPreferences, type StatedLocks } from './security';
import { isConsoleWindowUrl } from './security/console-navigation';
import { parseAllowedExternalUrl } from './security/external-url';

const COLOURS: Readonly<Record<AccountColour, string>> = {
  red: '#d13212',
  orange: '#ec7211',
  yellow: '#f2c200',
  green: '#1d8102',
  teal: '#0f9d9a',
  blue: '#0073bb',
  purple: '#8c4fff',
  grey: '#687078',
};

/** The console windows of the app. */
export interface ConsoleWindows {
  /** Opens the URL in the window of its partition (reused when the same account and role opens again). */
  open(url: URL, spec: ConsoleWindowSpec): Promise<void>;
  /** Whether a web contents is a console window's, locked by this module rather than as an app window. */
  owns(contents: WebContents): boolean;
}

/** Creates the console windows' manager. */
export function createConsoleWindows(loopbackOrigins: readonly string[]): ConsoleWindows {
  const byPartition = new Map<string, BrowserWindow>();
  const sessions = new Set<Session>();
  return {
    async open(url, spec) {
      const existing = byPartition.get(spec.partition);
      if (existing !== undefined && !existing.isDestroyed()) {
        existing.focus();
        await existing.loadURL(url.href);
        return;
      }
      sessions.add(electronSession.fromPartition(spec.partition));
      const window = consoleWindow(spec, loopbackOrigins);
      byPartition.set(spec.partition, window);
      // Only if it is still this partition's window: a late 'closed' must not drop its replacement.
      window.on('closed', () => {
        if (byPartition.get(spec.partition) === window) byPartition.delete(spec.partition);
      });
      await window.loadURL(url.href);
    },
    owns: (contents) => sessions.has(contents.session),
  };
}

/** Creates one locked-down console window (not yet loaded). */
export function consoleWindow(spec: ConsoleWindowSpec, loopbackOrigins: readonly string[]): BrowserWindow {
  const partitionSession = electronSession.fromPartition(spec.partition);
  denyAllPermissions(partitionSession);
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: spec.title,
    // SECURITY: the locked base, with its locks restated where the window is made (see StatedLocks).
    webPreferences: {
      ...remoteContentWebPreferences(spec.partition),
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
  // The console sets its own titles; the window keeps saying which account and role it is.
  window.on('page-title-updated', (event, pageTitle) => {
    event.preventDefault();
    window.setTitle(`${spec.title} — ${pageTitle}`);
  });
  lockConsoleContents(window.webContents, loopbackOrigins);
  if (spec.colour !== undefined) {
    const colour = COLOURS[spec.colour];
    window.webContents.on('did-finish-load', () => {
      void window.webContents.insertCSS(`html { border-top: 4px solid ${colour} !important; }`); // eng-disable DANGEROUS_FUNCTIONS_JS_CHECK: the CSS is one fixed colour from COLOURS, never text from the page or the network
    });
  }
  return window;
}

/** Limits a console window's navigation and pop-ups (see the module comment). */
export function lockConsoleContents(contents: WebContents, loopbackOrigins: readonly string[]): void {
  // SECURITY: checklist 15: a link the console opens leaves for the default browser only through the app's
  // one allowlist (AWS sign-in, console, portal and documentation pages); anything else goes nowhere.
  const handOff = (url: string): void => {
    const allowed = parseAllowedExternalUrl(url, loopbackOrigins);
    if (allowed !== null) void shell.openExternal(allowed.href); // eng-disable OPEN_EXTERNAL_JS_CHECK: only URLs parseAllowedExternalUrl accepted (the app's allowlist, security/external-url.ts)
  };
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault: () => void; isMainFrame?: boolean }): void => {
    if (event.isMainFrame === false || isConsoleWindowUrl(event.url, loopbackOrigins)) return;
    event.preventDefault();
    handOff(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

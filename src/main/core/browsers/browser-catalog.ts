/**
 * Where the browsers Rolecall can open pages in live on each platform, and their profiles.
 *
 * Found by looking, not by asking the OS: an executable on `PATH` (Linux) or at the vendor's install path
 * (macOS, Windows), and the profile list each browser keeps for itself (Chromium's `Local State`, Firefox's
 * `profiles.ini`). Every file access goes through `fs`, so tests can point it at a made-up machine.
 */
import path from 'node:path';
import type { BrowserId, FoundBrowser } from '../../../shared/browser-choice';
import type { Env } from '../aws-files/aws-paths';

/** The browser family decides how a profile is asked for on the command line. */
export type BrowserFamily = 'chromium' | 'firefox';

interface CatalogEntry {
  readonly id: BrowserId;
  readonly name: string;
  readonly family: BrowserFamily;
  /** Linux: names to look for on PATH. */
  readonly linuxNames: readonly string[];
  /** macOS: the executable inside the app bundle. */
  readonly macPath: string;
  /** Windows: the executable below one of %ProgramFiles%, %ProgramFiles(x86)%, %LOCALAPPDATA%. */
  readonly windowsPath: string;
  /** Where the profile list lives: Chromium's user-data directory, or Firefox's profiles directory. */
  readonly profileRoot: Readonly<Record<'linux' | 'darwin' | 'win32', string>>;
}

export const BROWSER_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'chrome',
    name: 'Google Chrome',
    family: 'chromium',
    linuxNames: ['google-chrome', 'google-chrome-stable'],
    macPath: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    windowsPath: 'Google\\Chrome\\Application\\chrome.exe',
    profileRoot: { linux: '~/.config/google-chrome', darwin: '~/Library/Application Support/Google/Chrome', win32: '%LOCALAPPDATA%\\Google\\Chrome\\User Data' },
  },
  {
    id: 'chromium',
    name: 'Chromium',
    family: 'chromium',
    linuxNames: ['chromium', 'chromium-browser'],
    macPath: '/Applications/Chromium.app/Contents/MacOS/Chromium',
    windowsPath: 'Chromium\\Application\\chrome.exe',
    profileRoot: { linux: '~/.config/chromium', darwin: '~/Library/Application Support/Chromium', win32: '%LOCALAPPDATA%\\Chromium\\User Data' },
  },
  {
    id: 'edge',
    name: 'Microsoft Edge',
    family: 'chromium',
    linuxNames: ['microsoft-edge', 'microsoft-edge-stable'],
    macPath: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    windowsPath: 'Microsoft\\Edge\\Application\\msedge.exe',
    profileRoot: { linux: '~/.config/microsoft-edge', darwin: '~/Library/Application Support/Microsoft Edge', win32: '%LOCALAPPDATA%\\Microsoft\\Edge\\User Data' },
  },
  {
    id: 'brave',
    name: 'Brave',
    family: 'chromium',
    linuxNames: ['brave-browser', 'brave'],
    macPath: '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    windowsPath: 'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    profileRoot: {
      linux: '~/.config/BraveSoftware/Brave-Browser',
      darwin: '~/Library/Application Support/BraveSoftware/Brave-Browser',
      win32: '%LOCALAPPDATA%\\BraveSoftware\\Brave-Browser\\User Data',
    },
  },
  {
    id: 'firefox',
    name: 'Firefox',
    family: 'firefox',
    linuxNames: ['firefox', 'firefox-esr'],
    macPath: '/Applications/Firefox.app/Contents/MacOS/firefox',
    windowsPath: 'Mozilla Firefox\\firefox.exe',
    profileRoot: { linux: '~/.mozilla/firefox', darwin: '~/Library/Application Support/Firefox', win32: '%APPDATA%\\Mozilla\\Firefox' },
  },
];

/** The file access the catalog needs. */
export interface CatalogFs {
  /** Whether `file` exists and may be executed. */
  isExecutable(file: string): Promise<boolean>;
  /** The file's text, or `undefined` when it cannot be read. */
  readText(file: string): Promise<string | undefined>;
}

/** Where to look: the platform, its environment and the home directory. */
export interface CatalogMachine {
  readonly platform: NodeJS.Platform;
  readonly env: Env;
  readonly homedir: string;
  readonly fs: CatalogFs;
}

/** A browser found, with the executable that runs it (kept in main, never sent to the window). */
export interface InstalledBrowser extends FoundBrowser {
  readonly family: BrowserFamily;
  readonly executable: string;
}

/** Every catalogued browser installed on this machine, in catalogue order, with its profiles. */
export async function findInstalledBrowsers(machine: CatalogMachine): Promise<InstalledBrowser[]> {
  const found: InstalledBrowser[] = [];
  for (const entry of BROWSER_CATALOG) {
    const executable = await findExecutable(entry, machine);
    if (executable === undefined) continue;
    const profiles = await readProfiles(entry, machine);
    found.push({ id: entry.id, name: entry.name, family: entry.family, executable, profiles });
  }
  return found;
}

async function findExecutable(entry: CatalogEntry, machine: CatalogMachine): Promise<string | undefined> {
  for (const candidate of executableCandidates(entry, machine)) {
    if (await machine.fs.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function executableCandidates(entry: CatalogEntry, { platform, env }: CatalogMachine): string[] {
  if (platform === 'darwin') return [entry.macPath];
  if (platform === 'win32') {
    const roots = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter((r): r is string => r !== undefined && r !== '');
    return roots.map((root) => path.win32.join(root, entry.windowsPath));
  }
  const dirs = (env['PATH'] ?? '').split(':').filter((dir) => dir !== '' && path.isAbsolute(dir));
  return dirs.flatMap((dir) => entry.linuxNames.map((name) => path.join(dir, name)));
}

function profileRoot(entry: CatalogEntry, { platform, env, homedir }: CatalogMachine): string | undefined {
  const key = platform === 'darwin' || platform === 'win32' ? platform : 'linux';
  const template = entry.profileRoot[key];
  if (template.startsWith('~/')) return path.join(homedir, template.slice(2));
  const match = /^%([A-Z]+)%\\(.*)$/.exec(template);
  const base = match?.[1] === undefined ? undefined : env[match[1]];
  return base === undefined || base === '' || match?.[2] === undefined ? undefined : path.win32.join(base, match[2]);
}

async function readProfiles(entry: CatalogEntry, machine: CatalogMachine): Promise<FoundBrowser['profiles']> {
  const root = profileRoot(entry, machine);
  if (root === undefined) return [];
  const join = (...parts: string[]): string => (machine.platform === 'win32' ? path.win32.join(...parts) : path.join(...parts));
  if (entry.family === 'firefox') return firefoxProfiles(await machine.fs.readText(join(root, 'profiles.ini')));
  return chromiumProfiles(await machine.fs.readText(join(root, 'Local State')));
}

/** Chromium's profiles from its `Local State`: `profile.info_cache` maps a folder to its display name. */
export function chromiumProfiles(text: string | undefined): FoundBrowser['profiles'] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const cache = (parsed as { profile?: { info_cache?: unknown } } | null)?.profile?.info_cache;
  if (typeof cache !== 'object' || cache === null) return [];
  return Object.entries(cache as Record<string, unknown>).flatMap(([directory, info]) => {
    const name = (info as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [{ directory, name }] : [];
  });
}

/** Firefox's profiles from `profiles.ini`: each `[ProfileN]` section's `Name=`, which `-P` takes. */
export function firefoxProfiles(text: string | undefined): FoundBrowser['profiles'] {
  if (text === undefined) return [];
  const profiles: { directory: string; name: string }[] = [];
  let inProfile = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inProfile = /^\[Profile\d+\]$/.test(line);
    else if (inProfile && line.startsWith('Name=')) profiles.push({ directory: line.slice(5), name: line.slice(5) });
  }
  return profiles;
}

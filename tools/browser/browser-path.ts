/**
 * Finds the Chromium (or Chrome) that the browser tests, the benchmarks and the screenshots drive.
 *
 * Order: `CHROMIUM_PATH`; a system Chromium or Chrome on PATH (or in the usual macOS place); Playwright's own
 * managed browser. Finding never installs anything: `ensure-browser.ts` does that, once, before `npm test`.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Where a browser was found. */
export type BrowserSource = 'CHROMIUM_PATH' | 'PATH' | 'system' | 'playwright';

/** The browser to drive, or why there is none. */
export type BrowserLookup =
  | { readonly kind: 'found'; readonly path: string; readonly source: BrowserSource }
  | { readonly kind: 'bad-override'; readonly path: string }
  | { readonly kind: 'none' };

const namesOnPath = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
const macApplications = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const name of namesOnPath) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function playwrightManaged(): string | undefined {
  try {
    const managed = chromium.executablePath();
    return existsSync(managed) ? managed : undefined;
  } catch {
    return undefined;
  }
}

/** Looks for a browser in the documented order, without installing one. */
export function lookUpBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  const override = env['CHROMIUM_PATH'];
  if (override !== undefined && override !== '') {
    return isExecutableFile(override) ? { kind: 'found', path: override, source: 'CHROMIUM_PATH' } : { kind: 'bad-override', path: override };
  }
  const system = onPath(env);
  if (system !== undefined) return { kind: 'found', path: system, source: 'PATH' };
  const mac = process.platform === 'darwin' ? macApplications.find(isExecutableFile) : undefined;
  if (mac !== undefined) return { kind: 'found', path: mac, source: 'system' };
  const managed = playwrightManaged();
  return managed === undefined ? { kind: 'none' } : { kind: 'found', path: managed, source: 'playwright' };
}

/** The browser's path for Playwright's `executablePath`, or `undefined` to let Playwright use its own. */
export function browserExecutablePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = lookUpBrowser(env);
  return found.kind === 'found' && found.source !== 'playwright' ? found.path : undefined;
}

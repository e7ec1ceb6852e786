/**
 * `npm test`'s first step: makes sure a Chromium is there for the browser tests before anything slow runs.
 *
 * Finds one (`browser-path.ts`); else installs one: Playwright's own download where its host answers, else
 * Debian/Ubuntu's `chromium` package when running as root with apt; else stops within seconds with one line
 * that says what to install and how to point `CHROMIUM_PATH` at it. `ROLECALL_BROWSER_INSTALL=never` makes it
 * only look (its own tests use that).
 */
import { spawnSync } from 'node:child_process';
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { lookUpBrowser, type BrowserLookup } from './browser-path';

/** Playwright's download host (PLAYWRIGHT_DOWNLOAD_HOST overrides it, for Playwright and for this probe alike). */
function downloadHost(): { readonly host: string; readonly port: number } {
  const configured = process.env['PLAYWRIGHT_DOWNLOAD_HOST'];
  const url = new URL(configured !== undefined && configured !== '' ? configured : 'https://cdn.playwright.dev');
  return { host: url.hostname, port: url.port === '' ? 443 : Number(url.port) };
}
const probeTimeoutMs = 4_000;
const missingLine =
  'No Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere `npx playwright install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome executable, then run `npm test` again.';

/** Whether a TLS connection to the host opens within the timeout: a refused or unresolvable host answers at once. */
function reachable({ host, port }: { readonly host: string; readonly port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, ...(isIP(host) === 0 ? { servername: host } : {}), timeout: probeTimeoutMs }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

function run(command: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}, stdout: 'inherit' | 'ignore' = 'inherit'): boolean {
  const result = spawnSync(command, args, { stdio: ['ignore', stdout, 'inherit'], env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

function canUseApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function install(): Promise<string | undefined> {
  if (await reachable(downloadHost())) {
    console.log('No Chromium found: installing Playwright’s own (npx playwright install chromium)…');
    if (run('npx', ['playwright', 'install', 'chromium'])) return 'Playwright’s download';
  }
  if (canUseApt()) {
    console.log('No Chromium found: installing Debian’s chromium package (apt-get install chromium)…');
    const quiet = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], quiet) && run('apt-get', ['install', '-y', '-qq', 'chromium'], quiet, 'ignore')) return 'apt-get';
  }
  return undefined;
}

function describe(found: Extract<BrowserLookup, { kind: 'found' }>): string {
  return `Browser for the e2e tests: ${found.path} (${found.source === 'playwright' ? 'Playwright’s own' : `from ${found.source}`})`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const first = lookUpBrowser();
  if (first.kind === 'found') {
    console.log(describe(first));
    return 0;
  }
  if (first.kind === 'bad-override') {
    console.error(`CHROMIUM_PATH is set to ${first.path}, which is not an executable file: point it at a Chromium or Chrome executable, or unset it.`);
    return 1;
  }
  const how = process.env['ROLECALL_BROWSER_INSTALL'] === 'never' ? undefined : await install();
  const after = lookUpBrowser();
  if (how !== undefined && after.kind === 'found') {
    console.log(`${describe(after)}, installed with ${how} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  console.error(missingLine);
  return 1;
}

process.exitCode = await main();

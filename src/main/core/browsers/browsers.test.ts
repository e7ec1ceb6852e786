import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserChoiceSchema, requestedBrowserChoiceSchema } from '../../../shared/browser-choice';
import { findInstalledBrowsers, type CatalogMachine } from './browser-catalog';
import { browserLaunch } from './browser-launch';
import { nodeCatalogFs, startDetached } from './start-program';

/** A made-up Linux machine in a temporary directory: browser programs that write down how they were started. */
async function machineWith(programs: readonly string[]): Promise<{ machine: CatalogMachine; bin: string; home: string; log: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-browsers-'));
  const bin = path.join(root, 'bin');
  const home = path.join(root, 'home');
  const log = path.join(root, 'argv.log');
  await mkdir(bin, { recursive: true });
  for (const name of programs) {
    const file = path.join(bin, name);
    await writeFile(file, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${log}"\n`);
    await chmod(file, 0o755);
  }
  await writeFile(path.join(bin, 'firefox'), 'not executable');
  const machine: CatalogMachine = { platform: 'linux', env: { PATH: `/nonexistent:${bin}` }, homedir: home, fs: nodeCatalogFs };
  return { machine, bin, home, log };
}

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text !== '') return text;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${file} was never written`);
}

describe('finding browsers', () => {
  it('finds the executables on PATH, skips what cannot run, and reads Chromium and Firefox profiles', async () => {
    const { machine, bin, home } = await machineWith(['chromium', 'brave-browser', 'firefox-esr']);
    await mkdir(path.join(home, '.config', 'chromium'), { recursive: true });
    await writeFile(
      path.join(home, '.config', 'chromium', 'Local State'),
      JSON.stringify({ profile: { info_cache: { Default: { name: 'Personal' }, 'Profile 1': { name: 'Work' } } } }),
    );
    await mkdir(path.join(home, '.mozilla', 'firefox'), { recursive: true });
    await writeFile(path.join(home, '.mozilla', 'firefox', 'profiles.ini'), '[General]\nStartWithLastProfile=1\n\n[Profile0]\nName=default-esr\nPath=abc.default-esr\n\n[Profile1]\nName=aws\nPath=def.aws\n\n[Install123]\nDefault=abc\n');
    const found = await findInstalledBrowsers(machine);
    expect(found.map((b) => [b.id, b.executable])).toEqual([
      ['chromium', path.join(bin, 'chromium')],
      ['brave', path.join(bin, 'brave-browser')],
      ['firefox', path.join(bin, 'firefox-esr')],
    ]);
    expect(found[0]?.profiles).toEqual([{ directory: 'Default', name: 'Personal' }, { directory: 'Profile 1', name: 'Work' }]);
    expect(found[1]?.profiles).toEqual([]);
    expect(found[2]?.profiles).toEqual([{ directory: 'default-esr', name: 'default-esr' }, { directory: 'aws', name: 'aws' }]);
  });

  it('looks at the vendors’ install paths on Windows', async () => {
    const seen: string[] = [];
    const machine: CatalogMachine = {
      platform: 'win32',
      env: { ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' },
      homedir: 'C:\\Users\\a',
      fs: { isExecutable: (file) => (seen.push(file), Promise.resolve(file.endsWith('msedge.exe'))), readText: () => Promise.resolve(undefined) },
    };
    const found = await findInstalledBrowsers(machine);
    expect(found.map((b) => b.executable)).toEqual(['C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe']);
    expect(seen).toContain('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  });
});

describe('opening a page in the chosen browser', () => {
  const url = 'https://oidc.us-east-1.amazonaws.com/authorize?state=a&b=$(touch /tmp/x)';

  it('starts a Chromium browser in its profile, the URL and the profile one argument each', async () => {
    const { machine, log } = await machineWith(['chromium']);
    const launch = browserLaunch({ kind: 'installed', id: 'chromium', profile: 'Profile 1' }, await findInstalledBrowsers(machine), url);
    if (launch.kind !== 'program') throw new Error('expected a program');
    await startDetached(launch.command, launch.args);
    expect(await waitForFile(log)).toBe(`--profile-directory=Profile 1\n${url}\n`);
  });

  it('starts Firefox with -P, and falls back to the system default for a browser no longer installed', async () => {
    const { machine, log } = await machineWith(['firefox-esr']);
    const installed = await findInstalledBrowsers(machine);
    const launch = browserLaunch({ kind: 'installed', id: 'firefox', profile: 'aws' }, installed, url);
    if (launch.kind !== 'program') throw new Error('expected a program');
    await startDetached(launch.command, launch.args);
    expect(await waitForFile(log)).toBe(`-P\naws\n-new-tab\n${url}\n`);
    expect(browserLaunch({ kind: 'installed', id: 'chrome' }, installed, url)).toEqual({ kind: 'system' });
    expect(browserLaunch({ kind: 'system' }, installed, url)).toEqual({ kind: 'system' });
  });

  it('rejects when the program cannot be started', async () => {
    await expect(startDetached('/nonexistent/browser', [url])).rejects.toThrow(/ENOENT/);
  });

  it('accepts from the window only the system default or a found browser, and no profile that reads as an option', () => {
    expect(requestedBrowserChoiceSchema.safeParse({ kind: 'executable', path: '/bin/sh' }).success).toBe(false);
    expect(browserChoiceSchema.safeParse({ kind: 'installed', id: 'chrome', profile: '--disable-web-security' }).success).toBe(false);
    expect(browserChoiceSchema.safeParse({ kind: 'installed', id: 'chrome', profile: 'Profile\n1' }).success).toBe(false);
    expect(browserChoiceSchema.safeParse({ kind: 'installed', id: 'netscape' }).success).toBe(false);
    expect(requestedBrowserChoiceSchema.safeParse({ kind: 'installed', id: 'edge', profile: 'Profile 2' }).success).toBe(true);
  });
});

/**
 * The browser preview's real effects: URLs open through `BROWSER` (or the platform's opener), console
 * windows as browser tabs, and the clipboard through the OS's own tool found at run time, with the text on
 * its stdin (never its command line). Stand-in tools on PATH record what they were given; where `xclip`
 * and `Xvfb` are installed, the real X11 clipboard is written and read back too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findClipboardTool } from '../effects/clipboard-tools';
import { createHostEffects } from './host-effects';

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A directory of stand-in programs, each recording its arguments and stdin into `<name>.log`. */
async function toolsDir(names: readonly string[]): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-tools-'));
  for (const name of names) {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\nprintf '%s\\n' "$*" > "${file}.args"\ncat > "${file}.stdin"\n`);
    await chmod(file, 0o755);
  }
  return dir;
}

const waitFor = async (file: string): Promise<string> => {
  for (let i = 0; i < 100; i += 1) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined && text !== '') return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${file} was never written`);
};

describe('finding the clipboard tool', () => {
  const all = (): boolean => true;
  it('picks the platform’s own tool, and on Linux the one for the session (Wayland, then X11, then WSL)', () => {
    expect(findClipboardTool({}, 'darwin', all)?.name).toBe('pbcopy');
    expect(findClipboardTool({}, 'win32', all)?.name).toBe('clip.exe');
    expect(findClipboardTool({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'linux', all)?.name).toBe('wl-copy');
    expect(findClipboardTool({ DISPLAY: ':0' }, 'linux', all)?.name).toBe('xclip');
    expect(findClipboardTool({ DISPLAY: ':0' }, 'linux', (p) => p === 'xsel')?.name).toBe('xsel');
    expect(findClipboardTool({ WSL_DISTRO_NAME: 'Ubuntu' }, 'linux', all)?.name).toBe('clip.exe');
  });
  it('finds none on a headless Linux, or where the session’s tools are not installed', () => {
    expect(findClipboardTool({}, 'linux', all)).toBeUndefined();
    expect(findClipboardTool({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', () => false)).toBeUndefined();
  });
});

describe('the preview host’s real effects', () => {
  it('copies through the tool on PATH with the text on stdin only, and opens pages and console tabs with BROWSER', async () => {
    const tools = await toolsDir(['wl-copy', 'browser']);
    const env = { PATH: `${tools}:${process.env['PATH'] ?? ''}`, WAYLAND_DISPLAY: 'wayland-test', BROWSER: path.join(tools, 'browser') };
    const said: string[] = [];
    const effects = createHostEffects({ env, platform: 'linux', say: (line) => said.push(line) });
    const secret = 'export AWS_SECRET_ACCESS_KEY=abc$(touch /tmp/pwned)`x`';
    await effects.writeClipboard(secret);
    expect(await readFile(path.join(tools, 'wl-copy.stdin'), 'utf8')).toBe(secret);
    expect(await readFile(path.join(tools, 'wl-copy.args'), 'utf8')).toBe('\n');

    await effects.openExternal(new URL('https://eu-west-1.console.aws.amazon.com/?a=1&b=2')); // eng-disable OPEN_EXTERNAL_JS_CHECK: a test, handing one fixed AWS console URL to a stand-in browser
    expect(await waitFor(path.join(tools, 'browser.args'))).toBe('https://eu-west-1.console.aws.amazon.com/?a=1&b=2\n');
    await rm(path.join(tools, 'browser.args'));
    await effects.openConsoleWindow(new URL('https://signin.aws.amazon.com/federation?Action=login'), { title: 'prod · Admin', partition: 'persist:x' });
    expect(await waitFor(path.join(tools, 'browser.args'))).toBe('https://signin.aws.amazon.com/federation?Action=login\n');

    effects.notify('Signed in', 'to corp');
    expect(said).toEqual(['Rolecall: Signed in: to corp']);
  });

  it('with no clipboard tool, says so and names the tools it looks for', async () => {
    const tools = await toolsDir([]);
    const effects = createHostEffects({ env: { PATH: tools }, platform: 'linux', say: () => undefined });
    await expect(effects.writeClipboard('text')).rejects.toThrow('Rolecall could not copy: this machine has no clipboard tool (it looks for wl-copy, xclip, xsel or (on WSL) clip.exe).');
    expect(await effects.readClipboard()).toBe('');
  });

  const x11 = spawnSync('sh', ['-c', 'command -v xclip && command -v Xvfb'], { encoding: 'utf8' }).status === 0;
  if (!x11) console.log('[host-effects] the real X11 clipboard test is skipped: xclip and Xvfb are not installed on this machine');
  it.skipIf(!x11)('writes and reads back the real X11 clipboard with xclip', { timeout: 20_000 }, async () => {
    const display = `:${String(90 + Math.floor(Math.random() * 9))}`;
    const server: ChildProcess = spawn('Xvfb', [display, '-nolisten', 'tcp'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 700));
      const effects = createHostEffects({ env: { PATH: process.env['PATH'] ?? '', DISPLAY: display }, platform: 'linux', say: () => undefined });
      await effects.writeClipboard('export AWS_ACCESS_KEY_ID=ASIAEXAMPLE');
      expect(await effects.readClipboard()).toBe('export AWS_ACCESS_KEY_ID=ASIAEXAMPLE');
    } finally {
      server.kill();
    }
  });
});

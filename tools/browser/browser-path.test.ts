import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookUpBrowser } from './browser-path';

const ensureScript = path.join(import.meta.dirname, 'ensure-browser.ts');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-browser-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeExecutable(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

function runEnsure(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ensureScript], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A port on 127.0.0.1 that refuses connections: listened on, then closed. */
async function refusedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('lookUpBrowser', () => {
  it('takes CHROMIUM_PATH first, even when a Chromium is on PATH', async () => {
    const chosen = await fakeExecutable('my-chrome');
    await fakeExecutable('chromium');
    expect(lookUpBrowser({ CHROMIUM_PATH: chosen, PATH: dir })).toEqual({ kind: 'found', path: chosen, source: 'CHROMIUM_PATH' });
  });

  it('says CHROMIUM_PATH is wrong instead of quietly using another browser', async () => {
    await fakeExecutable('chromium');
    const missing = path.join(dir, 'nope');
    expect(lookUpBrowser({ CHROMIUM_PATH: missing, PATH: dir })).toEqual({ kind: 'bad-override', path: missing });
  });

  it('finds a system Chromium or Chrome on PATH, ignoring files that are not executable', async () => {
    await writeFile(path.join(dir, 'chromium'), 'not executable');
    const chrome = await fakeExecutable('google-chrome');
    expect(lookUpBrowser({ PATH: `${path.join(dir, 'empty')}${path.delimiter}${dir}` })).toEqual({ kind: 'found', path: chrome, source: 'PATH' });
  });
});

describe('ensure-browser (npm test’s first step)', () => {
  it('stops within seconds with one line saying what to install, when no browser can be found or installed', async () => {
    const port = await refusedPort();
    const result = await runEnsure({
      PATH: dir, // no browser and no apt-get here
      HOME: dir,
      PLAYWRIGHT_BROWSERS_PATH: path.join(dir, 'ms-playwright'),
      PLAYWRIGHT_DOWNLOAD_HOST: `https://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('No Chromium for the browser tests');
    expect(lines[0]).toContain('apt-get install chromium');
    expect(lines[0]).toContain('CHROMIUM_PATH');
    expect(result.ms).toBeLessThan(10_000);
  });

  it('names a CHROMIUM_PATH that is not an executable', async () => {
    const result = await runEnsure({ PATH: dir, HOME: dir, CHROMIUM_PATH: path.join(dir, 'missing-chromium'), ROLECALL_BROWSER_INSTALL: 'never' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`CHROMIUM_PATH is set to ${path.join(dir, 'missing-chromium')}, which is not an executable file`);
  });

  it('reports the browser it found and succeeds', async () => {
    const chromium = await fakeExecutable('chromium');
    const result = await runEnsure({ PATH: dir, HOME: dir, ROLECALL_BROWSER_INSTALL: 'never' });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Browser for the e2e tests: ${chromium} (from PATH)`);
  });
});

// Takes the README's screenshots of the browser preview in Chromium: docs/screenshot-light.png and
// docs/screenshot-dark.png. Run `npm run build` first. Usage: node scripts/screenshot.mjs
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.join(import.meta.dirname, '..');
const home = await mkdtemp(path.join(os.tmpdir(), 'rolecall-shot-'));
const host = fork(path.join(root, 'out/web/web-host.js'), ['--port', '0'], {
  env: { PATH: process.env.PATH, HOME: home, ROLECALL_DATA_DIR: path.join(home, 'data') },
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const url = await new Promise((resolve) => {
  host.stdout.on('data', (chunk) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(chunk.toString());
    if (match) resolve(match[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1120, height: 700 }, colorScheme: scheme, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('heading').first().waitFor();
  const file = path.join(root, 'docs', `screenshot-${scheme}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(root, file)}`);
  await page.close();
}
await browser.close();
host.kill('SIGTERM');

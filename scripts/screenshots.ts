// Takes the README's screenshots of the browser preview in Chromium, against the emulator:
//   docs/screenshot-light.png (first run), docs/screenshot-sign-in.png (the code), docs/screenshot-signed-in.png,
//   docs/screenshot-dark.png, docs/screenshot-verification.png (the emulator's page).
// Run `npm run build` first, then: npx tsx scripts/screenshots.ts
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startEmulator } from '../tools/emulator/index';
import { browserExecutablePath } from '../tools/browser/browser-path';

const root = path.join(import.meta.dirname, '..');
const emulator = await startEmulator({ fixture: path.join(root, 'tools/emulator/fixtures/sample-org.json') });
const home = await mkdtemp(path.join(os.tmpdir(), 'rolecall-shot-'));
const host = fork(path.join(root, 'out/web/web-host.js'), ['--port', '0'], {
  env: {
    PATH: process.env['PATH'] ?? '',
    // Screenshots click through the UI: the effects are recorded, not a browser tab per click.
    ROLECALL_PREVIEW_EFFECTS: 'record',
    HOME: home,
    ROLECALL_DATA_DIR: path.join(home, 'data'),
    ROLECALL_SIGNIN_ENDPOINT: `${emulator.url}/federation`,
    ...emulator.env,
  },
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const opened: string[] = [];
host.on('message', (m: unknown) => {
  const effect = (m as { effect?: { kind: string; url?: string } }).effect;
  if (effect?.kind === 'open' && effect.url !== undefined) opened.push(effect.url);
});
const url = await new Promise<string>((resolve) => {
  host.stdout?.on('data', (chunk: Buffer) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(chunk.toString());
    if (match?.[1] !== undefined) resolve(match[1]);
  });
});
const browser = await chromium.launch({
  executablePath: browserExecutablePath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shoot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: path.join(root, 'docs', `screenshot-${name}.png`) });
  console.log(`wrote docs/screenshot-${name}.png`);
};
const context = await browser.newContext({ viewport: { width: 1120, height: 700 }, colorScheme: 'light' });
const page = await context.newPage();
await page.goto(url);
await page.getByRole('heading').first().waitFor();
await shoot(page, 'light');
await page.getByRole('button', { name: 'Add an Identity Center instance' }).first().click();
await page.getByLabel('AWS access portal URL').fill(emulator.startUrl);
await page.getByLabel('Session name').fill('acme');
await shoot(page, 'add-instance');
await page.getByRole('button', { name: 'Add instance' }).click();
// The device code, which the script approves on the verification page; the window's default is PKCE in the browser.
await page.getByRole('radio', { name: 'With a device code', exact: true }).click();
await page.getByRole('radio', { name: 'With a device code', exact: true, checked: true }).waitFor();
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.locator('.user-code').waitFor();
await shoot(page, 'sign-in');
const verification = await context.newPage();
await verification.goto(opened.at(-1) ?? '');
await shoot(verification, 'verification');
await verification.getByRole('button', { name: 'Approve' }).click();
await page.getByRole('heading', { name: 'Signed in' }).waitFor();
await shoot(page, 'signed-in');
await page.getByRole('button', { name: /^More for .+:/ }).nth(1).click();
await page.locator('.role-menu').waitFor();
await shoot(page, 'role-menu');
await page.getByRole('button', { name: 'Use in terminal', exact: true }).click();
await page.getByRole('group', { name: 'AWS CLI default profile' }).getByText('Terminal default').waitFor();
await page.getByRole('button', { name: 'Profiles & settings…' }).click();
await page.getByRole('button', { name: 'Preview changes' }).click();
await page.getByRole('region', { name: 'Preview of the generated profiles' }).waitFor();
await shoot(page, 'profiles');
await page.getByRole('button', { name: 'Close' }).click();
await page.emulateMedia({ colorScheme: 'dark' });
await shoot(page, 'dark');
await browser.close();
host.kill('SIGTERM');
await emulator.close();

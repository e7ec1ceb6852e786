/**
 * Which browser an instance's pages open in, chosen in the window: the browsers this machine has (here
 * stand-in programs on PATH, and a Chromium profile list under HOME), kept with the instance, and used for
 * the sign-in page. The preview records the page and the browser it would open it in.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type AppUnderTest } from './fixtures';
import { addInstance } from './support/app-flows';

const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';
const bin = mkdtempSync(path.join(os.tmpdir(), 'rolecall-e2e-browsers-'));
for (const name of ['chromium', 'firefox', 'my-browser']) {
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, name), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, name), 0o755);
}

/** The pages the app asked to open, with the browser it named (none: the system default). */
const opened = (app: AppUnderTest): { url: string; browser: string | undefined }[] =>
  (app.effects ?? []).flatMap((e) => (e.kind === 'open' ? [{ url: e.url, browser: e.browser }] : []));

test.describe('the browser an instance opens pages in', () => {
  test.use({
    emulatorOptions: { accounts: 2, autoApprove: true },
    hostEnv: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, ROLECALL_PREVIEW_PICKED_PROGRAM: path.join(bin, 'my-browser') },
  });

  test('lists the browsers found with their profiles, opens the sign-in page in the chosen one, and keeps the choice', async ({ app, emulator, sandboxDirs }) => {
    test.skip(app.effects === null, 'the Electron app starts the real browser; only the preview records it');
    await mkdir(path.join(sandboxDirs.home, '.config', 'chromium'), { recursive: true });
    await writeFile(
      path.join(sandboxDirs.home, '.config', 'chromium', 'Local State'),
      JSON.stringify({ profile: { info_cache: { Default: { name: 'Personal' }, 'Profile 1': { name: 'Work' } } } }),
    );
    await addInstance(app.page, emulator.startUrl);
    const picker = app.page.getByLabel('Opens in');
    await expect(picker).toHaveValue('system');
    await expect(picker.locator('option')).toHaveText(['System default browser', 'Chromium', 'Chromium — Personal', 'Chromium — Work', 'Firefox', 'Another program…']);

    await picker.selectOption({ label: 'Chromium — Work' });
    await expect(picker).toHaveValue('installed:chromium:Profile 1');
    if (saveScreenshots) await app.page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-browser-choice.png') });

    await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => opened(app).at(-1)?.browser).toBe('Chromium (Work)');
    expect(opened(app).at(-1)?.url).toContain(`${emulator.url}/authorize?`);

    await app.restart();
    await expect(app.page.getByLabel('Opens in')).toHaveValue('installed:chromium:Profile 1');
  });

  test('takes another program from main’s own file dialog, and back to the system default', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app shows a real file dialog');
    await addInstance(app.page, emulator.startUrl);
    const picker = app.page.getByLabel('Opens in');
    await picker.selectOption({ label: 'Another program…' });
    await expect(picker).toHaveValue('program');
    await expect(picker.locator('option:checked')).toHaveText('my-browser');
    await expect(app.page.getByText('Pages of this instance now open in my-browser.')).toBeVisible();

    await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => opened(app).at(-1)?.browser).toBe(path.join(bin, 'my-browser'));

    await picker.selectOption({ label: 'System default browser' });
    await expect(picker).toHaveValue('system');
  });
});

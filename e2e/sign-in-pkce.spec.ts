/**
 * The window's sign-in in the browser (OAuth with PKCE, the default): Sign in opens the emulator's consent
 * page, and the browser coming back to Rolecall on 127.0.0.1 finishes it. The preview records the page it
 * would open; the test plays the person's browser on it. Set ROLECALL_SCREENSHOTS=1 to save the docs
 * screenshots of the waiting card and the consent page.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import type { RunningEmulator } from '../tools/emulator/index';
import { addInstance, chooseSignInMethod } from './support/app-flows';

const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';
const docsPath = (name: string): string => path.join(import.meta.dirname, '..', 'docs', name);

/** The sign-in card's message (the notices are a status region too). */
const statusMessage = (page: Page) => page.getByRole('region', { name: 'Signed out' }).getByRole('status');

/** The pages the app asked to open, in order. */
const opened = (app: AppUnderTest): string[] => (app.effects ?? []).flatMap((e) => (e.kind === 'open' ? [e.url] : []));

/** Waits for the app to open the emulator's authorization page, and opens it in a new tab as the browser would. */
async function openConsentPage(app: AppUnderTest, emulator: RunningEmulator): Promise<Page> {
  await expect.poll(() => opened(app).at(-1) ?? '').toContain(`${emulator.url}/authorize?`);
  const consent = await app.page.context().newPage();
  await consent.goto(opened(app).at(-1) ?? '');
  await expect(consent.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
  return consent;
}

/** Adds an instance and clicks Sign in with the default method; resolves when the window waits for the browser. */
async function startBrowserSignIn(app: AppUnderTest, emulator: RunningEmulator, screenshot?: string): Promise<void> {
  test.skip(app.effects === null, 'the Electron app opens the sign-in page in the real browser; only the preview records it');
  await addInstance(app.page, emulator.startUrl);
  await expect(app.page.getByRole('radio', { name: 'In the browser', exact: true })).toBeChecked();
  if (screenshot !== undefined) await app.page.screenshot({ path: docsPath(screenshot) });
  await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(app.page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible();
}

test.describe('signing in in the browser (PKCE)', () => {
  test.use({ emulatorOptions: { accounts: 3, rolesPerAccount: 2 } });

  test('is the default: the consent page opens, Allow signs in and the accounts are listed', async ({ app, emulator }) => {
    await startBrowserSignIn(app, emulator, saveScreenshots ? 'screenshot-sign-in-method.png' : undefined);
    await expect(app.page.getByText(/^Rolecall waits \d+:\d\d more$/)).toBeVisible();
    const consent = await openConsentPage(app, emulator);
    if (saveScreenshots) {
      await app.page.screenshot({ path: docsPath('screenshot-sign-in-browser.png') });
      await consent.screenshot({ path: docsPath('screenshot-consent.png') });
    }
    // The sign-in page is a real address in the person's browser: what the app opened names Rolecall's listener.
    const authorize = new URL(opened(app).at(-1) ?? '');
    expect(new URL(authorize.searchParams.get('redirect_uri') ?? '').hostname).toBe('127.0.0.1');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');

    await app.page.getByRole('button', { name: 'Open the page again' }).click();
    await expect.poll(() => opened(app).length).toBe(2);
    expect(opened(app)[1]).toBe(opened(app)[0]);

    await consent.getByRole('button', { name: 'Allow' }).click();
    await expect(consent.getByText('Rolecall has your sign-in. You can close this tab.')).toBeVisible();
    await expect(app.page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    const [account] = emulator.accounts();
    await expect(app.page.getByRole('list', { name: 'Accounts' }).getByText(account?.accountName ?? '-', { exact: true })).toBeVisible();
    await expect(app.page.getByRole('button', { name: /, signed in$/ })).toBeVisible();
  });

  test('says so, with the next step, when the person denies on the consent page', async ({ app, emulator }) => {
    await startBrowserSignIn(app, emulator);
    const consent = await openConsentPage(app, emulator);
    await consent.getByRole('button', { name: 'Deny' }).click();
    await expect(consent.getByText('The sign-in was not allowed. Go back to Rolecall to try again.')).toBeVisible();
    await expect(statusMessage(app.page)).toHaveText('The sign-in was denied in the browser. Sign in again if that was a mistake.');
    await expect(app.page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test('Cancel while waiting goes back to signed out and closes the listener on 127.0.0.1', async ({ app, emulator }) => {
    await startBrowserSignIn(app, emulator);
    await expect.poll(() => opened(app).length).toBe(1);
    const redirectUri = new URL(opened(app)[0] ?? '').searchParams.get('redirect_uri') ?? '';
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    await expect(statusMessage(app.page)).toHaveText('Sign-in cancelled.');
    await expect(fetch(`${redirectUri}?code=x&state=y`)).rejects.toThrow();
  });

  test('a device code instead: Sign in shows the code, and the choice is kept across a restart', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app opens the verification page in the real browser; only the preview records it');
    await addInstance(app.page, emulator.startUrl);
    await chooseSignInMethod(app.page, 'With a device code');
    await expect(app.page.getByRole('radio', { name: 'In the browser', exact: true })).not.toBeChecked();
    await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const code = (await app.page.locator('.user-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect.poll(() => opened(app).at(-1) ?? '').toContain(`${emulator.url}/device?user_code=${code}`);
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.page.getByRole('heading', { name: 'Signed out' })).toBeVisible();

    await app.page.close();
    const page = await app.restart();
    await expect(page.getByRole('radio', { name: 'With a device code', exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    emulator.approve((await page.locator('.user-code').textContent()) ?? '');
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  });

  test('the tray’s Sign in uses the instance’s method too', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app shows a native tray menu; only the preview shows it as a panel');
    await addInstance(app.page, emulator.startUrl);
    await app.page.goto(`${app.origin}/?view=tray`);
    const tray = app.page.getByRole('navigation', { name: 'Tray menu' });
    await tray.getByRole('button', { name: /^Sign in to .+…$/ }).click();
    await expect(tray.getByText(/— waiting for approval in the browser$/)).toBeVisible();
    await expect.poll(() => opened(app).at(-1) ?? '').toContain(`${emulator.url}/authorize?`);
  });
});

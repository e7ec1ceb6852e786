import path from 'node:path';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

/** Set ROLECALL_SCREENSHOTS=1 to save the docs screenshot while the spec runs. */
const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';

test.describe('the expiry notice', () => {
  // The token and the client registration that could refresh it both end 15 minutes and 5 seconds after sign-in.
  test.use({ emulatorOptions: { accounts: 3, accessTokenTtl: 15 * 60 + 5, registrationTtl: 15 * 60 + 5 } });

  test('warns 15 minutes before the sign-in ends for good, on the desktop and in the window, and signs in again in one click', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app shows an OS notification; only the preview records it');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const notice = app.page.locator('.notice', { hasText: 'ends in 15 min and cannot be extended' });
    await expect(notice).toHaveText(/^Your sign-in to [\w-]+ ends in 15 min and cannot be extended\. Sign in again to keep working\.Sign in again×$/);
    const notifications = app.effects?.filter((e) => e.kind === 'notification') ?? [];
    expect(notifications.map((n) => (n.kind === 'notification' ? [n.title, n.clickable] : []))).toEqual([
      ['Signed in', false],
      ['Sign-in ends soon', true],
    ]);
    const bodies = notifications.map((n) => (n.kind === 'notification' ? n.body : ''));
    expect(bodies[0]).toMatch(/^Signed in to [\w-]+\. Its accounts are on their way\.$/);
    expect(bodies[1]).toMatch(/^Your sign-in to [\w-]+ ends in 15 min and cannot be extended\. Sign in again to keep working\.$/);
    // Names and times only: no token, code or credential.
    expect(JSON.stringify(notifications)).not.toMatch(/ASIA|aoa|eyJ|secret/i);
    // A notice with a button stays until it is used (the others leave after six seconds).
    await app.page.waitForTimeout(6500);
    await expect(notice).toBeVisible();
    if (saveScreenshots) await app.page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-expiry-notice.png') });

    await notice.getByRole('button', { name: 'Sign in again' }).click();
    await expect(notice).toHaveCount(0);
    await expect(app.page.getByRole('heading', { name: 'Confirm this code in your browser' })).toBeVisible();
  });
});

test.describe('the notification settings', () => {
  test.use({ emulatorOptions: { accounts: 3, accessTokenTtl: 30 * 60 + 5, registrationTtl: 30 * 60 + 5 } });

  test('a longer lead time brings the warning forward; do-not-disturb keeps it off the desktop; both are kept', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'only the preview records notifications');
    const page = app.page;
    await addInstanceAndSignIn(page, emulator.startUrl, (code) => emulator.approve(code));
    await expect(page.getByText(/^Valid until .+; it cannot be renewed, so sign in again then\./)).toBeVisible();
    const warning = page.locator('.notice', { hasText: 'cannot be extended' });
    await expect(warning).toHaveCount(0);

    await page.getByRole('button', { name: 'Profiles & settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'AWS CLI profiles and settings' });
    // The box shows main's setting, so it turns checked when the new snapshot arrives.
    await dialog.getByRole('checkbox', { name: /^Do not disturb/ }).click();
    await expect(dialog.getByRole('checkbox', { name: /^Do not disturb/ })).toBeChecked();
    await dialog.getByLabel('Warn before a sign-in ends').selectOption('30');
    await expect(warning).toHaveText(/ends in 30 min and cannot be extended/);
    expect(app.effects?.filter((e) => e.kind === 'notification' && e.title === 'Sign-in ends soon')).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Profiles & settings…' }).click();
    await expect(dialog.getByRole('checkbox', { name: /^Do not disturb/ })).toBeChecked();
    await expect(dialog.getByLabel('Warn before a sign-in ends')).toHaveValue('30');
    await expect(dialog.getByLabel('Quick switcher shortcut on')).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'Quick switcher' })).toHaveValue('Control+Alt+Space');
    if (saveScreenshots) await page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-desktop-settings.png') });
  });
});

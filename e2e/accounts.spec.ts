import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

test.describe('accounts and permission sets', () => {
  test.use({ emulatorOptions: { accounts: 300, rolesPerAccount: 3, rateLimit: 100 } });

  test('lists 300 accounts, searches, favourites one, and shows both at once after a restart', async ({ app, emulator }) => {
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const { page } = app;
    await expect(page.getByText(/^300 accounts/)).toBeVisible({ timeout: 20_000 });

    const target = emulator.accounts()[137];
    if (target === undefined) throw new Error('the emulator has too few accounts');
    const name = target.accountName ?? '';
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search accounts and roles')).toBeFocused();
    await page.keyboard.type(`${target.accountId.slice(-6)} ${(target.roles[0] ?? '').slice(0, 5).toLowerCase()}`);
    const row = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: target.accountId });
    await expect(row).toHaveCount(1);
    await expect(row.locator('mark').first()).toBeVisible();
    await row.getByRole('button', { name: `Favourite ${name}` }).click();
    await expect(row.getByRole('button', { name: `Favourite ${name}` })).toHaveAttribute('aria-pressed', 'true');

    await page.getByLabel('Search accounts and roles').fill('no-such-account-anywhere');
    await expect(page.getByText('No account or role matches', { exact: false })).toBeVisible();

    await page.close();
    const restarted = await app.restart();
    // The cached list and the favourite are there at once (how fast is measured by `npm run bench`; the
    // timeout here only leaves room for a loaded CI machine).
    await expect(restarted.getByText('Favourites', { exact: false }).first()).toBeVisible({ timeout: 15_000 });
    const first = restarted.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first();
    await expect(first).toContainText(target.accountId);
    await expect(first.getByRole('button', { name: `Favourite ${name}` })).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('the count under the search box', () => {
  test.use({ emulatorOptions: { accounts: 15, rolesPerAccount: 3 } });

  test('follows the search ("2 of 15 accounts", 0 with no match), as the live line the search box names', async ({ app, emulator }) => {
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const { page } = app;
    const count = page.locator('.account-summary');
    await expect(count).toHaveText(/^15 accounts · listed/, { timeout: 20_000 });
    await expect(count).toHaveAttribute('aria-live', 'polite');
    const search = page.getByLabel('Search accounts and roles');
    await expect(search).toHaveAccessibleDescription(/^15 accounts · listed/);

    await search.pressSequentially('prod admin');
    await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
    await expect(count).toHaveText(/^2 of 15 accounts · listed/);
    await expect(search).toHaveAccessibleDescription(/^2 of 15 accounts/);

    await search.fill('no-such-account-anywhere');
    await expect(page.getByText('No account or role matches', { exact: false })).toBeVisible();
    await expect(count).toHaveText(/^0 of 15 accounts · listed/);

    await search.press('Escape');
    await expect(count).toHaveText(/^15 accounts · listed/);
  });
});

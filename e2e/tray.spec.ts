import path from 'node:path';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

/** Set ROLECALL_SCREENSHOTS=1 to save the docs screenshot while the spec runs. */
const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';

test.describe('tray menu (as the preview panel)', () => {
  test.use({ emulatorOptions: { accounts: 4, rolesPerAccount: 2 } });

  test('shows the instance signed in with a favourite, whose actions open the console and copy credentials', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app shows a native tray menu; only the preview shows it as a panel and records effects');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const [account] = emulator.accounts();
    const name = account?.accountName ?? '';
    const role = account?.roles[0] ?? '';
    await app.page.getByRole('button', { name: `Favourite ${name}` }).click();
    await expect(app.page.getByRole('button', { name: `Favourite ${name}` })).toHaveAttribute('aria-pressed', 'true');

    const page = app.page;
    await page.goto(`${app.origin}/?view=tray`);
    const tray = page.getByRole('navigation', { name: 'Tray menu' });
    await expect(tray.getByText('Rolecall: signed in')).toBeVisible();
    await expect(tray.getByText(/— signed in, (\d+h )?\d+m left$/)).toBeVisible();
    await expect(tray.getByText('Favourites')).toBeVisible();
    const item = tray.getByRole('group', { name: `${name} · ${role}` });

    const opens = app.effects?.filter((e) => e.kind === 'open').length ?? 0;
    await item.getByRole('button', { name: 'Open console' }).click();
    await expect.poll(() => app.effects?.filter((e) => e.kind === 'open').length).toBe(opens + 1);
    const opened = app.effects?.findLast((e) => e.kind === 'open');
    const url = opened?.kind === 'open' ? opened.url : '';
    expect(url).toContain('/federation?Action=login&');
    const consolePage = await page.context().newPage();
    await consolePage.goto(url);
    await expect(consolePage.getByText(`Signed in to ${name} (${account?.accountId ?? ''}) as ${role}`)).toBeVisible();
    await consolePage.close();

    await item.getByRole('button', { name: 'Copy credentials' }).click();
    await expect(page.getByText(new RegExp(`^Copied bash/zsh credentials for ${name} as ${role}, valid until`))).toBeVisible();
    const copied = app.effects?.findLast((e) => e.kind === 'clipboard');
    expect(copied?.kind === 'clipboard' ? copied.text : '').toMatch(/^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=/);
    if (saveScreenshots) await page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-tray.png') });

    await tray.getByRole('button', { name: 'Open Rolecall' }).click();
    await expect(page.getByRole('navigation', { name: 'Tray menu' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Favourite ${name}` })).toBeVisible();
  });

  test('says an instance needs sign-in and signs it in from the panel', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app shows a native tray menu; only the preview shows it as a panel');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.goto(`${app.origin}/?view=tray`);
    const tray = app.page.getByRole('navigation', { name: 'Tray menu' });
    await expect(tray.getByText('Rolecall: 1 of 1 need sign-in')).toBeVisible();
    await tray.getByRole('button', { name: /^Sign in to .+…$/ }).click();
    await expect(tray.getByText(/— waiting for approval in the browser$/)).toBeVisible();
  });
});

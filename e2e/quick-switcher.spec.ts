import path from 'node:path';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';

test.describe('quick switcher', () => {
  test.use({ emulatorOptions: { fixture: 'tools/emulator/fixtures/sample-org.json' } });

  test('finds "prod admin" and opens it from the keyboard; Ctrl+Enter copies, Shift+Enter uses it in the terminal, Esc closes', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app opens the real browser and clipboard; only the preview records them');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const prod = emulator.accounts().find((a) => a.accountName === 'payments-prod');
    expect(prod?.roles).toContain('AdministratorAccess');
    const page = app.page;
    await page.goto(`${app.origin}/?view=switcher`);
    const palette = page.getByRole('dialog', { name: 'Quick switcher' });
    const input = palette.getByRole('combobox', { name: 'Find a role' });
    await expect(input).toBeFocused();
    await page.keyboard.type('prod admin');
    const options = palette.getByRole('option');
    await expect(options).toHaveText([/^networking-prodNetworkAdministrator/, /^payments-prodAdministratorAccess/]);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    if (saveScreenshots) await page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-quick-switcher.png') });

    const opens = app.effects?.filter((e) => e.kind === 'open').length ?? 0;
    await page.keyboard.press('Enter');
    await expect.poll(() => app.effects?.filter((e) => e.kind === 'open').length).toBe(opens + 1);
    const opened = app.effects?.findLast((e) => e.kind === 'open');
    const consolePage = await page.context().newPage();
    await consolePage.goto(opened?.kind === 'open' ? opened.url : '');
    await expect(consolePage.getByText(`Signed in to payments-prod (${prod?.accountId ?? ''}) as AdministratorAccess`)).toBeVisible();
    await consolePage.close();
    // Enter closed the palette: the window is back.
    await expect(palette).toHaveCount(0);

    await page.goto(`${app.origin}/?view=switcher`);
    await page.keyboard.type('payments prod admin');
    await expect(palette.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => app.effects?.findLast((e) => e.kind === 'clipboard')).toMatchObject({ kind: 'clipboard' });
    const copied = app.effects?.findLast((e) => e.kind === 'clipboard');
    expect(copied?.kind === 'clipboard' ? copied.text : '').toMatch(/^export AWS_ACCESS_KEY_ID=ASIA\w+\n/);
    // The copy closes the palette (back to the window); the next visit waits for that navigation to end.
    await expect(palette).toHaveCount(0);

    await page.goto(`${app.origin}/?view=switcher`);
    await page.keyboard.type('payments prod admin');
    await expect(palette.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Shift+Enter');
    await expect(palette).toHaveCount(0);
    await expect(page.getByText(/payments-prod/).first()).toBeVisible();

    await page.goto(`${app.origin}/?view=switcher`);
    await expect(palette).toBeVisible();
    await expect(palette.getByRole('option')).toHaveCount(34);
    await page.keyboard.press('Escape');
    await expect(palette).toHaveCount(0);
  });
});

import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

test.describe('one-click actions', () => {
  test.use({ emulatorOptions: { accounts: 4, rolesPerAccount: 2 } });

  test('a role opens the console, signed in to that account and role', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app opens the real browser; only the preview records the URL');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const [account] = emulator.accounts();
    const role = account?.roles[0] ?? '';
    const name = account?.accountName ?? '';
    await app.page.getByRole('button', { name: `Open the AWS console for ${name} as ${role}` }).click();
    await expect(app.page.getByText(`Opened the AWS console for ${name} as ${role}: console home in us-east-1.`)).toBeVisible();
    const opened = app.effects?.findLast((e) => e.kind === 'open');
    const url = opened?.kind === 'open' ? opened.url : '';
    expect(url).toContain('/federation?Action=login&');
    const consolePage = await app.page.context().newPage();
    await consolePage.goto(url);
    await expect(consolePage.getByText(`Signed in to ${name} (${account?.accountId ?? ''}) as ${role}`)).toBeVisible();
    await consolePage.close();

    // Keyboard-first: search, Enter to the row, Enter again opens the console for the role last used there.
    const opens = app.effects?.filter((e) => e.kind === 'open').length ?? 0;
    await app.page.keyboard.press('/');
    await app.page.keyboard.type(account?.accountId ?? '');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.effects?.filter((e) => e.kind === 'open').length).toBe(opens + 1);
  });

  test('copies export lines for a shell, and says until when they are valid', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app writes the real clipboard; only the preview records it');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const [account] = emulator.accounts();
    const role = account?.roles[0] ?? '';
    const name = account?.accountName ?? '';
    await app.page.getByRole('button', { name: `Copy credentials for ${name} as ${role} for a shell` }).click();
    await expect(app.page.getByText(new RegExp(`^Copied bash/zsh credentials for ${name} as ${role}, valid until`))).toBeVisible();
    const copied = app.effects?.findLast((e) => e.kind === 'clipboard');
    expect(copied?.kind === 'clipboard' ? copied.text : '').toMatch(/^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=/);

    await app.page.getByLabel('Copy as').selectOption('powershell');
    await app.page.getByRole('button', { name: `Copy credentials for ${name} as ${role} for a shell` }).click();
    await expect(app.page.getByText(new RegExp(`^Copied PowerShell credentials for ${name}`))).toBeVisible();
    const again = app.effects?.findLast((e) => e.kind === 'clipboard');
    expect(again?.kind === 'clipboard' ? again.text : '').toMatch(/^\$Env:AWS_ACCESS_KEY_ID="ASIA\w+"\n/);
  });
});

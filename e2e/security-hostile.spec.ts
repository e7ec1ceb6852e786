/**
 * Hostile input from the network is shown as text and runs nothing (checklist 24 and the issue's
 * "hostile input" item): account names, emails and role names with newlines, INI brackets, `=`, `;`, `#`,
 * quotes, `<script>` and event-handler HTML, right-to-left overrides, control characters, 1,000-character
 * and empty strings, served verbatim by the emulator's `hostile.json` fixture.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

const hostileFixture = path.join(import.meta.dirname, '..', 'tools', 'emulator', 'fixtures', 'hostile.json');

test.describe('hostile account and role names', () => {
  test.use({ emulatorOptions: { fixture: hostileFixture } });

  test('are shown as text, run no markup and crash nothing', async ({ app, emulator }) => {
    test.setTimeout(60_000);
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const accounts = emulator.accounts();
    await addInstanceAndSignIn(page, emulator.startUrl, (code) => emulator.approve(code));
    await expect(page.getByText(new RegExp(`^${accounts.length} accounts · listed`))).toBeVisible({ timeout: 15_000 });

    const search = page.getByLabel('Search accounts and roles');
    const list = page.getByRole('list', { name: 'Accounts' });
    for (const account of accounts) {
      await search.fill(account.accountId);
      const row = list.getByRole('listitem').filter({ hasText: account.accountId });
      await expect(row, `the row of ${account.accountId}`).toHaveCount(1);
      // Each name arrives in the DOM as the exact string AWS sent: text, not markup.
      const text = await row.evaluate((el) => el.textContent ?? '');
      for (const shown of [account.accountName, account.emailAddress, ...account.roles]) {
        if (shown !== undefined) expect(text.includes(shown), `${account.accountId} shows ${JSON.stringify(shown.slice(0, 60))} as text`).toBe(true);
      }
    }

    const injected = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      inlineScripts: [...document.scripts].filter((s) => s.src === '').length,
      strayElements: document.querySelectorAll('#root img[src="x"], #root b, #root textarea, #root svg[onload]').length,
    }));
    expect(injected).toEqual({ handlers: 0, inlineScripts: 0, strayElements: 0 });
    expect(dialogs).toEqual([]);
    await expect(page.getByText('Something went wrong inside Rolecall', { exact: false })).toHaveCount(0);

    // In the account whose name tries to inject an INI section, a role works like any other; a role name
    // AWS cannot have (here a newline and a section header) is refused by the contract before any AWS call.
    await search.fill('000000000001');
    const clipboardWrites = (): number => app.effects?.filter((e) => e.kind === 'clipboard').length ?? 0;
    const before = clipboardWrites();
    await list.getByRole('button', { name: /^Copy credentials for prod.* as ReadOnlyAccess for a shell$/s }).click();
    await expect.poll(clipboardWrites).toBe(before + 1);
    const credentialCalls = (): number => emulator.stats()['GetRoleCredentials']?.requests ?? 0;
    const calls = credentialCalls();
    await list.getByRole('button', { name: /^Copy credentials for prod.* as AdministratorAccess\s+\[default\]/s }).click();
    await expect(page.getByText('Something went wrong inside Rolecall', { exact: false })).toHaveCount(0);
    expect(credentialCalls()).toBe(calls);
    expect(clipboardWrites()).toBe(before + 1);
    expect(dialogs).toEqual([]);
  });
});

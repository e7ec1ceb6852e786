/**
 * A long cached list at start-up (issue 17): the window paints its first screen from the first slice main
 * sends as it connects, then asks for the whole list itself, and every account is there to search.
 */
import { compareNamedAccounts } from '../src/shared/name-order';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

test.use({ emulatorOptions: { accounts: 1200, rolesPerAccount: 2, rateLimit: 200 } });

interface Frame {
  readonly at: number;
  readonly kind: string;
}

test('a long list paints from its first slice, then the window asks for the whole list and every account is searchable', async ({ app, emulator }) => {
  await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
  await expect(app.page.getByText(/^1,200 accounts/)).toBeVisible({ timeout: 30_000 });
  // Signed out, the restarted window shows the cached list with no discovery pushing fresh ones.
  await app.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(app.page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await app.page.close();

  const page = await app.restart();
  // What crossed the WebSocket, in order: the pushed lists (slice or whole) and the window's own requests.
  const frames: Frame[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (text.includes('"event":"accounts"')) frames.push({ at: Date.now(), kind: text.includes('"partOf":1200') ? 'slice' : 'whole pushed' });
    });
    socket.on('framesent', ({ payload }) => {
      if (String(payload).includes('"name":"getEncodedAccounts"')) frames.push({ at: Date.now(), kind: 'asked for the whole list' });
    });
  });
  await page.reload();
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/^1,200 accounts/)).toBeVisible();
  await expect.poll(() => frames.map((f) => f.kind)).toEqual(['slice', 'asked for the whole list']);

  // The account that sorts last is not in the slice's first hundred: found once the whole list is here.
  const last = [...emulator.accounts()].sort((a, b) => compareNamedAccounts(a.accountName ?? '', a.accountId, b.accountName ?? '', b.accountId)).at(-1);
  if (last === undefined) throw new Error('the emulator has no accounts');
  await page.getByLabel('Search accounts and roles').fill(last.accountId);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(last.accountName ?? '');
  await page.getByLabel('Search accounts and roles').fill('');
  // The last row of the list, by keyboard, from the search box.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: last.accountId })).toHaveCount(1);
});

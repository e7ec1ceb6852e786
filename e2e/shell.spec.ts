import { expect, test } from './fixtures';

test.describe('the window shell', () => {
  test('shows the sidebar and a friendly empty state', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('navigation', { name: 'Identity Center instances' })).toBeVisible();
    await expect(page.getByText('No instances yet.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Every AWS account you can use, in one place' })).toBeVisible();
  });

  test('opens the Identity Center guide through main, and says so', async ({ app }) => {
    test.skip(app.effects === null, 'the Electron app opens the real browser; only the preview records it');
    await app.page.getByRole('button', { name: 'What is IAM Identity Center?' }).click();
    await expect(app.page.getByText('Opened the IAM Identity Center user guide in your browser.')).toBeVisible();
    expect(app.effects).toContainEqual({
      kind: 'open',
      url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html',
    });
  });

  test('copies the version details through main', async ({ app }) => {
    test.skip(app.effects === null, 'the Electron app writes the real clipboard; only the preview records it');
    await app.page.getByRole('button', { name: /Copy version details/ }).click();
    await expect(app.page.getByText('Copied the version details to the clipboard.')).toBeVisible();
    expect(app.effects?.find((e) => e.kind === 'clipboard')).toMatchObject({ text: expect.stringMatching(/^Rolecall \d+\.\d+\.\d+ \(/) });
  });

  test('every control has an accessible name', async ({ app }) => {
    const unnamed = await app.page.evaluate(() =>
      [...document.querySelectorAll('button, a, input, select, textarea')].filter(
        (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === '',
      ).length,
    );
    expect(unnamed).toBe(0);
  });
});

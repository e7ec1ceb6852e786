import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { addInstance, chooseSignInMethod } from './support/app-flows';

/** Starts the sign-in and opens, in a new tab, the verification page the app asked to open. */
async function startSignIn(app: AppUnderTest): Promise<{ code: string; verification: Page }> {
  test.skip(app.effects === null, 'the Electron app opens the verification page in the real browser; only the preview records it');
  const { page } = app;
  await chooseSignInMethod(page, 'With a device code');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const code = (await page.locator('.user-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const opened = app.effects?.findLast((e) => e.kind === 'open');
  expect(opened?.kind === 'open' && opened.url.includes(code)).toBe(true);
  const verification = await page.context().newPage();
  await verification.goto(opened?.kind === 'open' ? opened.url : '');
  await expect(verification.getByText(code)).toBeVisible();
  return { code, verification };
}

test.describe('signing in with a device code', () => {
  test('adds an instance, signs in with the device code approved on the verification page', async ({ app, emulator }) => {
    await addInstance(app.page, emulator.startUrl);
    const { verification } = await startSignIn(app);
    await expect(app.page.getByText('Expires in')).toBeVisible();
    await verification.getByRole('button', { name: 'Approve' }).click();
    await expect(app.page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(app.page.getByRole('button', { name: /, signed in$/ })).toBeVisible();
  });

  test('says so when the code is denied', async ({ app, emulator }) => {
    await addInstance(app.page, emulator.startUrl);
    const { verification } = await startSignIn(app);
    await verification.getByRole('button', { name: 'Deny' }).click();
    await expect(app.page.getByText('The sign-in was denied in the browser. Sign in again if that was a mistake.')).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test.describe('with a short-lived code', () => {
    test.use({ emulatorOptions: { deviceCodeTtl: 3 } });

    test('says so when the code expires', async ({ app, emulator }) => {
      await addInstance(app.page, emulator.startUrl);
      await chooseSignInMethod(app.page, 'With a device code');
      await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(app.page.locator('.user-code')).toBeVisible();
      await expect(app.page.getByText(/The sign-in code expired after \d+ minutes?\. Sign in again\./)).toBeVisible({ timeout: 10_000 });
    });
  });

  test('explains a bad start URL at the field and saves nothing', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add an Identity Center instance' }).first().click();
    await page.getByLabel('AWS access portal URL').fill('http://acme.awsapps.com/start');
    await page.getByRole('button', { name: 'Add instance' }).click();
    await expect(page.getByText('The start URL must begin with https://', { exact: false })).toBeVisible();
    await expect(page.getByLabel('AWS access portal URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('No instances yet.')).toBeVisible();
  });
});

/**
 * Steps several specs share: adding an instance through the form, choosing its sign-in method, and
 * signing in with the code approved on the emulator's side.
 */
import { expect, type Page } from '@playwright/test';

/** Adds an instance for `startUrl` through the form and waits for it to show signed out. */
export async function addInstance(page: Page, startUrl: string): Promise<void> {
  await page.getByRole('button', { name: 'Add an Identity Center instance' }).first().click();
  await page.getByLabel('AWS access portal URL').fill(startUrl);
  await page.getByRole('button', { name: 'Add instance' }).click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
}

/** Chooses how the signed-out instance shown signs in, and waits until the choice is kept. */
export async function chooseSignInMethod(page: Page, method: 'In the browser' | 'With a device code'): Promise<void> {
  const radio = page.getByRole('radio', { name: method, exact: true });
  // The radio shows what main kept: checked once the snapshot with the new method arrives.
  await radio.click();
  await expect(radio).toBeChecked();
}

/**
 * Adds an instance and signs in with the device code (which a test can approve without a browser),
 * approving the code the window shows with `approve`.
 */
export async function addInstanceAndSignIn(page: Page, startUrl: string, approve: (userCode: string) => void): Promise<void> {
  await addInstance(page, startUrl);
  await chooseSignInMethod(page, 'With a device code');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  approve((await page.locator('.user-code').textContent()) ?? '');
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
}

/**
 * The role menu from the UI: console destination and region (remembered), a side-by-side window, the
 * access-portal link, every format as a menu item, "Use in terminal" (with the [default] confirmation)
 * and "Generate profiles for all", checked in the files written and by the AWS SDK's fromIni.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import type { Page } from '@playwright/test';
import type { RunningEmulator } from '../tools/emulator/index';
import { expect, test, type AppUnderTest } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

test.use({ emulatorOptions: { accounts: 6, rolesPerAccount: 2 } });

async function signedIn(app: AppUnderTest, emulator: RunningEmulator) {
  await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
  const account = emulator.accounts()[1];
  if (account === undefined) throw new Error('no account');
  const role = account.roles[1] ?? '';
  await expect(app.page.getByRole('button', { name: `More for ${account.accountName} as ${role}`, exact: false })).toBeVisible();
  return { account, role };
}

function openMenu(page: Page, accountName: string | undefined, role: string | undefined) {
  return page.getByRole('button', { name: new RegExp(`^More for ${accountName ?? ''} as ${role ?? ''}:`) }).click();
}

async function resolveDefault(app: AppUnderTest, emulator: RunningEmulator, profile?: string) {
  const saved = { ...process.env };
  Object.assign(process.env, { HOME: app.home }, emulator.env);
  try {
    const configFilepath = path.join(app.home, '.aws', 'config');
    return await fromIni({ ...(profile !== undefined && { profile }), configFilepath, filepath: path.join(app.home, 'none'), ignoreCache: true })();
  } finally {
    process.env = saved;
  }
}

test('Use in terminal makes the role the AWS CLI default, shows it, and the SDK resolves it', async ({ app, emulator }) => {
  const { account, role } = await signedIn(app, emulator);
  await openMenu(app.page, account.accountName, role);
  await app.page.getByRole('dialog', { name: `${account.accountName} · ${role}` }).getByRole('button', { name: 'Use in terminal', exact: true }).click();
  const bar = app.page.getByRole('group', { name: 'AWS CLI default profile' });
  await expect(bar).toContainText(`Terminal default: ${account.accountName} as ${role}`);
  await expect(bar).toContainText(`export AWS_PROFILE=${role}-${account.accountId}`);
  const config = await readFile(path.join(app.home, '.aws', 'config'), 'utf8');
  expect(config).toContain(`[profile ${role}-${account.accountId}]`);
  expect(config).toContain('[default]');
  const credentials = await resolveDefault(app, emulator);
  expect(emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
  test.skip(app.effects === null, 'the clipboard is only recorded in the preview');
  await bar.getByRole('button', { name: `Copy export AWS_PROFILE=${role}-${account.accountId}` }).click();
  await expect.poll(() => app.effects?.findLast((e) => e.kind === 'clipboard')).toEqual({ kind: 'clipboard', text: `export AWS_PROFILE=${role}-${account.accountId}` });
});

test('asks before replacing a [default] it did not write, shows it, and keeps a backup', async ({ app, emulator }) => {
  const awsDir = path.join(app.home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const mine = '[default]\nregion = eu-north-1\noutput = yaml\naws_access_key_id = AKIAEXAMPLE\n';
  await writeFile(path.join(awsDir, 'config'), mine);
  const { account, role } = await signedIn(app, emulator);
  await openMenu(app.page, account.accountName, role);
  await app.page.getByRole('button', { name: 'Use in terminal', exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Replace your [default] profile?' });
  await expect(dialog.locator('pre')).toHaveText('[default]\nregion = eu-north-1\noutput = yaml\naws_access_key_id = AKIAEXAMPLE');
  await dialog.getByRole('button', { name: 'Replace [default], keep a backup' }).click();
  await expect(app.page.getByRole('group', { name: 'AWS CLI default profile' })).toContainText(`as ${role}`);
  const backups = (await readdir(awsDir)).filter((name) => name.startsWith('config.rolecall-backup-'));
  expect(backups).toHaveLength(1);
  expect(await readFile(path.join(awsDir, backups[0] ?? ''), 'utf8')).toContain(mine);
  const config = await readFile(path.join(awsDir, 'config'), 'utf8');
  expect(config).toContain('output = yaml');
  expect(config).not.toContain('AKIAEXAMPLE');
});

test('Generate profiles for all previews the change, then writes one profile per account and role', async ({ app, emulator }) => {
  await signedIn(app, emulator);
  await expect(app.page.getByText('6 accounts', { exact: false }).first()).toBeVisible();
  await app.page.getByRole('button', { name: 'Profiles & settings…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'AWS CLI profiles and settings' });
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog.getByRole('region', { name: 'Preview of the generated profiles' })).toContainText('12 profiles: 12 added, 0 removed');
  await dialog.getByRole('button', { name: 'Write 12 profiles' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Wrote 12 profiles.');
  const [first] = emulator.accounts();
  const name = `${first?.roles[0] ?? ''}-${first?.accountId ?? ''}`;
  expect(await readFile(path.join(app.home, '.aws', 'config'), 'utf8')).toContain(`[profile ${name}]`);
  const credentials = await resolveDefault(app, emulator, name);
  expect(emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
});

test('the console opens where and in the region chosen, remembered for the account; in a window or through the portal', async ({ app, emulator }) => {
  test.skip(app.effects === null, 'the Electron app opens the real browser; only the preview records the URL');
  const { account, role } = await signedIn(app, emulator);
  await openMenu(app.page, account.accountName, role);
  const menu = app.page.getByRole('dialog', { name: `${account.accountName} · ${role}` });
  await menu.getByLabel('Open', { exact: true }).selectOption('service:s3');
  await menu.getByLabel('in', { exact: true }).selectOption('eu-west-1');
  const opensBefore = app.effects?.filter((e) => e.kind === 'open').length ?? 0;
  await menu.getByRole('button', { name: 'Open in browser' }).click();
  await expect.poll(() => app.effects?.filter((e) => e.kind === 'open').length).toBe(opensBefore + 1);
  const opened = app.effects?.findLast((e) => e.kind === 'open');
  const url = opened?.kind === 'open' ? opened.url : '';
  expect(new URL(url).searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
  const consolePage = await app.page.context().newPage();
  await consolePage.goto(url);
  await expect(consolePage.getByText(`Signed in to ${account.accountName} (${account.accountId}) as ${role}`)).toBeVisible();
  await expect(consolePage.getByText('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1')).toBeVisible();
  await consolePage.close();

  // Remembered: the menu opens on S3 in eu-west-1 next time.
  await openMenu(app.page, account.accountName, role);
  await expect(menu.getByLabel('Open', { exact: true })).toHaveValue('service:s3');
  await expect(menu.getByLabel('in', { exact: true })).toHaveValue('eu-west-1');
  await menu.getByRole('button', { name: 'Open in Rolecall window' }).click();
  await expect.poll(() => app.effects?.findLast((e) => e.kind === 'console-window')).toMatchObject({
    kind: 'console-window',
    title: `${account.accountName} · ${role} (${account.accountId})`,
    partition: expect.stringMatching(/^persist:console-[0-9a-f]{24}$/) as unknown as string,
  });

  await openMenu(app.page, account.accountName, role);
  await menu.getByRole('button', { name: 'Via access portal' }).click();
  await expect.poll(() => {
    const last = app.effects?.findLast((e) => e.kind === 'open');
    return last?.kind === 'open' ? last.url : '';
  }).toContain(`${emulator.startUrl}/#/console?account_id=${account.accountId}&role_name=${role}&destination=`);
});

test('every credential format is a menu item; choosing one copies in it and remembers it', async ({ app, emulator }) => {
  test.skip(app.effects === null, 'the clipboard is only recorded in the preview');
  const { account, role } = await signedIn(app, emulator);
  await openMenu(app.page, account.accountName, role);
  await app.page.getByRole('button', { name: 'fish' }).click();
  await expect.poll(() => {
    const last = app.effects?.findLast((e) => e.kind === 'clipboard');
    return last?.kind === 'clipboard' ? last.text : '';
  }).toMatch(/^set -gx AWS_ACCESS_KEY_ID "ASIA/);
  await expect(app.page.getByLabel('Copy as')).toHaveValue('fish');
});

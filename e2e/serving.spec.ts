/**
 * Serving a role to tools that do not speak SSO, from the role menu: a container credentials endpoint
 * read by the AWS SDK's own container provider, and a section Rolecall keeps in ~/.aws/credentials read
 * by fromIni, both listed in the window until stopped, and gone at sign-out.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import type { Page } from '@playwright/test';
import type { RunningEmulator } from '../tools/emulator/index';
import { expect, test, type AppUnderTest } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

/** Set ROLECALL_SCREENSHOTS=1 to save the docs screenshot while the spec runs. */
const saveScreenshots = process.env['ROLECALL_SCREENSHOTS'] === '1';

test.use({ emulatorOptions: { accounts: 4, rolesPerAccount: 2 } });

async function signedIn(app: AppUnderTest, emulator: RunningEmulator) {
  await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
  const account = emulator.accounts()[1];
  if (account === undefined) throw new Error('no account');
  const role = account.roles[0] ?? '';
  await expect(app.page.getByRole('button', { name: `More for ${account.accountName} as ${role}`, exact: false })).toBeVisible();
  return { account, role };
}

async function choose(page: Page, accountName: string | undefined, role: string, action: string) {
  await page.getByRole('button', { name: new RegExp(`^More for ${accountName ?? ''} as ${role}:`) }).click();
  await page.getByRole('dialog', { name: `${accountName ?? ''} · ${role}` }).getByRole('group', { name: 'Other tools' }).getByRole('button', { name: action }).click();
}

/** Runs the SDK provider with only these variables for the container provider. */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    process.env = saved;
  }
}

test('Serve to containers: the SDK reads the endpoint with the copied lines, the window lists it, Stop ends it', async ({ app, emulator }) => {
  test.skip(app.effects === null, 'the copied lines are read from the clipboard only the preview records');
  const { account, role } = await signedIn(app, emulator);
  await choose(app.page, account.accountName, role, 'Serve to containers');
  const served = app.page.getByRole('group', { name: 'Served to other tools' });
  const entry = served.getByRole('listitem', { name: `${account.accountName} as ${role}, container endpoint` });
  await expect(entry).toContainText(/containers at http:\/\/127\.0\.0\.1:\d+\//);
  await expect(entry).toContainText(/until \d\d:\d\d( [AP]M)?, renewed while Rolecall runs/);
  await expect(app.page.getByRole('status')).toContainText('docker run --network host');

  const lastCopied = (): string => {
    const copied = app.effects?.findLast((e) => e.kind === 'clipboard');
    return copied?.kind === 'clipboard' ? copied.text : '';
  };
  await expect.poll(lastCopied).toMatch(/TOKEN=/);
  const clipboard = lastCopied();
  const url = /^export AWS_CONTAINER_CREDENTIALS_FULL_URI=(\S+)$/m.exec(clipboard)?.[1] ?? '';
  const token = /^export AWS_CONTAINER_AUTHORIZATION_TOKEN=(\S+)$/m.exec(clipboard)?.[1] ?? '';
  await expect(entry).toContainText(url);
  const credentials = await withEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: url, AWS_CONTAINER_AUTHORIZATION_TOKEN: token }, () => fromContainerMetadata()());
  expect(emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { authorization: `${token}x` } })).status).toBe(403);
  // The window never holds the token or the credentials.
  expect(await app.page.content()).not.toContain(token);
  expect(await app.page.content()).not.toContain(credentials.secretAccessKey);

  await entry.getByRole('button', { name: `Copy the export lines for ${account.accountName} as ${role}` }).click();
  await expect.poll(() => app.effects?.filter((e) => e.kind === 'clipboard' && e.text === clipboard).length).toBe(2);
  if (saveScreenshots) {
    await choose(app.page, account.accountName, account.roles[1] ?? '', 'Keep in ~/.aws/credentials');
    await expect(served.getByRole('listitem')).toHaveCount(2);
    await app.page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot-serving.png') });
  }
  await entry.getByRole('button', { name: `Stop serving ${account.accountName} as ${role}` }).click();
  await expect(entry).toHaveCount(0);
  await expect(fetch(url, { headers: { authorization: token } })).rejects.toThrow();
});

test('Keep in ~/.aws/credentials: a marked section fromIni resolves, listed until taken out; sign-out takes it out', async ({ app, emulator }) => {
  const file = path.join(app.home, '.aws', 'credentials');
  await mkdir(path.dirname(file), { recursive: true });
  const mine = '# my keys\n[personal]\naws_access_key_id = AKIAEXAMPLEPERSONAL\naws_secret_access_key = mine\n';
  await writeFile(file, mine, { mode: 0o600 });
  const { account, role } = await signedIn(app, emulator);
  await choose(app.page, account.accountName, role, 'Keep in ~/.aws/credentials');
  const section = `${account.accountName}-${role}`;
  const entry = app.page.getByRole('group', { name: 'Served to other tools' }).getByRole('listitem', { name: `${account.accountName} as ${role}, [${section}] in the credentials file` });
  await expect(entry).toContainText(`[${section}] in ${file}`);

  const text = await readFile(file, 'utf8');
  expect(text.startsWith(mine)).toBe(true);
  expect(text).toContain(`[${section}]`);
  const credentials = await fromIni({ profile: section, filepath: file, configFilepath: path.join(app.home, 'none'), ignoreCache: true })();
  expect(emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);

  await app.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(entry).toHaveCount(0);
  await expect.poll(() => readFile(file, 'utf8')).toBe(mine);
});

test('asks before replacing a section of the same name it did not write, and keeps a backup', async ({ app, emulator }) => {
  const { account, role } = await signedIn(app, emulator);
  const section = `${account.accountName}-${role}`;
  const file = path.join(app.home, '.aws', 'credentials');
  await mkdir(path.dirname(file), { recursive: true });
  const mine = `[${section}]\naws_access_key_id = AKIAEXAMPLEMINE\naws_secret_access_key = mine\n`;
  await writeFile(file, mine, { mode: 0o600 });
  await choose(app.page, account.accountName, role, 'Keep in ~/.aws/credentials');
  const dialog = app.page.getByRole('dialog', { name: `Replace [${section}] in your credentials file?` });
  await expect(dialog).toContainText(file);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await readFile(file, 'utf8')).toBe(mine);

  await choose(app.page, account.accountName, role, 'Keep in ~/.aws/credentials');
  await dialog.getByRole('button', { name: `Replace [${section}], keep a backup` }).click();
  const entry = app.page.getByRole('group', { name: 'Served to other tools' }).getByRole('listitem');
  await expect(entry).toContainText(`[${section}]`);
  expect(await readFile(file, 'utf8')).not.toContain('AKIAEXAMPLEMINE');
  const backups = (await readdir(path.dirname(file))).filter((name) => name.startsWith('credentials.rolecall-backup-'));
  expect(backups).toHaveLength(1);
  expect(await readFile(path.join(path.dirname(file), backups[0] ?? ''), 'utf8')).toBe(mine);
  await entry.getByRole('button', { name: `Take out of the file ${account.accountName} as ${role}` }).click();
  await expect(entry).toHaveCount(0);
  expect(await readFile(file, 'utf8')).not.toContain(`[${section}]`);
});

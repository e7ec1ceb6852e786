/**
 * "Use in terminal" and "Generate profiles for all" through the core, against the emulator, checked by
 * the AWS SDK's own `fromIni` resolving the emulator's credentials from the files Rolecall wrote.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

let rig: SignInRig | undefined;
const savedEnv = { ...process.env };
afterEach(async () => {
  process.env = { ...savedEnv };
  await rig?.close();
  rig = undefined;
});

async function signedIn(accounts = 3): Promise<{ r: SignInRig; list: AccountView[] }> {
  const r = await startSignInRig({ autoApprove: true, accounts, rolesPerAccount: 2 });
  rig = r;
  await r.core.handlers.signIn({ id: r.instanceId });
  await waitForStatus(r, 'signedIn');
  for (let i = 0; i < 200; i += 1) {
    const update = await r.core.handlers.getAccounts({ id: r.instanceId });
    const status = r.core.getSnapshot().instances[0]?.discovery;
    if (status?.state === 'complete' && update.accounts.every((a) => a.rolesState === 'loaded')) return { r, list: [...update.accounts] };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the account list did not complete');
}

async function waitForList(r: SignInRig, count: number): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const update = await r.core.handlers.getAccounts({ id: r.instanceId });
    const status = r.core.getSnapshot().instances[0]?.discovery;
    if (status?.state === 'complete' && update.accounts.length === count && update.accounts.every((a) => a.rolesState === 'loaded')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the list did not settle at ${count} accounts`);
}

/** Resolves a profile (or the default) the way any AWS SDK tool would, from the rig's files. */
async function resolveWithSdk(r: SignInRig, profile?: string) {
  process.env['HOME'] = r.home;
  Object.assign(process.env, r.emulator.env);
  const configFilepath = path.join(r.home, '.aws', 'config');
  return fromIni({ ...(profile !== undefined && { profile }), configFilepath, filepath: path.join(r.home, 'none'), ignoreCache: true })();
}

const issuedTo = (r: SignInRig, secret: string): boolean => r.emulator.secrets().some((s) => s.value === secret);

describe('Use in terminal', () => {
  it('makes the role the default and a named profile, both resolved by fromIni, and shows it as active', async () => {
    const { r, list } = await signedIn();
    const account = list[1] as AccountView;
    const roleName = account.roles[1] ?? '';
    const result = await r.core.handlers.useProfile({ id: r.instanceId, accountId: account.accountId, roleName });
    expect(result).toEqual({ kind: 'done', profileName: `${roleName}-${account.accountId}` });

    const viaDefault = await resolveWithSdk(r);
    const viaName = await resolveWithSdk(r, `${roleName}-${account.accountId}`);
    expect(issuedTo(r, viaDefault.secretAccessKey)).toBe(true);
    expect(issuedTo(r, viaName.secretAccessKey)).toBe(true);
    expect(r.core.getSnapshot().activeProfile).toEqual({ instanceId: r.instanceId, accountId: account.accountId, roleName, profileName: `${roleName}-${account.accountId}` });
  });

  it('asks before replacing a [default] it did not write, then keeps a backup of the whole file', async () => {
    const { r, list } = await signedIn();
    const configFile = path.join(r.home, '.aws', 'config');
    const before = `${await readFile(configFile, 'utf8')}\n[default]\nregion = eu-north-1\noutput = yaml\ncredential_process = /usr/bin/old-tool\n`;
    await writeFile(configFile, before);
    const role = { id: r.instanceId, accountId: list[0]?.accountId ?? '', roleName: list[0]?.roles[0] ?? '' };

    const asked = await r.core.handlers.useProfile(role);
    expect(asked).toEqual({ kind: 'confirm-default', current: '[default]\nregion = eu-north-1\noutput = yaml\ncredential_process = /usr/bin/old-tool', configFile });
    expect(await readFile(configFile, 'utf8')).toBe(before);

    const done = await r.core.handlers.useProfile({ ...role, replaceDefault: true });
    if (done.kind !== 'done' || done.backupFile === undefined) throw new Error('expected a backup');
    expect(await readFile(done.backupFile, 'utf8')).toBe(before);
    expect((await stat(done.backupFile)).mode & 0o777).toBe(0o600);
    const after = await readFile(configFile, 'utf8');
    expect(after).toContain('output = yaml');
    expect(after).not.toContain('credential_process');
    expect(issuedTo(r, (await resolveWithSdk(r)).secretAccessKey)).toBe(true);
    // Rolecall's [default] now: the next role replaces it without asking.
    const next = await r.core.handlers.useProfile({ ...role, roleName: list[0]?.roles[1] ?? '' });
    expect(next.kind).toBe('done');
  });

  it('in the legacy style writes start-URL profiles and keeps the start-URL token file, which fromIni reads', async () => {
    const { r, list } = await signedIn();
    await r.core.handlers.setTerminalSettings({ profileStyle: 'legacy', profileNameTemplate: '{account}-{role}' });
    const account = list[0] as AccountView;
    const result = await r.core.handlers.useProfile({ id: r.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' });
    const name = result.kind === 'done' ? result.profileName : '';
    expect(name).toBe(`${account.accountName}-${account.roles[0] ?? ''}`);
    const cacheDir = path.join(r.home, '.aws', 'sso', 'cache');
    const legacyFile = path.join(cacheDir, ssoTokenFileName(r.emulator.startUrl));
    expect((await stat(legacyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(legacyFile, 'utf8')).toBe(await readFile(path.join(cacheDir, ssoTokenFileName('rig')), 'utf8'));
    const config = await readFile(path.join(r.home, '.aws', 'config'), 'utf8');
    expect(config).toContain(`sso_start_url = ${r.emulator.startUrl}`);
    expect(issuedTo(r, (await resolveWithSdk(r, name)).secretAccessKey)).toBe(true);
    // Signing out removes the start-URL file too.
    await r.core.handlers.signOut({ id: r.instanceId });
    expect((await readdir(cacheDir)).includes(ssoTokenFileName(r.emulator.startUrl))).toBe(false);
  });

  it('refuses keychain-only instances with what to do instead', async () => {
    const r = await startSignInRig({ autoApprove: true, accounts: 1 }, {}, 'keychain');
    rig = r;
    await expect(r.core.handlers.useProfile({ id: r.instanceId, accountId: '111111111111', roleName: 'x' })).rejects.toThrow(/keychain/);
  });
});

describe('Generate profiles for all', () => {
  it('previews, writes, and every generated profile resolves with fromIni', async () => {
    const { r, list } = await signedIn(5);
    const preview = await r.core.handlers.previewProfiles({ id: r.instanceId });
    expect(preview.added).toHaveLength(10);
    expect(preview.blockText).toContain(`[profile ${list[0]?.roles[0] ?? ''}-${list[0]?.accountId ?? ''}]`);
    const written = await r.core.handlers.writeProfiles({ id: r.instanceId, fingerprint: preview.fingerprint ?? '' });
    expect(written).toEqual({ kind: 'written', total: 10 });
    for (const account of list.slice(0, 2)) {
      const credentials = await resolveWithSdk(r, `${account.roles[0] ?? ''}-${account.accountId}`);
      expect(issuedTo(r, credentials.secretAccessKey)).toBe(true);
    }
  });

  it('for 300 accounts, re-generated after AWS drops and renames some, leaves exactly the right profiles and nothing else changed', async () => {
    const { r, list } = await signedIn(300);
    await r.core.handlers.setTerminalSettings({ profileNameTemplate: '{account}-{role}' });
    const configFile = path.join(r.home, '.aws', 'config');
    await writeFile(configFile, `# my notes\n[profile mine]\nregion = ap-south-1 ; mine\n\n${await readFile(configFile, 'utf8')}`);
    const first = await r.core.handlers.previewProfiles({ id: r.instanceId });
    expect(await r.core.handlers.writeProfiles({ id: r.instanceId, fingerprint: first.fingerprint ?? '' })).toEqual({ kind: 'written', total: 600 });
    const outside = (text: string): string => text.replace(/# BEGIN Rolecall[\s\S]*# END Rolecall profiles for rig\n?/, '');
    const before = await readFile(configFile, 'utf8');

    // AWS side: every tenth account is gone, every 25th renamed.
    const kept = list.filter((_, i) => i % 10 !== 3).map((a, i) => ({ id: a.accountId, name: i % 25 === 0 ? `${a.accountName}-renamed` : a.accountName, roles: [...a.roles] }));
    r.emulator.replaceAccounts(kept.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: undefined, roles: a.roles })));
    await r.core.handlers.refreshAccounts({ id: r.instanceId });
    await waitForList(r, 270);

    const second = await r.core.handlers.previewProfiles({ id: r.instanceId });
    expect(second).toMatchObject({ total: 540, added: [], changed: [] });
    expect(second.removed).toHaveLength(60);
    expect(second.renamed).toHaveLength(kept.filter((_, i) => i % 25 === 0).length * 2);
    await r.core.handlers.writeProfiles({ id: r.instanceId, fingerprint: second.fingerprint ?? '' });
    const after = await readFile(configFile, 'utf8');
    expect(outside(after)).toBe(outside(before));
    const names = [...after.matchAll(/^\[profile (.+)\]$/gm)].map((m) => m[1]).filter((n) => n !== 'mine').sort();
    expect(names).toEqual(kept.flatMap((a) => a.roles.map((role) => `${a.name}-${role}`)).sort());
  });

  it('refuses to write when the file changed after the preview', async () => {
    const { r } = await signedIn(2);
    const preview = await r.core.handlers.previewProfiles({ id: r.instanceId });
    const configFile = path.join(r.home, '.aws', 'config');
    await writeFile(configFile, `${await readFile(configFile, 'utf8')}\n[profile meanwhile]\nregion = us-west-2\n`);
    expect(await r.core.handlers.writeProfiles({ id: r.instanceId, fingerprint: preview.fingerprint ?? '' })).toEqual({ kind: 'stale' });
  });
});

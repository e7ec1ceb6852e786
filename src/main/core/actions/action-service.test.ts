/**
 * The one-click actions through the core, against the emulator with the real SDK clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function signedInWithAccounts(): Promise<{ rig: SignInRig; account: AccountView }> {
  const r = await startSignInRig({ autoApprove: true, accounts: 3 }, { clipboardClearMs: 300 });
  rig = r;
  await r.core.handlers.signIn({ id: r.instanceId });
  await waitForStatus(r, 'signedIn');
  for (let i = 0; i < 100; i += 1) {
    const accounts = (await r.core.handlers.getAccounts({ id: r.instanceId })).accounts;
    const ready = accounts.find((a) => a.rolesState === 'loaded' && a.roles.length > 0);
    if (ready !== undefined) return { rig: r, account: ready };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no account with roles');
}

describe('opening the console', () => {
  it('signs the browser in through the federation endpoint (POST), opening only the login URL', async () => {
    const { rig: r, account } = await signedInWithAccounts();
    const roleName = account.roles[0] ?? '';
    await r.core.handlers.openConsole({ id: r.instanceId, accountId: account.accountId, roleName });
    const opened = r.effects.filter((e) => e.kind === 'open').at(-1);
    const url = opened?.kind === 'open' ? opened.url : '';
    expect(url.startsWith(`${r.emulator.url}/federation?Action=login&`)).toBe(true);
    const page = await fetch(url).then((res) => res.text());
    expect(page).toContain(`Signed in to ${account.accountName} (${account.accountId}) as ${roleName}`);
    // One sign-in token request (that it is a POST with the credentials in the body: console-signin.test.ts).
    expect(r.emulator.stats()['GetSigninToken']?.byStatus).toEqual({ 200: 1 });
    expect(JSON.stringify(r.core.getSnapshot())).not.toContain('SigninToken');
    expect(r.core.getSnapshot().notices.at(-1)?.text).toBe(`Opened the AWS console for ${account.accountName} as ${roleName}: console home in us-east-1.`);
    const remembered = (await r.core.handlers.getAccounts({ id: r.instanceId })).accounts.find((a) => a.accountId === account.accountId);
    expect(remembered?.prefs).toMatchObject({ lastRole: roleName, lastUsedAt: expect.any(Number) as number });
  });
});

describe('copying credentials', () => {
  it('puts exactly the export lines on the clipboard, says until when, and clears it later', async () => {
    const { rig: r, account } = await signedInWithAccounts();
    await r.core.handlers.copyCredentials({ id: r.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' });
    const copied = r.effects.find((e) => e.kind === 'clipboard');
    const text = copied?.kind === 'clipboard' ? copied.text : '';
    expect(text).toMatch(
      /^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=\S+\nexport AWS_SESSION_TOKEN=\S+\nexport AWS_CREDENTIAL_EXPIRATION=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\nexport AWS_REGION=us-east-1\nexport AWS_DEFAULT_REGION=us-east-1\n$/,
    );
    const key = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(text)?.[1];
    expect(r.emulator.secrets().some((s) => s.value === key)).toBe(true);
    expect(r.core.getSnapshot().notices.at(-1)?.text).toMatch(/^Copied bash\/zsh credentials for .+ as .+, valid until .+\. Rolecall clears the clipboard in 0 s\.$/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.effects.filter((e) => e.kind === 'clipboard').at(-1)).toEqual({ kind: 'clipboard', text: '' });
  });

  it('reuses cached credentials, and drops them at sign-out', async () => {
    const { rig: r, account } = await signedInWithAccounts();
    const role = { id: r.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '', format: 'process' as const };
    await r.core.handlers.copyCredentials(role);
    await r.core.handlers.copyCredentials(role);
    expect(r.emulator.stats()['GetRoleCredentials']?.requests).toBe(1);
    await r.core.handlers.signOut({ id: r.instanceId });
    await r.core.handlers.signIn({ id: r.instanceId });
    await waitForStatus(r, 'signedIn');
    await r.core.handlers.copyCredentials(role);
    expect(r.emulator.stats()['GetRoleCredentials']?.requests).toBe(2);
  });

  it('copies in the remembered format', async () => {
    const { rig: r, account } = await signedInWithAccounts();
    await r.core.handlers.setCredentialFormat({ format: 'fish' });
    expect(r.core.getSnapshot().settings.credentialFormat).toBe('fish');
    await r.core.handlers.copyCredentials({ id: r.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' });
    const copied = r.effects.find((e) => e.kind === 'clipboard');
    expect(copied?.kind === 'clipboard' ? copied.text : '').toMatch(/^set -gx AWS_ACCESS_KEY_ID "ASIA\w+"\n/);
  });

  it('says to sign in first when signed out', async () => {
    const { rig: r, account } = await signedInWithAccounts();
    await r.core.handlers.signOut({ id: r.instanceId });
    await expect(r.core.handlers.copyCredentials({ id: r.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' })).rejects.toThrow(
      'Sign in to rig first.',
    );
  });
});

/**
 * The profiles Rolecall writes, read by the AWS CLI's own credential chain: botocore (the library under
 * both major versions of the `aws` command) resolves the emulator's role credentials from `[default]`, a
 * named profile and a legacy profile, with no `aws sso login`. Skips, saying why, where Python's botocore
 * is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

const probe = spawnSync('python3', ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' });
const botocoreVersion = probe.status === 0 ? probe.stdout.trim() : undefined;
if (botocoreVersion === undefined) console.log('[botocore-interop] skipped: python3 with botocore is not installed on this machine');

// Prints the access key botocore resolves for a profile (None: the default chain's profile).
const RESOLVE = [
  'import sys, botocore.session',
  'profile = sys.argv[1] or None',
  'credentials = botocore.session.Session(profile=profile).get_credentials().get_frozen_credentials()',
  'print(credentials.access_key + " " + credentials.secret_key)',
].join('\n');

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

// Asynchronous: the emulator answering botocore runs in this process.
function resolveWithBotocore(r: SignInRig, profile: string): Promise<{ key: string; secret: string; stderr: string }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: r.home, AWS_CONFIG_FILE: path.join(r.home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(r.home, 'none'), ...r.emulator.env };
  return new Promise((resolve) => {
    execFile('python3', ['-c', RESOLVE, profile], { encoding: 'utf8', env }, (_error, stdout, stderr) => {
      const [key = '', secret = ''] = stdout.trim().split(' ');
      resolve({ key, secret, stderr });
    });
  });
}

describe.skipIf(botocoreVersion === undefined)(`the AWS CLI's credential chain (botocore ${botocoreVersion ?? ''})`, () => {
  it('resolves [default], the named profile and a legacy profile that Rolecall wrote', { timeout: 30_000 }, async () => {
    const r = await startSignInRig({ autoApprove: true, accounts: 2, rolesPerAccount: 2 });
    rig = r;
    await r.core.handlers.signIn({ id: r.instanceId });
    await waitForStatus(r, 'signedIn');
    const [account] = r.emulator.accounts();
    const roleName = account?.roles[0] ?? '';
    const accountId = account?.accountId ?? '';
    for (let i = 0; i < 100 && (await r.core.handlers.getAccounts({ id: r.instanceId })).accounts.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));

    const used = await r.core.handlers.useProfile({ id: r.instanceId, accountId, roleName });
    const issued = (secret: string): boolean => r.emulator.secrets().some((s) => s.value === secret);
    for (const profile of ['', used.kind === 'done' ? used.profileName : '']) {
      const resolved = await resolveWithBotocore(r, profile);
      expect(resolved.stderr).toBe('');
      expect(resolved.key).toMatch(/^ASIA/);
      expect(issued(resolved.secret)).toBe(true);
    }

    await r.core.handlers.setTerminalSettings({ profileStyle: 'legacy', profileNameTemplate: 'legacy-{accountId}-{role}' });
    await r.core.handlers.useProfile({ id: r.instanceId, accountId, roleName });
    const legacy = await resolveWithBotocore(r, `legacy-${accountId}-${roleName}`);
    expect(legacy.stderr).toBe('');
    expect(issued(legacy.secret)).toBe(true);
  });
});

/**
 * One sign-in, shared with tools no one here wrote: the AWS SDK's own `fromSSO` credential provider
 * uses the token Rolecall wrote, refreshes it through the file, and Rolecall follows.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromSSO } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it } from 'vitest';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { setSection } from '../aws-files/config-editor';
import { updateConfigFile } from '../aws-files/config-file';
import { startSignInRig, waitForStatus, type SignInRig } from './sign-in-test-support';

let rig: SignInRig | undefined;
const savedEnv = { ...process.env };
afterEach(async () => {
  process.env = { ...savedEnv };
  await rig?.close();
  rig = undefined;
});

describe('sharing the sign-in with the AWS SDK', () => {
  it('lets fromSSO resolve role credentials and refresh the token, and adopts the refreshed token', async () => {
    rig = await startSignInRig({ autoApprove: true, accessTokenTtl: 200 }, { watchIntervalMs: 100 });
    await rig.core.handlers.signIn({ id: rig.instanceId });
    const signedIn = await waitForStatus(rig, 'signedIn');
    const [account] = rig.emulator.accounts();
    if (account === undefined) throw new Error('the emulator has no accounts');
    const configFile = path.join(rig.home, '.aws', 'config');
    await updateConfigFile(configFile, (text) =>
      setSection(text, { kind: 'profile', name: 'dev' }, {
        sso_session: 'rig',
        sso_account_id: account.accountId,
        sso_role_name: account.roles[0] ?? '',
        region: 'us-east-1',
      }),
    );
    const tokenFile = path.join(rig.home, '.aws', 'sso', 'cache', ssoTokenFileName('rig'));
    const before = JSON.parse(await readFile(tokenFile, 'utf8')) as { accessToken: string };

    process.env['HOME'] = rig.home;
    process.env['AWS_CONFIG_FILE'] = configFile;
    Object.assign(process.env, rig.emulator.env);
    // 200 s left is under the SDK's 5-minute window, so fromSSO refreshes the token through the file.
    const credentials = await fromSSO({ profile: 'dev', ignoreCache: true })();

    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(rig.emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
    const after = JSON.parse(await readFile(tokenFile, 'utf8')) as { accessToken: string };
    expect(after.accessToken).not.toBe(before.accessToken);
    const adopted = await new Promise<number>((resolve) => {
      const unsubscribe = rig?.core.subscribe((s) => {
        const status = s.instances[0]?.status;
        if (status?.kind === 'signedIn' && status.expiresAt !== signedIn.expiresAt) {
          unsubscribe?.();
          resolve(status.expiresAt);
        }
      });
    });
    expect(adopted).toBeGreaterThanOrEqual(signedIn.expiresAt);
  });
});

/**
 * Staying signed in: refresh before expiry, adopting what the AWS CLI did, session end, sign-out.
 */
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { formatSsoTokenFile, parseSsoTokenFile, type SsoTokenFile } from '../aws-files/sso-token-file';
import { SESSION_ENDED_MESSAGE, SIGNED_OUT_IN_TERMINAL_MESSAGE } from './sign-in-messages';
import { startSignInRig, waitForStatus, type SignInRig } from './sign-in-test-support';

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const cacheDir = (r: SignInRig): string => path.join(r.home, '.aws', 'sso', 'cache');
const tokenFile = (r: SignInRig): string => path.join(cacheDir(r), ssoTokenFileName('rig'));

async function readToken(r: SignInRig): Promise<SsoTokenFile> {
  const parsed = parseSsoTokenFile(await readFile(tokenFile(r), 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(`token file: ${parsed.kind}`);
  return parsed.token;
}

async function signedInRig(...args: Parameters<typeof startSignInRig>): Promise<SignInRig> {
  const r = await startSignInRig({ autoApprove: true, ...args[0] }, args[1]);
  await r.core.handlers.signIn({ id: r.instanceId });
  await waitForStatus(r, 'signedIn');
  return r;
}

const until = async (check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('staying signed in', () => {
  it('refreshes before expiry, rotating the refresh token, without the person noticing', async () => {
    rig = await signedInRig({ accessTokenTtl: 4 }, { refreshLeadMs: 2500 });
    const first = await readToken(rig);
    await until(async () => (await readToken(rig as SignInRig)).accessToken !== first.accessToken);
    const second = await readToken(rig);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expiresAt.getTime()).toBeGreaterThan(first.expiresAt.getTime());
    expect(rig.core.getSnapshot().instances[0]?.status).toEqual({ kind: 'signedIn', expiresAt: second.expiresAt.getTime(), endsAt: second.registrationExpiresAt?.getTime() });
    expect(rig.effects.filter((e) => e.kind === 'open')).toHaveLength(1);
  });

  it('adopts the token the AWS CLI refreshed (and rotated) in the file instead of refreshing again', async () => {
    // The watcher is slowed down so that only the refresher can notice the CLI's write.
    rig = await signedInRig({ accessTokenTtl: 5 }, { refreshLeadMs: 2000, watchIntervalMs: 60_000 });
    const ours = await readToken(rig);
    const oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: rig.emulator.url });
    const cli = await oidc.send(
      new CreateTokenCommand({
        clientId: ours.clientId,
        clientSecret: ours.clientSecret,
        grantType: 'refresh_token',
        refreshToken: ours.refreshToken,
      }),
    );
    const cliToken: SsoTokenFile = {
      ...ours,
      accessToken: cli.accessToken ?? '',
      refreshToken: cli.refreshToken ?? '',
      expiresAt: new Date(Date.now() + (cli.expiresIn ?? 0) * 1000),
    };
    await writeFile(tokenFile(rig), formatSsoTokenFile(cliToken));
    // Our refresh token is rotated out now: using it would end the session.
    await until(async () => (await readToken(rig as SignInRig)).accessToken !== cliToken.accessToken, 8000);
    expect(rig.core.getSnapshot().instances[0]?.status.kind).toBe('signedIn');
  });

  it('shows the instance signed out when the session ends, and opens no browser', async () => {
    rig = await signedInRig({ accessTokenTtl: 3 }, { refreshLeadMs: 2000 });
    rig.emulator.endSessions();
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: SESSION_ENDED_MESSAGE });
    expect(rig.effects.filter((e) => e.kind === 'open')).toHaveLength(1);
  });

  it('signs out: portal Logout, token file deleted, registration kept', async () => {
    rig = await signedInRig();
    await rig.core.handlers.signOut({ id: rig.instanceId });
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: 'Signed out.' });
    expect(rig.emulator.stats()['Logout']?.requests).toBe(1);
    const left = await readdir(cacheDir(rig));
    expect(left).not.toContain(ssoTokenFileName('rig'));
    expect(left).toHaveLength(1);
    expect(rig.emulator.sessions().every((s) => !s.live)).toBe(true);
  });

  it('notices `aws sso logout` and `aws sso login` in a terminal', async () => {
    rig = await signedInRig();
    const token = await readToken(rig);
    await rm(tokenFile(rig));
    expect(await waitForStatus(rig, 'signedOut')).toEqual({ kind: 'signedOut', message: SIGNED_OUT_IN_TERMINAL_MESSAGE });
    await writeFile(tokenFile(rig), formatSsoTokenFile(token));
    await waitForStatus(rig, 'signedIn');
    expect(rig.core.getSnapshot().notices.map((n) => n.text)).toContain('Signed in to rig from a terminal.');
  });
});

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRoleCredentialsCommand, ListAccountsCommand, LogoutCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { fromSSO } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, rejection, signIn, statusOf, type SignedIn } from './test-support';

let emulator: RunningEmulator;
let oidc: SSOOIDCClient;
let home: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 3, sessionTtl: 7200 });
  oidc = oidcClient(emulator);
  home = await mkdtemp(join(tmpdir(), 'emulator-home-'));
  await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    ...emulator.env,
  });
  delete process.env.AWS_PROFILE;
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

function refresh(signedIn: SignedIn, refreshToken: string | undefined) {
  return oidc.send(
    new CreateTokenCommand({
      clientId: signedIn.clientId,
      clientSecret: signedIn.clientSecret,
      grantType: 'refresh_token',
      refreshToken,
    }),
  );
}

describe('refresh with the SSO OIDC client', () => {
  it('rotates the refresh token; the old one answers invalid_grant "Invalid refresh token provided"', async () => {
    const signedIn = await signIn(emulator, oidc);
    const first = await refresh(signedIn, signedIn.token.refreshToken);
    expect(first.accessToken).not.toBe(signedIn.token.accessToken);
    expect(first.refreshToken).not.toBe(signedIn.token.refreshToken);
    expect(first.expiresIn).toBe(3600);
    const old = await rejection(refresh(signedIn, signedIn.token.refreshToken));
    expect(old.name).toBe('InvalidGrantException');
    expect(old.error_description).toBe('Invalid refresh token provided');
    const second = await refresh(signedIn, first.refreshToken);
    expect(second.refreshToken).toMatch(/^aor/);
  });

  it('kills every refresh token and access token when the session ends (admin)', async () => {
    const signedIn = await signIn(emulator, oidc);
    const refreshed = await refresh(signedIn, signedIn.token.refreshToken);
    expect(emulator.endSessions({ accessToken: refreshed.accessToken })).toBe(1);
    const error = await rejection(refresh(signedIn, refreshed.refreshToken));
    expect(error.name).toBe('InvalidGrantException');
    for (const accessToken of [signedIn.token.accessToken, refreshed.accessToken]) {
      const portalError = await rejection(portalClient(emulator).send(new ListAccountsCommand({ accessToken })));
      expect(portalError.name).toBe('UnauthorizedException');
      expect(portalError.message).toBe('Session token not found or invalid');
      expect(statusOf(portalError)).toBe(401);
    }
  });

  it('ends the session on POST /logout (the SSO Logout call)', async () => {
    const signedIn = await signIn(emulator, oidc);
    const sso = portalClient(emulator);
    const account = emulator.accounts()[0];
    const creds = await sso.send(
      new GetRoleCredentialsCommand({ accessToken: signedIn.token.accessToken, accountId: account?.accountId, roleName: account?.roles[0] }),
    );
    await sso.send(new LogoutCommand({ accessToken: signedIn.token.accessToken }));
    expect((await rejection(refresh(signedIn, signedIn.token.refreshToken))).name).toBe('InvalidGrantException');
    const after = await rejection(sso.send(new ListAccountsCommand({ accessToken: signedIn.token.accessToken })));
    expect(after.name).toBe('UnauthorizedException');
    // Role credentials already issued outlive the logout, as on AWS: the console federation still takes them.
    const rc = creds.roleCredentials;
    const session = JSON.stringify({ sessionId: rc?.accessKeyId, sessionKey: rc?.secretAccessKey, sessionToken: rc?.sessionToken });
    const response = await fetch(`${emulator.url}/federation`, {
      method: 'POST',
      body: new URLSearchParams({ Action: 'getSigninToken', Session: session }),
    });
    expect(response.status).toBe(200);
  });

  it('lets the session run out after --session-ttl, and access tokens after --access-token-ttl', async () => {
    const signedIn = await signIn(emulator, oidc);
    emulator.advanceClock(3601);
    const expired = await rejection(portalClient(emulator).send(new ListAccountsCommand({ accessToken: signedIn.token.accessToken })));
    expect(expired.name).toBe('UnauthorizedException');
    const refreshed = await refresh(signedIn, signedIn.token.refreshToken);
    await portalClient(emulator).send(new ListAccountsCommand({ accessToken: refreshed.accessToken }));
    emulator.advanceClock(3600);
    expect((await rejection(refresh(signedIn, refreshed.refreshToken))).name).toBe('InvalidGrantException');
  });
});

/** Writes an sso-session, a profile and a CLI-format token file, as `aws sso login` leaves them. */
async function writeProfile(session: string, signedIn: SignedIn, expiresAt: Date): Promise<string> {
  const account = emulator.accounts()[0];
  const config = `[sso-session ${session}]
sso_start_url = ${emulator.startUrl}
sso_region = ${emulator.region}
sso_registration_scopes = sso:account:access

[profile ${session}]
sso_session = ${session}
sso_account_id = ${account?.accountId}
sso_role_name = ${account?.roles[0]}
region = us-east-1
`;
  await writeFile(join(home, '.aws', 'config'), config);
  const tokenFile = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(session).digest('hex')}.json`);
  await writeFile(
    tokenFile,
    JSON.stringify({
      startUrl: emulator.startUrl,
      region: emulator.region,
      accessToken: signedIn.token.accessToken,
      expiresAt: expiresAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      clientId: signedIn.clientId,
      clientSecret: signedIn.clientSecret,
      registrationExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: signedIn.token.refreshToken,
    }),
    { mode: 0o600 },
  );
  return tokenFile;
}

describe('refresh with fromSSO reading ~/.aws (credential-providers)', () => {
  it('refreshes a token about to expire, rotating the refresh token in the file, and gets role credentials', async () => {
    const signedIn = await signIn(emulator, oidc);
    // Session names differ per test: the SDK throttles refreshes per session name for 30 s, module-wide.
    const tokenFile = await writeProfile('rotate', signedIn, new Date(Date.now() + 60_000));
    const credentials = await fromSSO({ profile: 'rotate', ignoreCache: true })();
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.expiration?.getTime()).toBeGreaterThan(Date.now());
    const written = JSON.parse(await readFile(tokenFile, 'utf8')) as Record<string, string>;
    expect(written.refreshToken).toMatch(/^aor/);
    expect(written.refreshToken).not.toBe(signedIn.token.refreshToken);
    expect(written.accessToken).not.toBe(signedIn.token.accessToken);
    expect((await rejection(refresh(signedIn, signedIn.token.refreshToken))).name).toBe('InvalidGrantException');
  });

  it('fails with "Token is expired" when the session has ended and the cached token has expired', async () => {
    const signedIn = await signIn(emulator, oidc);
    emulator.endSessions({ refreshToken: signedIn.token.refreshToken });
    await writeProfile('dead', signedIn, new Date(Date.now() - 60_000));
    emulator.resetStats();
    const error = await rejection(fromSSO({ profile: 'dead', ignoreCache: true })());
    expect(error.message).toContain('Token is expired');
    expect(emulator.stats().CreateToken?.byStatus).toEqual({ 400: 1 });
  });

  it('falls back to the still-valid token after a failed refresh, which the portal then refuses (401)', async () => {
    const signedIn = await signIn(emulator, oidc);
    emulator.endSessions({ accessToken: signedIn.token.accessToken });
    await writeProfile('dying', signedIn, new Date(Date.now() + 120_000));
    emulator.resetStats();
    await rejection(fromSSO({ profile: 'dying', ignoreCache: true })());
    const stats = emulator.stats();
    expect(stats.CreateToken?.byStatus).toEqual({ 400: 1 });
    expect(stats.GetRoleCredentials?.byStatus).toEqual({ 401: 1 });
  });
});

import { GetRoleCredentialsCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, register, rejection, signIn } from './test-support';

const logLines: string[] = [];
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 4, onRequest: (line) => logLines.push(line) });
});
afterAll(() => emulator.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('admin API over HTTP', () => {
  it('lists pending device codes and approves or denies them', async () => {
    const oidc = oidcClient(emulator);
    const reg = await register(oidc);
    const input = { clientId: reg.clientId, clientSecret: reg.clientSecret };
    const device = await oidc.send(new StartDeviceAuthorizationCommand({ ...input, startUrl: emulator.startUrl }));
    const listed = await admin('GET', 'device-codes?pending=true');
    expect(listed.json.deviceCodes).toContainEqual(expect.objectContaining({ userCode: device.userCode, status: 'pending', clientName: 'botocore-client-test' }));
    expect(JSON.stringify(listed.json)).not.toContain(device.deviceCode);
    expect(await admin('POST', 'device-codes/approve', { userCode: device.userCode })).toEqual({ status: 200, json: { result: 'approved' } });
    expect((await admin('POST', 'device-codes/deny', { userCode: device.userCode })).status).toBe(409);
    expect((await admin('POST', 'device-codes/approve', { userCode: 'NOPE-NOPE' })).status).toBe(404);
    expect((await admin('POST', 'device-codes/approve', {})).status).toBe(400);
    const token = await oidc.send(new CreateTokenCommand({ ...input, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: device.deviceCode }));
    expect(token.accessToken).toBeTruthy();
  });

  it('ends sessions by access token, by id, or all of them', async () => {
    const a = await signIn(emulator, oidcClient(emulator));
    const b = await signIn(emulator, oidcClient(emulator));
    expect((await admin('POST', 'sessions/end', { accessToken: a.token.accessToken })).json).toEqual({ ended: 1 });
    const sessions = (await admin('GET', 'sessions')).json.sessions as { sessionId: string; live: boolean; endReason?: string }[];
    expect(sessions.filter((s) => s.endReason === 'admin')).toHaveLength(1);
    const sso = portalClient(emulator);
    expect((await rejection(sso.send(new ListAccountsCommand({ accessToken: a.token.accessToken })))).name).toBe('UnauthorizedException');
    await sso.send(new ListAccountsCommand({ accessToken: b.token.accessToken }));
    expect(((await admin('POST', 'sessions/end', {})).json.ended as number)).toBeGreaterThanOrEqual(1);
    expect((await rejection(sso.send(new ListAccountsCommand({ accessToken: b.token.accessToken })))).name).toBe('UnauthorizedException');
  });

  it('counts requests and throttles per operation, and resets', async () => {
    await admin('POST', 'stats/reset');
    const { token } = await signIn(emulator, oidcClient(emulator));
    await admin('POST', 'faults', { operation: 'ListAccounts', error: 'TooManyRequestsException', count: 2 });
    const sso = portalClient(emulator);
    for (let i = 0; i < 3; i += 1) await sso.send(new ListAccountsCommand({ accessToken: token.accessToken })).catch(() => undefined);
    const stats = (await admin('GET', 'stats')).json.operations as Record<string, { requests: number; throttled: number }>;
    expect(stats.ListAccounts).toMatchObject({ requests: 3, throttled: 2 });
    expect(stats.CreateToken).toMatchObject({ requests: 1, throttled: 0 });
    expect((await admin('POST', 'stats/reset')).json).toEqual({ operations: {} });
    expect((await admin('GET', 'stats')).json).toEqual({ operations: {} });
  });

  it('refuses a fault that the operation’s service could not send', async () => {
    expect((await admin('POST', 'faults', { operation: 'ListAccounts', error: 'SlowDownException' })).status).toBe(400);
    expect((await admin('POST', 'faults', { operation: 'Nope', error: 'TooManyRequestsException' })).status).toBe(400);
    expect((await admin('POST', 'faults', { operation: 'CreateToken', error: 'SlowDownException' })).status).toBe(200);
    expect((await admin('DELETE', 'faults')).status).toBe(200);
  });

  it('moves the clock forward, and only forward', async () => {
    const before = (await admin('GET', 'clock')).json.now as number;
    const after = (await admin('POST', 'clock/advance', { seconds: 3600 })).json.now as number;
    expect(after - before).toBeGreaterThanOrEqual(3600_000);
    expect((await admin('POST', 'clock/advance', { seconds: -1 })).status).toBe(400);
  });

  it('reads and changes runtime settings', async () => {
    expect((await admin('POST', 'settings', { autoApprove: true, latencyMs: 0 })).json).toMatchObject({ autoApprove: true });
    expect((await admin('GET', 'settings')).json).toMatchObject({ autoApprove: true, failRate: 0 });
    expect((await admin('POST', 'settings', { failRate: 2 })).status).toBe(400);
    expect((await admin('POST', 'settings', { bogus: 1 })).status).toBe(400);
    await admin('POST', 'settings', { autoApprove: false });
  });

  it('answers 404 for an unknown admin path', async () => {
    expect((await admin('GET', 'nope')).status).toBe(404);
  });

  it('replaces the organization, which ListAccounts serves from then on', async () => {
    const original = emulator.accounts();
    const fixture = { accounts: [{ id: '123456789012', name: 'renamed', roles: ['Admin'] }] };
    expect((await admin('PUT', 'accounts', fixture)).json).toEqual({ accounts: 1 });
    const { token } = await signIn(emulator, oidcClient(emulator));
    const portal = portalClient(emulator);
    const listed = await portal.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(listed.accountList?.map((a) => [a.accountId, a.accountName])).toEqual([['123456789012', 'renamed']]);
    expect((await admin('PUT', 'accounts', { accounts: [{ id: 'nope', roles: [] }] })).status).toBe(400);
    portal.destroy();
    emulator.replaceAccounts(original);
  });
});

describe('secrets', () => {
  it('lists every secret issued, and none of them appears in the request log', async () => {
    const { token } = await signIn(emulator, oidcClient(emulator));
    const account = emulator.accounts()[0];
    const creds = await portalClient(emulator).send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: account?.accountId, roleName: account?.roles[0] }),
    );
    const secrets = (await admin('GET', 'secrets')).json.secrets as { kind: string; value: string }[];
    const values = secrets.map((s) => s.value);
    expect(values).toContain(token.accessToken);
    expect(values).toContain(token.refreshToken);
    expect(values).toContain(creds.roleCredentials?.secretAccessKey);
    expect(values).toContain(creds.roleCredentials?.sessionToken);
    expect(new Set(secrets.map((s) => s.kind))).toEqual(
      new Set(['clientSecret', 'deviceCode', 'accessToken', 'refreshToken', 'secretAccessKey', 'sessionToken']),
    );
    const log = logLines.join('\n');
    expect(log).toContain('GET /federation/credentials 200 GetRoleCredentials');
    for (const value of values) expect(log).not.toContain(value);
  });
});

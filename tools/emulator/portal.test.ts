import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  type AccountInfo,
  type SSOClient,
} from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, rejection, signIn, statusOf } from './test-support';

let emulator: RunningEmulator;
let sso: SSOClient;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 250, rolesPerAccount: 4, seed: 7 });
  sso = portalClient(emulator);
  accessToken = (await signIn(emulator, oidcClient(emulator))).token.accessToken ?? '';
});
afterAll(() => emulator.close());

async function allAccounts(pageSize?: number): Promise<{ accounts: AccountInfo[]; pages: number }> {
  const accounts: AccountInfo[] = [];
  let pages = 0;
  for await (const page of paginateListAccounts({ client: sso, ...(pageSize ? { pageSize } : {}) }, { accessToken })) {
    pages += 1;
    accounts.push(...(page.accountList ?? []));
  }
  return { accounts, pages };
}

describe('ListAccounts pagination', () => {
  it('pages 250 accounts 100 at a time, in order, each exactly once', async () => {
    const { accounts, pages } = await allAccounts(100);
    expect(pages).toBe(3);
    expect(accounts.map((a) => a.accountId)).toEqual(emulator.accounts().map((a) => a.accountId));
    expect(new Set(accounts.map((a) => a.accountId)).size).toBe(250);
    expect(accounts[0]?.accountId).toMatch(/^\d{12}$/);
    expect(accounts[0]).toMatchObject({ accountName: 'management', emailAddress: 'aws+management@example.com' });
  });

  it('uses 20 per page when max_result is omitted', async () => {
    const { accounts, pages } = await allAccounts();
    expect(pages).toBe(13);
    expect(accounts).toHaveLength(250);
  });

  it('gives an opaque next token holding "+" and "=" that the SDK encodes, and none on the last page', async () => {
    const first = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
    expect(first.nextToken).toMatch(/\+/);
    expect(first.nextToken).toMatch(/=/);
    const unencoded = await fetch(`${emulator.url}/assignment/accounts?next_token=${first.nextToken}`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(unencoded.status).toBe(400);
    const last = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken: (await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken: first.nextToken }))).nextToken }));
    expect(last.accountList).toHaveLength(50);
    expect(last.nextToken).toBeUndefined();
  });

  it('rejects max_result outside 1–100 with the exact AWS message', async () => {
    for (const maxResults of [0, 101, -1]) {
      const error = await rejection(sso.send(new ListAccountsCommand({ accessToken, maxResults })));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.message).toBe('ResultSize parameter must be within the valid limits of: 1-100');
      expect(statusOf(error)).toBe(400);
    }
  });

  it('rejects a forged or foreign next token', async () => {
    const error = await rejection(sso.send(new ListAccountsCommand({ accessToken, nextToken: 'MTAw+forged=' })));
    expect(error.name).toBe('InvalidRequestException');
    const account = emulator.accounts()[0]?.accountId;
    const rolesPage = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: account, maxResults: 1 }));
    const foreign = await rejection(sso.send(new ListAccountsCommand({ accessToken, nextToken: rolesPage.nextToken })));
    expect(foreign.name).toBe('InvalidRequestException');
  });
});

describe('ListAccountRoles and GetRoleCredentials', () => {
  it('pages an account’s roles', async () => {
    const account = emulator.accounts()[5];
    const roles: string[] = [];
    for await (const page of paginateListAccountRoles({ client: sso, pageSize: 3 }, { accessToken, accountId: account?.accountId })) {
      for (const role of page.roleList ?? []) {
        expect(role.accountId).toBe(account?.accountId);
        roles.push(role.roleName ?? '');
      }
    }
    expect(roles).toEqual(account?.roles);
  });

  it('issues role credentials with expiration in epoch milliseconds, --role-credentials-ttl from now', async () => {
    const account = emulator.accounts()[0];
    const response = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: account?.accountId, roleName: account?.roles[0] }));
    const creds = response.roleCredentials;
    expect(creds?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds?.secretAccessKey).toHaveLength(40);
    expect(Math.abs((creds?.expiration ?? 0) - (emulator.now() + 3600_000))).toBeLessThan(5000);
  });

  it('ignores query parameter order (the CLI sends role_name first)', async () => {
    const account = emulator.accounts()[1];
    const q = `role_name=${encodeURIComponent(account?.roles[0] ?? '')}&account_id=${account?.accountId}`;
    const response = await fetch(`${emulator.url}/federation/credentials?${q}`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('portal errors surface as the right SDK exception', () => {
  it('UnauthorizedException (401) for an unknown token (expired and logged-out: oidc-refresh.test.ts)', async () => {
    const unknown = await rejection(sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' })));
    expect(unknown.name).toBe('UnauthorizedException');
    expect(unknown.message).toBe('Session token not found or invalid');
    expect(statusOf(unknown)).toBe(401);
    const raw = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': 'nope' } });
    expect(await raw.text()).toBe(
      '{"message":"Session token not found or invalid","__type":"com.amazonaws.switchboard.portal#UnauthorizedException"}',
    );
  });

  it('ForbiddenException (403, "No access") for a role or account the user is not assigned', async () => {
    const account = emulator.accounts()[0];
    const wrongRole = await rejection(sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: account?.accountId, roleName: 'NotMyRole' })));
    expect(wrongRole.name).toBe('ForbiddenException');
    expect(wrongRole.message).toBe('No access');
    expect(statusOf(wrongRole)).toBe(403);
    const wrongAccount = await rejection(sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: '000000000000', roleName: account?.roles[0] })));
    expect(wrongAccount.name).toBe('ForbiddenException');
  });

  it('ResourceNotFoundException (404) for roles of an account not assigned', async () => {
    const error = await rejection(sso.send(new ListAccountRolesCommand({ accessToken, accountId: '000000000000' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(statusOf(error)).toBe(404);
  });

  it('InvalidRequestException (400) for a missing required parameter', async () => {
    const response = await fetch(`${emulator.url}/assignment/roles`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'account_id is required',
      __type: 'com.amazonaws.switchboard.portal#InvalidRequestException',
    });
  });

  it('TooManyRequestsException (429) when a throttle is injected through the admin API', async () => {
    emulator.injectFault('ListAccountRoles', 'TooManyRequestsException', 1);
    const account = emulator.accounts()[0]?.accountId;
    const error = await rejection(sso.send(new ListAccountRolesCommand({ accessToken, accountId: account })));
    expect(error.name).toBe('TooManyRequestsException');
    expect(statusOf(error)).toBe(429);
    await sso.send(new ListAccountRolesCommand({ accessToken, accountId: account }));
  });

  it('MethodNotAllowedException (405) for POST to a GET operation', async () => {
    const response = await fetch(`${emulator.url}/assignment/accounts`, { method: 'POST', headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { __type: string }).__type).toBe('com.amazonaws.switchboard.portal#MethodNotAllowedException');
  });
});

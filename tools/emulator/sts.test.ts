/**
 * STS `GetCallerIdentity`, called by botocore (the library under the `aws` command) with role credentials
 * the emulator issued. `@aws-sdk/client-sts` is not installed (the nested STS client has no
 * GetCallerIdentity), so the real client here is Python's botocore; those tests skip, saying why, where it
 * is not installed. The wire-level checks use `fetch` and always run.
 */
import { GetRoleCredentialsCommand, type RoleCredentials } from '@aws-sdk/client-sso';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { EMULATOR_USER_NAME } from './sts';
import { oidcClient, portalClient, signIn } from './test-support';

const ACCOUNT = '123456789012';

// Asynchronous, always: the emulator that answers botocore runs in this process.
function python(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('python3', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const probe = await python('import botocore; print(botocore.__version__)', {});
const botocoreVersion = probe.code === 0 ? probe.stdout.trim() : undefined;
if (botocoreVersion === undefined) console.log('[sts] botocore tests skipped: python3 with botocore is not installed on this machine');

// `aws sts get-caller-identity`, as botocore makes it: the endpoint comes from AWS_ENDPOINT_URL_STS.
const CALLER_IDENTITY = [
  'import json, botocore.session',
  'from botocore.exceptions import ClientError',
  "client = botocore.session.get_session().create_client('sts')",
  'try:',
  '    r = client.get_caller_identity()',
  "    print(json.dumps({'Account': r['Account'], 'Arn': r['Arn'], 'UserId': r['UserId'], 'RequestId': r['ResponseMetadata']['RequestId']}))",
  'except ClientError as e:',
  "    print(json.dumps({'Code': e.response['Error']['Code'], 'Message': e.response['Error']['Message'], 'Status': e.response['ResponseMetadata']['HTTPStatusCode']}))",
].join('\n');

interface BotocoreAnswer {
  readonly Account?: string;
  readonly Arn?: string;
  readonly UserId?: string;
  readonly RequestId?: string;
  readonly Code?: string;
  readonly Message?: string;
  readonly Status?: number;
}

let emulator: RunningEmulator;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({
    accessTokenTtl: 86_400,
    sessionTtl: 86_400,
    fixture: { accounts: [{ id: ACCOUNT, name: 'prod', roles: ['AdministratorAccess', 'ReadOnlyAccess'] }] },
  });
  accessToken = (await signIn(emulator, oidcClient(emulator))).token.accessToken ?? '';
});
afterAll(() => emulator.close());

async function credentials(roleName = 'AdministratorAccess'): Promise<Required<Pick<RoleCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>>> {
  const response = await portalClient(emulator).send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT, roleName }));
  const { accessKeyId = '', secretAccessKey = '', sessionToken = '' } = response.roleCredentials ?? {};
  return { accessKeyId, secretAccessKey, sessionToken };
}

async function botocoreCallerIdentity(creds: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<BotocoreAnswer> {
  const result = await python(CALLER_IDENTITY, {
    HOME: '/nonexistent',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_REGION: emulator.region,
    AWS_MAX_ATTEMPTS: '1',
    AWS_ENDPOINT_URL_STS: emulator.url,
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_SESSION_TOKEN: creds.sessionToken,
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as BotocoreAnswer;
}

function form(params: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ Action: 'GetCallerIdentity', Version: '2011-06-15', ...params });
}

function authorization(accessKeyId: string, service = 'sts'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

function xmlValue(body: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1];
}

describe.skipIf(botocoreVersion === undefined)(`GetCallerIdentity from botocore ${botocoreVersion ?? ''}`, () => {
  it('names the account and the role of credentials GetRoleCredentials issued', async () => {
    emulator.resetStats();
    const admin = await botocoreCallerIdentity(await credentials('AdministratorAccess'));
    expect(admin.Code).toBeUndefined();
    expect(admin.Account).toBe(ACCOUNT);
    expect(admin.Arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/${EMULATOR_USER_NAME}$`));
    expect(admin.UserId).toMatch(new RegExp(`^AROA[A-Z2-7]{17}:${EMULATOR_USER_NAME}$`));
    expect(admin.RequestId).toMatch(/^[0-9a-f-]{36}$/);

    // Stable per role: fresh credentials for the same role are the same identity; another role is not.
    const again = await botocoreCallerIdentity(await credentials('AdministratorAccess'));
    expect([again.Arn, again.UserId]).toEqual([admin.Arn, admin.UserId]);
    const readOnly = await botocoreCallerIdentity(await credentials('ReadOnlyAccess'));
    expect(readOnly.Arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}/`));
    expect(readOnly.UserId).not.toBe(admin.UserId);
    expect(emulator.stats()['GetCallerIdentity']?.byStatus).toEqual({ 200: 3 });
  });

  it('answers InvalidClientTokenId (403) for a key it never issued or the wrong session token', async () => {
    const creds = await credentials();
    const invented = { accessKeyId: 'ASIAINVENTED00000000', secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken };
    const otherToken = { ...creds, sessionToken: (await credentials()).sessionToken };
    for (const bad of [invented, otherToken]) {
      expect(await botocoreCallerIdentity(bad)).toEqual({
        Code: 'InvalidClientTokenId',
        Message: 'The security token included in the request is invalid.',
        Status: 403,
      });
    }
  });
});

describe('the STS wire format', () => {
  it('answers a form POST and a GET with XML whose RequestId matches the header', async () => {
    const { accessKeyId, sessionToken } = await credentials('ReadOnlyAccess');
    const headers = { authorization: authorization(accessKeyId), 'x-amz-security-token': sessionToken };
    const post = await fetch(`${emulator.url}/`, { method: 'POST', headers, body: form({}) });
    const get = await fetch(`${emulator.url}/?${form({}).toString()}`, { headers });
    for (const response of [post, get]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/xml');
      const body = await response.text();
      expect(body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
      expect(xmlValue(body, 'Account')).toBe(ACCOUNT);
      expect(xmlValue(body, 'Arn')).toContain(':assumed-role/AWSReservedSSO_ReadOnlyAccess_');
      expect(xmlValue(body, 'RequestId')).toBe(response.headers.get('x-amzn-requestid'));
    }
  });

  it('still serves the landing page on a plain GET /', async () => {
    const response = await fetch(`${emulator.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('requires the Authorization header (or a presigned credential)', async () => {
    const response = await fetch(`${emulator.url}/`, { method: 'POST', body: form({}) });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(xmlValue(body, 'Type')).toBe('Sender');
    expect(xmlValue(body, 'Code')).toBe('MissingAuthenticationToken');
    expect(xmlValue(body, 'RequestId')).toBe(response.headers.get('x-amzn-requestid'));

    const { accessKeyId, sessionToken } = await credentials();
    const presigned = form({ 'X-Amz-Credential': `${accessKeyId}/20260101/us-east-1/sts/aws4_request`, 'X-Amz-Security-Token': sessionToken });
    expect((await fetch(`${emulator.url}/?${presigned.toString()}`)).status).toBe(200);
  });

  it('refuses other actions, other versions and credentials scoped to another service', async () => {
    const { accessKeyId, sessionToken } = await credentials();
    const headers = { authorization: authorization(accessKeyId), 'x-amz-security-token': sessionToken };
    const send = (params: Record<string, string>, h: Record<string, string> = headers): Promise<Response> =>
      fetch(`${emulator.url}/`, { method: 'POST', headers: h, body: form(params) });
    const assume = await send({ Action: 'AssumeRole' });
    expect(assume.status).toBe(400);
    expect(xmlValue(await assume.text(), 'Code')).toBe('InvalidAction');
    expect((await send({ Version: '2010-01-01' })).status).toBe(400);
    const wrongScope = await send({}, { ...headers, authorization: authorization(accessKeyId, 's3') });
    expect(wrongScope.status).toBe(403);
    expect(xmlValue(await wrongScope.text(), 'Code')).toBe('SignatureDoesNotMatch');
    const noCredential = await send({}, { ...headers, authorization: 'AWS4-HMAC-SHA256 Signature=00' });
    expect(xmlValue(await noCredential.text(), 'Code')).toBe('IncompleteSignature');
  });
});

// Last: it moves the emulator clock past every credential issued so far.
describe('expiry', () => {
  it('answers ExpiredToken (400) once the credentials expire on the emulator clock', async () => {
    const creds = await credentials();
    emulator.advanceClock(3601);
    const headers = { authorization: authorization(creds.accessKeyId), 'x-amz-security-token': creds.sessionToken };
    const response = await fetch(`${emulator.url}/`, { method: 'POST', headers, body: form({}) });
    expect(response.status).toBe(400);
    expect(xmlValue(await response.text(), 'Code')).toBe('ExpiredToken');
    if (botocoreVersion !== undefined) {
      expect(await botocoreCallerIdentity(creds)).toEqual({
        Code: 'ExpiredToken',
        Message: 'The security token included in the request is expired',
        Status: 400,
      });
    }
  });
});

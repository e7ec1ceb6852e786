import { GetRoleCredentialsCommand, type RoleCredentials } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, signIn } from './test-support';

const HOSTILE_NAME = '<script>alert("x")</script> & "prod"';

let emulator: RunningEmulator;
let accessToken: string;

beforeAll(async () => {
  // Long token lifetimes, because the tests below move the clock past role-credential and sign-in expiry.
  emulator = await startEmulator({
    accessTokenTtl: 86_400,
    sessionTtl: 86_400,
    fixture: {
      accounts: [
        { id: '123456789012', name: HOSTILE_NAME, email: 'a@example.com', roles: ['AdministratorAccess', '<b>Role</b>'] },
      ],
    },
  });
  accessToken = (await signIn(emulator, oidcClient(emulator))).token.accessToken ?? '';
});
afterAll(() => emulator.close());

async function credentials(roleName = 'AdministratorAccess'): Promise<RoleCredentials> {
  const response = await portalClient(emulator).send(
    new GetRoleCredentialsCommand({ accessToken, accountId: '123456789012', roleName }),
  );
  return response.roleCredentials ?? {};
}

function sessionParam(creds: RoleCredentials): string {
  return JSON.stringify({ sessionId: creds.accessKeyId, sessionKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
}

async function getSigninToken(params: Record<string, string>, method: 'GET' | 'POST' = 'POST'): Promise<Response> {
  const body = new URLSearchParams({ Action: 'getSigninToken', ...params });
  return method === 'POST'
    ? fetch(`${emulator.url}/federation`, { method, body })
    : fetch(`${emulator.url}/federation?${body.toString()}`);
}

function loginUrl(token: string, destination = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1'): string {
  const q = new URLSearchParams({ Action: 'login', Issuer: 'Rolecall', Destination: destination, SigninToken: token });
  return `${emulator.url}/federation?${q.toString()}`;
}

describe('getSigninToken', () => {
  it('exchanges live issued credentials for a sign-in token, by POST and by GET', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const response = await getSigninToken({ Session: sessionParam(await credentials()) }, method);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { SigninToken: string };
      expect(body.SigninToken.length).toBeGreaterThan(100);
    }
  });

  it('refuses credentials it did not issue, altered ones and expired ones', async () => {
    const creds = await credentials();
    // A last character the key does not have (a fixed 'x' would match 1 key in 64 and flake).
    const secret = creds.secretAccessKey ?? '';
    const forged = { ...creds, secretAccessKey: `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}` };
    const invented = { accessKeyId: 'ASIAINVENTED000000000', secretAccessKey: 'x', sessionToken: 'y' };
    for (const bad of [forged, invented]) {
      const response = await getSigninToken({ Session: sessionParam(bad) });
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('Invalid credentials parameter');
    }
    expect((await getSigninToken({ Session: 'not json' })).status).toBe(400);
    expect((await getSigninToken({})).status).toBe(400);
    emulator.advanceClock(3601);
    expect((await getSigninToken({ Session: sessionParam(creds) })).status).toBe(400);
  });

  it('accepts SessionDuration 900–43200 and rejects anything else with 400', async () => {
    const session = sessionParam(await credentials());
    for (const ok of ['900', '43200']) expect((await getSigninToken({ Session: session, SessionDuration: ok })).status).toBe(200);
    for (const bad of ['899', '43201', '1e3', '', 'abc']) {
      expect((await getSigninToken({ Session: session, SessionDuration: bad })).status).toBe(400);
    }
  });
});

describe('login', () => {
  it('shows who is signed in, HTML-escaped, with the destination and issuer, once', async () => {
    const response = await getSigninToken({ Session: sessionParam(await credentials('<b>Role</b>')), SessionDuration: '3600' });
    const { SigninToken } = (await response.json()) as { SigninToken: string };
    const page = await fetch(loginUrl(SigninToken));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(
      'Signed in to &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;prod&quot; (123456789012) as &lt;b&gt;Role&lt;/b&gt;',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Role');
    expect(html).toContain('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
    expect(html).toContain('Rolecall');
    expect(emulator.consoleLogins().at(-1)).toMatchObject({ accountId: '123456789012', roleName: '<b>Role</b>', issuer: 'Rolecall' });

    const again = await fetch(loginUrl(SigninToken));
    expect(again.status).toBe(400);
  });

  it('refuses a sign-in token older than 15 minutes, an unknown one, and a non-https destination', async () => {
    const make = async () =>
      ((await (await getSigninToken({ Session: sessionParam(await credentials()) })).json()) as { SigninToken: string }).SigninToken;
    const old = await make();
    emulator.advanceClock(901);
    expect((await fetch(loginUrl(old))).status).toBe(400);
    expect((await fetch(loginUrl('unknown'))).status).toBe(400);
    expect((await fetch(loginUrl(await make(), 'javascript:alert(1)'))).status).toBe(400);
  });

  it('answers 400 for an unknown Action', async () => {
    expect((await fetch(`${emulator.url}/federation?Action=steal`)).status).toBe(400);
  });
});

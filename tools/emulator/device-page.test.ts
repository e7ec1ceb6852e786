import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, rejection } from './test-support';

let emulator: RunningEmulator;
let oidc: SSOOIDCClient;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 2 });
  oidc = oidcClient(emulator);
});
afterAll(() => emulator.close());

async function startDevice(clientName = 'botocore-client-my-sso') {
  const reg = await oidc.send(new RegisterClientCommand({ clientName, clientType: 'public', scopes: ['sso:account:access'] }));
  const input = { clientId: reg.clientId, clientSecret: reg.clientSecret };
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ ...input, startUrl: emulator.startUrl }));
  const poll = () =>
    oidc.send(new CreateTokenCommand({ ...input, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: device.deviceCode }));
  return { device, poll };
}

function decide(userCode: string, decision: string): Promise<Response> {
  return fetch(`${emulator.url}/device`, { method: 'POST', body: new URLSearchParams({ user_code: userCode, decision }) });
}

describe('device verification page', () => {
  it('shows the code and the application at verificationUriComplete, with a strict CSP and no script', async () => {
    const { device } = await startDevice('<img src=x onerror=alert(1)>');
    const response = await fetch(device.verificationUriComplete ?? '');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toContain(`<div class="code" aria-label="Code">${device.userCode}</div>`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|<[^>]*\son[a-z]+=/i);
    expect(html).toContain('<link rel="stylesheet" href="/assets/emulator.css">');
    const css = await fetch(`${emulator.url}/assets/emulator.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('asks for the code at verificationUri, and accepts it typed in lower case without the dash', async () => {
    const { device } = await startDevice();
    const entry = await (await fetch(device.verificationUri ?? '')).text();
    expect(entry).toContain('name="user_code"');
    const typed = (device.userCode ?? '').replace('-', '').toLowerCase();
    const confirm = await (await fetch(`${emulator.url}/device?user_code=${typed}`)).text();
    expect(confirm).toContain(device.userCode);
    expect(confirm).toContain('value="approve"');
    const unknown = await (await fetch(`${emulator.url}/device?user_code=ZZZZ-ZZZZ`)).text();
    expect(unknown).toContain('not recognised');
  });

  it('Approve (form POST) lets the client get its token', async () => {
    const { device, poll } = await startDevice();
    const page = await decide(device.userCode ?? '', 'approve');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Request approved');
    const token = await poll();
    expect(token.accessToken).toMatch(/^aoa/);
    expect(await (await decide(device.userCode ?? '', 'approve')).text()).toContain('Already answered');
  });

  it('Deny (form POST) makes the client get access_denied', async () => {
    const { device, poll } = await startDevice();
    expect(await (await decide(device.userCode ?? '', 'deny')).text()).toContain('Request denied');
    expect((await rejection(poll())).name).toBe('AccessDeniedException');
  });

  it('says so when the code has expired', async () => {
    const { device } = await startDevice();
    emulator.advanceClock(601);
    expect(await (await fetch(device.verificationUriComplete ?? '')).text()).toContain('Code expired');
    const late = await decide(device.userCode ?? '', 'approve');
    expect(late.status).toBe(400);
  });

  it('shows a landing page at /', async () => {
    const html = await (await fetch(`${emulator.url}/`)).text();
    expect(html).toContain(`export AWS_ENDPOINT_URL_SSO_OIDC=${emulator.url}`);
  });
});

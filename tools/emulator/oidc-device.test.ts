import {
  CreateTokenCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, register, rejection, signIn, statusOf } from './test-support';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

let emulator: RunningEmulator;
let oidc: SSOOIDCClient;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 5 });
  oidc = oidcClient(emulator);
});
afterAll(() => emulator.close());

async function startDevice(scopes?: string[]) {
  const reg = await register(oidc, scopes);
  const clientId = reg.clientId ?? '';
  const clientSecret = reg.clientSecret ?? '';
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emulator.startUrl }));
  const poll = () =>
    oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode: device.deviceCode }));
  return { clientId, clientSecret, device, poll };
}

describe('RegisterClient', () => {
  it('registers a public client for 90 days with an id that ends in the base64 of the region', async () => {
    const reg = await register(oidc);
    expect(reg.clientSecret).toMatch(/^eyJraWQi/);
    expect(reg.clientId).toMatch(/dXMtZWFzdC0x$/);
    expect((reg.clientSecretExpiresAt ?? 0) - (reg.clientIdIssuedAt ?? 0)).toBe(7_776_000);
    expect(Math.abs((reg.clientIdIssuedAt ?? 0) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('rejects a client type other than public and unknown grant types', async () => {
    const { RegisterClientCommand } = await import('@aws-sdk/client-sso-oidc');
    const badType = await rejection(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })));
    expect(badType.name).toBe('InvalidClientMetadataException');
    const badGrant = await rejection(
      oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: ['password'] })),
    );
    expect(badGrant.name).toBe('UnsupportedGrantTypeException');
    const badUri = await rejection(
      oidc.send(
        new RegisterClientCommand({
          clientName: 'x', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: ['https://evil.example/cb'],
        }),
      ),
    );
    expect(badUri.name).toBe('InvalidRedirectUriException');
  });
});

describe('device authorization', () => {
  it('hands out a user code, verification URIs on the emulator, expiresIn 600 and interval 1', async () => {
    const { device } = await startDevice();
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.verificationUri).toBe(`${emulator.url}/device`);
    expect(device.verificationUriComplete).toBe(`${emulator.url}/device?user_code=${device.userCode}`);
    expect(device.expiresIn).toBe(600);
    expect(device.interval).toBe(1);
  });

  it('goes pending → slow_down → approved, with the interval growing by 5 s after slow_down', async () => {
    const { device, poll } = await startDevice();
    const pending = await rejection(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error).toBe('authorization_pending');
    expect(pending.error_description).toBe('Authorization is still pending');
    expect(pending.message).toBe('UnknownError');
    expect(statusOf(pending)).toBe(400);

    const tooFast = await rejection(poll());
    expect(tooFast.name).toBe('SlowDownException');
    expect(tooFast.error).toBe('slow_down');

    emulator.advanceClock(2); // > 1 s, but < the 6 s now required
    expect((await rejection(poll())).name).toBe('SlowDownException');

    emulator.advanceClock(11); // ≥ 1 + 5 + 5 s
    expect((await rejection(poll())).name).toBe('AuthorizationPendingException');

    expect(emulator.approve(device.userCode ?? '')).toBe('approved');
    const token = await poll();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(3600);
    expect(token.accessToken).toMatch(/^aoa/);
    expect(token.refreshToken).toMatch(/^aor/);

    const reused = await rejection(poll());
    expect(reused.name).toBe('InvalidGrantException');
  });

  it('does not slow down a client that polls exactly at the interval (real time)', async () => {
    const { poll } = await startDevice();
    expect((await rejection(poll())).name).toBe('AuthorizationPendingException');
    for (let i = 0; i < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await rejection(poll())).name).toBe('AuthorizationPendingException');
    }
  });

  it('answers access_denied once the person denies', async () => {
    const { device, poll } = await startDevice();
    expect(emulator.deny(device.userCode ?? '')).toBe('denied');
    const denied = await rejection(poll());
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.error).toBe('access_denied');
    expect(emulator.approve(device.userCode ?? '')).toBe('already-decided');
  });

  it('answers expired_token once expiresIn has passed', async () => {
    const { device, poll } = await startDevice();
    emulator.advanceClock(601);
    const expired = await rejection(poll());
    expect(expired.name).toBe('ExpiredTokenException');
    expect(expired.error).toBe('expired_token');
    expect(emulator.approve(device.userCode ?? '')).toBe('expired');
  });

  it('answers invalid_grant for a device code that was never issued', async () => {
    const { clientId, clientSecret } = await startDevice();
    const error = await rejection(
      oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode: 'nope' })),
    );
    expect(error.name).toBe('InvalidGrantException');
  });

  it('gives unscoped (legacy) clients an 8 h token and no refresh token', async () => {
    const { token } = await signIn(emulator, oidc, []);
    expect(token.expiresIn).toBe(28_800);
    expect(token.refreshToken).toBeUndefined();
  });
});

describe('client authentication', () => {
  it('answers 401 invalid_client for an unknown client or a wrong secret', async () => {
    const reg = await register(oidc);
    for (const [clientId, clientSecret] of [['unknown', 'x'], [reg.clientId ?? '', 'wrong']]) {
      const error = await rejection(
        oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emulator.startUrl })),
      );
      expect(error.name).toBe('InvalidClientException');
      expect(error.error).toBe('invalid_client');
      expect(statusOf(error)).toBe(401);
    }
  });

  it('lets an expired registration start a device authorization (as AWS does) but not get a token', async () => {
    const local = await startEmulator({ accounts: 1, registrationTtl: 60 });
    try {
      const client = oidcClient(local);
      const reg = await register(client);
      local.advanceClock(61);
      const clientId = reg.clientId ?? '';
      const clientSecret = reg.clientSecret ?? '';
      const device = await client.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: local.startUrl }));
      expect(local.approve(device.userCode ?? '')).toBe('invalid-client');
      const error = await rejection(
        client.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode: device.deviceCode })),
      );
      expect(error.name).toBe('InvalidClientException');
      expect(statusOf(error)).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('rejects a start URL that is not this portal, but tolerates a trailing slash', async () => {
    const reg = await register(oidc);
    const input = { clientId: reg.clientId, clientSecret: reg.clientSecret };
    const wrong = await rejection(
      oidc.send(new StartDeviceAuthorizationCommand({ ...input, startUrl: 'https://d-0000000000.awsapps.com/start' })),
    );
    expect(wrong.name).toBe('InvalidRequestException');
    await oidc.send(new StartDeviceAuthorizationCommand({ ...input, startUrl: `${emulator.startUrl}/` }));
  });

  it('answers unsupported_grant_type for a grant it does not know', async () => {
    const reg = await register(oidc);
    const error = await rejection(
      oidc.send(new CreateTokenCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, grantType: 'password' })),
    );
    expect(error.name).toBe('UnsupportedGrantTypeException');
  });
});

describe('wire format', () => {
  it('sends OIDC errors byte for byte as AWS does (aws-cli #5878)', async () => {
    const { clientId, clientSecret, device } = await startDevice();
    const response = await fetch(`${emulator.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode: device.deviceCode }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-errortype')).toBe(
      'AuthorizationPendingException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/',
    );
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await response.text()).toBe('{"error":"authorization_pending","error_description":"Authorization is still pending"}');
  });

  it('answers invalid_request for a body that is not a JSON object', async () => {
    const response = await fetch(`${emulator.url}/client/register`, { method: 'POST', body: '[1]' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^InvalidRequestException:/);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient, rejection } from './test-support';

let emulator: RunningEmulator;
let oidc: SSOOIDCClient;

beforeAll(async () => {
  emulator = await startEmulator({ accounts: 3 });
  oidc = oidcClient(emulator);
});
afterAll(() => emulator.close());

/** What the CLI registers for PKCE: port-less loopback redirect URI (reference §1.2). */
async function registerPkce(redirectUris = ['http://127.0.0.1/oauth/callback']) {
  const reg = await oidc.send(
    new RegisterClientCommand({
      clientName: 'botocore-client-pkce',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris,
      issuerUrl: emulator.startUrl,
      scopes: ['sso:account:access'],
    }),
  );
  return { clientId: reg.clientId ?? '', clientSecret: reg.clientSecret ?? '' };
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(clientId: string, redirectUri: string, challenge: string, state: string, scopes = 'sso:account:access') {
  // Parameter order and encoding as the CLI builds it (reference §1.4).
  const q = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state,
    code_challenge_method: 'S256', scopes, code_challenge: challenge,
  });
  return `${emulator.url}/authorize?${q.toString().replace(/\+/g, '%20')}`;
}

/** Plays the browser: GET /authorize, then submit the consent form with `decision`. */
async function browserAuthorize(url: string, decision: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(url, { redirect: 'manual' });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(`${emulator.url}/authorize/decision`, {
    method: 'POST',
    body: new URLSearchParams({ request, decision }),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

describe('PKCE authorization code flow', () => {
  it('redirects to the loopback with code and state after consent; the SDK exchanges the code', async () => {
    const { clientId, clientSecret } = await registerPkce();
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://127.0.0.1:36649/oauth/callback';
    const location = await browserAuthorize(authorizeUrl(clientId, redirectUri, challenge, 'state-123'), 'approve');
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code') ?? '';
    const token = await oidc.send(
      new CreateTokenCommand({ clientId, clientSecret, grantType: 'authorization_code', redirectUri, codeVerifier: verifier, code }),
    );
    expect(token.expiresIn).toBe(3600);
    expect(token.refreshToken).toMatch(/^aor/);
    await portalClient(emulator).send(new ListAccountsCommand({ accessToken: token.accessToken }));

    const reused = await rejection(
      oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: 'authorization_code', redirectUri, codeVerifier: verifier, code })),
    );
    expect(reused.name).toBe('InvalidGrantException');
  });

  it('redirects with error=access_denied and the state when the person denies', async () => {
    const { clientId } = await registerPkce();
    const { challenge } = pkcePair();
    const location = await browserAuthorize(
      authorizeUrl(clientId, 'http://127.0.0.1:40000/oauth/callback', challenge, 's-deny'), 'deny',
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('s-deny');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('rejects a code verifier that does not match the S256 challenge, and a different redirectUri', async () => {
    emulator.updateSettings({ autoApprove: true });
    try {
      const { clientId, clientSecret } = await registerPkce();
      const { challenge } = pkcePair();
      const redirectUri = 'http://127.0.0.1:41000/oauth/callback';
      for (const wrong of [
        { codeVerifier: pkcePair().verifier, redirectUri },
        { codeVerifier: 'x'.repeat(43), redirectUri: 'http://127.0.0.1:41001/oauth/callback' },
      ]) {
        const response = await fetch(authorizeUrl(clientId, redirectUri, challenge, 's'), { redirect: 'manual' });
        expect(response.status).toBe(302);
        const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
        const error = await rejection(
          oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: 'authorization_code', code, ...wrong })),
        );
        expect(error.name).toBe('InvalidGrantException');
      }
    } finally {
      emulator.updateSettings({ autoApprove: false });
    }
  });

  it('accepts comma-separated scopes (AWS toolkit) and answers invalid_scope for one not registered', async () => {
    emulator.updateSettings({ autoApprove: true });
    try {
      const { clientId } = await registerPkce();
      const { challenge } = pkcePair();
      const redirectUri = 'http://127.0.0.1:42000/oauth/callback';
      const ok = await fetch(authorizeUrl(clientId, redirectUri, challenge, 's', 'sso:account:access,sso:account:access'), { redirect: 'manual' });
      expect(new URL(ok.headers.get('location') ?? '').searchParams.has('code')).toBe(true);
      const bad = await fetch(authorizeUrl(clientId, redirectUri, challenge, 's', 'codewhisperer:completions'), { redirect: 'manual' });
      expect(new URL(bad.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
    } finally {
      emulator.updateSettings({ autoApprove: false });
    }
  });

  it('never redirects to a URI the client did not register, nor for an unknown client', async () => {
    const { clientId } = await registerPkce(['http://127.0.0.1:43000/oauth/callback']);
    const { challenge } = pkcePair();
    const otherPort = await fetch(authorizeUrl(clientId, 'http://127.0.0.1:43001/oauth/callback', challenge, 's'), { redirect: 'manual' });
    expect(otherPort.status).toBe(400);
    expect(await otherPort.text()).toContain('Invalid redirect URI');
    const evil = await fetch(authorizeUrl(clientId, 'https://evil.example/oauth/callback', challenge, 's'), { redirect: 'manual' });
    expect(evil.status).toBe(400);
    const unknown = await fetch(authorizeUrl('nope', 'http://127.0.0.1:43000/oauth/callback', challenge, 's'), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Invalid client');
  });

  it('sends a malformed request back to the client with error=invalid_request', async () => {
    const { clientId } = await registerPkce();
    const url = authorizeUrl(clientId, 'http://127.0.0.1:44000/oauth/callback', 'too-short', 's-bad');
    const response = await fetch(url.replace('S256', 'plain'), { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('s-bad');
  });
});

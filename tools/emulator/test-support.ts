import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandOutput,
  type RegisterClientCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { SSOClient } from '@aws-sdk/client-sso';
import type { RunningEmulator } from './index';

/**
 * Helpers shared by the emulator's tests (not a test file itself).
 *
 * Clients use `maxAttempts: 1` unless a test wants retries, so an error is seen as the emulator sent it.
 */

/** A real SSO OIDC client pointed at the emulator. */
export function oidcClient(emulator: RunningEmulator, maxAttempts = 1): SSOOIDCClient {
  return new SSOOIDCClient({ region: emulator.region, endpoint: emulator.url, maxAttempts });
}

/** A real SSO portal client pointed at the emulator. */
export function portalClient(emulator: RunningEmulator, maxAttempts = 1): SSOClient {
  return new SSOClient({ region: emulator.region, endpoint: emulator.url, maxAttempts });
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('Expected the promise to reject, but it resolved');
}

/** The HTTP status an SDK error carries. */
export function statusOf(error: Record<string, unknown>): number | undefined {
  const metadata = error.$metadata as { httpStatusCode?: number } | undefined;
  return metadata?.httpStatusCode;
}

/** Registers a client the way the CLI does for an sso-session (scoped) or a legacy profile (no scopes). */
export function register(
  oidc: SSOOIDCClient,
  scopes: string[] | undefined = ['sso:account:access'],
): Promise<RegisterClientCommandOutput> {
  return oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-test', clientType: 'public', scopes }));
}

/** A signed-in user: the registration and the first token set. */
export interface SignedIn {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly token: CreateTokenCommandOutput;
}

/** Signs in through the device flow, approving through the admin helpers. */
export async function signIn(emulator: RunningEmulator, oidc: SSOOIDCClient, scopes?: string[]): Promise<SignedIn> {
  const reg = await register(oidc, scopes);
  const clientId = reg.clientId ?? '';
  const clientSecret = reg.clientSecret ?? '';
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emulator.startUrl }),
  );
  expectResult(emulator.approve(device.userCode ?? ''), 'approved');
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId,
      clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: device.deviceCode,
    }),
  );
  return { clientId, clientSecret, token };
}

/**
 * Signs in with a fresh client and returns just the access token, for callers that only need to call
 * the portal (the discovery tests and the benchmark). `maxAttempts` lets a caller ride out `--fail-rate`.
 */
export async function signInForAccessToken(emulator: RunningEmulator, maxAttempts = 3): Promise<string> {
  const oidc = new SSOOIDCClient({ region: emulator.region, endpoint: emulator.url, maxAttempts });
  try {
    const { token } = await signIn(emulator, oidc, ['sso:account:access']);
    if (token.accessToken === undefined) throw new Error('CreateToken returned no access token');
    return token.accessToken;
  } finally {
    oidc.destroy();
  }
}

function expectResult(actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`Expected ${expected}, got ${actual}`);
}

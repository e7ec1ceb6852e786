/**
 * The SSO OIDC calls Rolecall makes, over the real AWS SDK client.
 */
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { ACCOUNT_ACCESS_SCOPE, DEVICE_CODE_GRANT, type Registration } from './registration';

/** A device authorization as Rolecall keeps it: the device code never leaves main. */
export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly intervalSeconds: number;
}

/** The tokens a successful CreateToken returns. */
export interface TokenGrant {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly refreshToken?: string;
}

/** What a PKCE registration adds: the loopback redirect URI and the issuer (the start URL). */
export interface PkceRegistration {
  readonly grantTypes: readonly string[];
  readonly redirectUris: readonly string[];
  readonly issuerUrl: string;
}

/** Registers a public client with refresh tokens: for the device code, or for PKCE when `pkce` is given. */
export async function registerClient(client: SSOOIDCClient, sessionName: string, signal?: AbortSignal, pkce?: PkceRegistration): Promise<Registration> {
  const grantTypes = pkce === undefined ? [DEVICE_CODE_GRANT, 'refresh_token'] : [...pkce.grantTypes];
  const response = await client.send(
    new RegisterClientCommand({
      clientName: `rolecall-${sessionName}`,
      clientType: 'public',
      scopes: [ACCOUNT_ACCESS_SCOPE],
      grantTypes,
      ...(pkce !== undefined && { redirectUris: [...pkce.redirectUris], issuerUrl: pkce.issuerUrl }),
    }),
    { abortSignal: signal },
  );
  if (response.clientId === undefined || response.clientSecret === undefined || response.clientSecretExpiresAt === undefined) {
    throw new Error('RegisterClient returned no client');
  }
  return {
    clientId: response.clientId,
    clientSecret: response.clientSecret,
    expiresAt: new Date(response.clientSecretExpiresAt * 1000),
    scopes: [ACCOUNT_ACCESS_SCOPE],
    grantTypes,
  };
}

/** Starts a device authorization for the start URL. */
export async function startDeviceAuthorization(
  client: SSOOIDCClient,
  registration: Registration,
  startUrl: string,
  now: number,
  signal?: AbortSignal,
): Promise<DeviceAuthorization> {
  const response = await client.send(
    new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl }),
    { abortSignal: signal },
  );
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn } = response;
  if (deviceCode === undefined || userCode === undefined || verificationUri === undefined || expiresIn === undefined) {
    throw new Error('StartDeviceAuthorization returned no code');
  }
  return {
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: verificationUriComplete ?? verificationUri,
    expiresAt: now + expiresIn * 1000,
    intervalSeconds: response.interval ?? 5,
  };
}

/** The grant in a CreateToken answer, its expiry counted from `now`. */
export function toGrant(
  response: { accessToken?: string; expiresIn?: number; refreshToken?: string },
  now: number,
): TokenGrant {
  if (response.accessToken === undefined || response.expiresIn === undefined) throw new Error('CreateToken returned no token');
  return {
    accessToken: response.accessToken,
    expiresAt: now + response.expiresIn * 1000,
    ...(response.refreshToken !== undefined && { refreshToken: response.refreshToken }),
  };
}

/** Asks once whether the person approved the device authorization. */
export async function createTokenFromDeviceCode(
  client: SSOOIDCClient,
  registration: Registration,
  deviceCode: string,
  now: () => number,
  signal?: AbortSignal,
): Promise<TokenGrant> {
  const response = await client.send(
    new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: DEVICE_CODE_GRANT,
      deviceCode,
    }),
    { abortSignal: signal },
  );
  return toGrant(response, now());
}

/** Exchanges a refresh token for a new access token (and a rotated refresh token). */
export async function createTokenFromRefreshToken(
  client: SSOOIDCClient,
  credentials: { clientId: string; clientSecret: string; refreshToken: string },
  now: () => number,
): Promise<TokenGrant> {
  const response = await client.send(
    new CreateTokenCommand({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      grantType: 'refresh_token',
      refreshToken: credentials.refreshToken,
    }),
  );
  return toGrant(response, now());
}

/**
 * An expiry truncated to whole seconds, as the AWS CLI's token file stores it, so that what Rolecall
 * shows and what it reads back from the file agree.
 */
export function wholeSeconds(epochMs: number): Date {
  return new Date(Math.floor(epochMs / 1000) * 1000);
}

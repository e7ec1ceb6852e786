import type { EmulatorContext, RequestInfo } from './context';
import { autoApproveDevice } from './device-flow';
import { oidcError } from './errors';
import { jsonReply, optionalString, optionalStringList, parseJsonObject, requiredString, type Reply } from './http-util';
import { newClientId, newClientSecret, newDeviceCode, newUserCode } from './ids';
import { isAcceptableRedirectUri } from './redirect-uri';
import { recordSecret, type DeviceAuthorization, type Registration } from './state';

/** The grant types RegisterClient accepts (reference §1.2). */
export const GRANT_TYPES = {
  authorizationCode: 'authorization_code',
  deviceCode: 'urn:ietf:params:oauth:grant-type:device_code',
  refreshToken: 'refresh_token',
} as const;

const KNOWN_GRANTS: ReadonlySet<string> = new Set(Object.values(GRANT_TYPES));
const SCOPE = /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.*-]+)+$/;

/** Builds an InvalidRequestException for a malformed OIDC request. */
export function invalidRequest(why: string): ReturnType<typeof oidcError> {
  return oidcError('InvalidRequestException', why);
}

/** Parses an OIDC request body (JSON object). */
export function oidcBody(request: RequestInfo): Record<string, unknown> {
  return parseJsonObject(request.body, invalidRequest);
}

/** RegisterClient — `POST /client/register`. */
export function registerClient(context: EmulatorContext, request: RequestInfo): Reply {
  const body = oidcBody(request);
  const clientName = requiredString(body, 'clientName', invalidRequest);
  const clientType = requiredString(body, 'clientType', invalidRequest);
  if (clientType !== 'public') throw oidcError('InvalidClientMetadataException', 'Invalid client type');
  const scopes = optionalStringList(body, 'scopes', invalidRequest) ?? [];
  const grantTypes = optionalStringList(body, 'grantTypes', invalidRequest);
  const redirectUris = optionalStringList(body, 'redirectUris', invalidRequest) ?? [];
  optionalString(body, 'issuerUrl', invalidRequest);
  checkRegistration(scopes, grantTypes, redirectUris);
  const issuedAtSeconds = Math.floor(context.clock.now() / 1000);
  const expiresAtSeconds = issuedAtSeconds + context.config.registrationTtl;
  const registration: Registration = {
    clientId: newClientId(context.config.region),
    clientSecret: recordSecret(context.state, 'clientSecret', newClientSecret()),
    clientName,
    scopes,
    grantTypes,
    redirectUris,
    issuedAt: issuedAtSeconds * 1000,
    expiresAt: expiresAtSeconds * 1000,
  };
  context.state.registrations.set(registration.clientId, registration);
  return jsonReply(200, {
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    clientIdIssuedAt: issuedAtSeconds,
    clientSecretExpiresAt: expiresAtSeconds,
  });
}

function checkRegistration(scopes: string[], grantTypes: string[] | undefined, redirectUris: string[]): void {
  const badScope = scopes.find((scope) => !SCOPE.test(scope));
  if (badScope !== undefined) throw oidcError('InvalidScopeException', `Invalid scope: ${badScope}`);
  const badGrant = grantTypes?.find((grant) => !KNOWN_GRANTS.has(grant));
  if (badGrant !== undefined) throw oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${badGrant}`);
  const badUri = redirectUris.find((uri) => !isAcceptableRedirectUri(uri));
  if (badUri !== undefined) throw oidcError('InvalidRedirectUriException', 'Invalid redirect URI');
  if (grantTypes?.includes(GRANT_TYPES.authorizationCode) && redirectUris.length === 0) {
    throw oidcError('InvalidRedirectUriException', 'The authorization_code grant requires redirectUris');
  }
}

/** The grants a registration may use; without explicit grantTypes, the device flow and refresh. */
export function allowedGrants(registration: Registration): readonly string[] {
  return registration.grantTypes ?? [GRANT_TYPES.deviceCode, GRANT_TYPES.refreshToken];
}

/**
 * Finds a registration by id and secret, or answers 401 InvalidClientException.
 *
 * `allowExpired` exists because StartDeviceAuthorization still succeeds for an expired registration on AWS;
 * the failure only shows later, in the browser and at CreateToken (reference §1.2).
 */
export function authenticateClient(
  context: EmulatorContext,
  clientId: string,
  clientSecret: string,
  allowExpired = false,
): Registration {
  const registration = context.state.registrations.get(clientId);
  if (!registration || registration.clientSecret !== clientSecret) {
    throw oidcError('InvalidClientException', 'Invalid client provided');
  }
  if (!allowExpired && context.clock.now() >= registration.expiresAt) {
    throw oidcError('InvalidClientException', 'Client registration has expired');
  }
  return registration;
}

/** Compares start URLs the way a person means them: a trailing `/` or `#/` does not make another portal. */
export function sameStartUrl(a: string, b: string): boolean {
  const norm = (url: string): string => url.replace(/#.*$/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/** StartDeviceAuthorization — `POST /device_authorization`. */
export function startDeviceAuthorization(context: EmulatorContext, request: RequestInfo): Reply {
  const body = oidcBody(request);
  const clientId = requiredString(body, 'clientId', invalidRequest);
  const clientSecret = requiredString(body, 'clientSecret', invalidRequest);
  const startUrl = requiredString(body, 'startUrl', invalidRequest);
  const registration = authenticateClient(context, clientId, clientSecret, true);
  if (!allowedGrants(registration).includes(GRANT_TYPES.deviceCode)) {
    throw oidcError('UnauthorizedClientException', 'Client is not authorized to use the device code grant');
  }
  if (!sameStartUrl(startUrl, context.config.startUrl)) throw invalidRequest('Invalid start URL');
  const device = createDeviceAuthorization(context, clientId);
  if (context.settings.autoApprove) autoApproveDevice(context, device);
  const verificationUri = `${context.config.baseUrl}/device`;
  return jsonReply(200, {
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${encodeURIComponent(device.userCode)}`,
    expiresIn: context.config.deviceCodeTtl,
    interval: context.config.interval,
  });
}

function createDeviceAuthorization(context: EmulatorContext, clientId: string): DeviceAuthorization {
  const { state, clock, config } = context;
  let userCode = newUserCode();
  while (state.deviceByUserCode.has(userCode)) userCode = newUserCode();
  const now = clock.now();
  const device: DeviceAuthorization = {
    deviceCode: recordSecret(state, 'deviceCode', newDeviceCode()),
    // Not recorded as a secret: the person must see it, and the app must show it.
    userCode,
    clientId,
    createdAt: now,
    expiresAt: now + config.deviceCodeTtl * 1000,
    status: 'pending',
    intervalSeconds: config.interval,
    lastPollAt: undefined,
    sessionId: undefined,
  };
  state.deviceByCode.set(device.deviceCode, device);
  state.deviceByUserCode.set(device.userCode, device);
  return device;
}

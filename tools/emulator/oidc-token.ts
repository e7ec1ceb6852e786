import { createHash } from 'node:crypto';
import type { EmulatorContext, RequestInfo } from './context';
import { oidcError } from './errors';
import { jsonReply, optionalString, requiredString, type Reply } from './http-util';
import { allowedGrants, authenticateClient, GRANT_TYPES, invalidRequest, oidcBody } from './oidc';
import { isSessionLive, issueTokens, type TokenSet } from './sessions';
import type { Registration } from './state';

/**
 * How much earlier than `interval` a poll may arrive before it counts as too fast.
 *
 * A client that sleeps exactly `interval` after each answer always arrives at least `interval` after the
 * previous poll arrived (its sleep starts after our answer), so a small margin only absorbs timer rounding;
 * it must stay small, or a client polling at half the interval would pass.
 */
export const POLL_TOLERANCE_MS = 200;

/** How much the required interval grows after each slow_down (RFC 8628 §3.5; the CLI adds the same). */
export const SLOW_DOWN_STEP_SECONDS = 5;

/** CreateToken — `POST /token`, for the device_code, refresh_token and authorization_code grants. */
export function createToken(context: EmulatorContext, request: RequestInfo): Reply {
  const body = oidcBody(request);
  const clientId = requiredString(body, 'clientId', invalidRequest);
  const clientSecret = requiredString(body, 'clientSecret', invalidRequest);
  const grantType = requiredString(body, 'grantType', invalidRequest);
  const registration = authenticateClient(context, clientId, clientSecret);
  if (!Object.values(GRANT_TYPES).some((known) => known === grantType)) {
    throw oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
  }
  if (!allowedGrants(registration).includes(grantType)) {
    throw oidcError('UnauthorizedClientException', `Client is not authorized to use the ${grantType} grant`);
  }
  const tokens = grantTokens(context, registration, grantType, body);
  return jsonReply(200, tokens);
}

function grantTokens(
  context: EmulatorContext,
  registration: Registration,
  grantType: string,
  body: Record<string, unknown>,
): TokenSet {
  switch (grantType) {
    case GRANT_TYPES.deviceCode:
      return deviceCodeGrant(context, registration, requiredString(body, 'deviceCode', invalidRequest));
    case GRANT_TYPES.refreshToken:
      return refreshTokenGrant(context, registration, requiredString(body, 'refreshToken', invalidRequest));
    default:
      return authorizationCodeGrant(context, registration, {
        code: requiredString(body, 'code', invalidRequest),
        redirectUri: optionalString(body, 'redirectUri', invalidRequest),
        codeVerifier: requiredString(body, 'codeVerifier', invalidRequest),
      });
  }
}

function deviceCodeGrant(context: EmulatorContext, registration: Registration, deviceCode: string): TokenSet {
  const device = context.state.deviceByCode.get(deviceCode);
  if (!device || device.clientId !== registration.clientId) {
    throw oidcError('InvalidGrantException', 'Invalid device code provided');
  }
  const now = context.clock.now();
  if (now >= device.expiresAt) throw oidcError('ExpiredTokenException', 'Device code has expired');
  switch (device.status) {
    case 'denied':
      throw oidcError('AccessDeniedException', 'Access denied');
    case 'redeemed':
      throw oidcError('InvalidGrantException', 'Device code has already been used');
    case 'approved': {
      const sessionId = device.sessionId;
      if (sessionId === undefined || !isSessionLive(context, sessionId)) {
        throw oidcError('InvalidGrantException', 'Invalid device code provided');
      }
      device.status = 'redeemed';
      return issueTokens(context, registration, sessionId);
    }
    case 'pending': {
      const tooFast =
        device.lastPollAt !== undefined && now - device.lastPollAt < device.intervalSeconds * 1000 - POLL_TOLERANCE_MS;
      device.lastPollAt = now;
      if (tooFast) {
        device.intervalSeconds += SLOW_DOWN_STEP_SECONDS;
        throw oidcError('SlowDownException', 'Client is polling too frequently');
      }
      throw oidcError('AuthorizationPendingException', 'Authorization is still pending');
    }
  }
}

/**
 * Exchanges a refresh token, rotating it: the old one answers invalid_grant from now on.
 *
 * Every refresh token of a session dies with it (expiry, `POST /logout`, admin), with the same message
 * AWS gives for a rotated-out one (reference §1.6, aws-cli #8561).
 */
function refreshTokenGrant(context: EmulatorContext, registration: Registration, refreshToken: string): TokenSet {
  const record = context.state.refreshTokens.get(refreshToken);
  if (
    !record ||
    record.rotated ||
    record.clientId !== registration.clientId ||
    !isSessionLive(context, record.sessionId)
  ) {
    throw oidcError('InvalidGrantException', 'Invalid refresh token provided');
  }
  record.rotated = true;
  return issueTokens(context, registration, record.sessionId);
}

interface CodeRedemption {
  readonly code: string;
  readonly redirectUri: string | undefined;
  readonly codeVerifier: string;
}

/** Redeems a PKCE authorization code; single-use, bound to its redirect URI and S256 challenge. */
function authorizationCodeGrant(context: EmulatorContext, registration: Registration, input: CodeRedemption): TokenSet {
  const record = context.state.authorizationCodes.get(input.code);
  if (!record || record.clientId !== registration.clientId) {
    throw oidcError('InvalidGrantException', 'Invalid authorization code provided');
  }
  if (record.used) throw oidcError('InvalidGrantException', 'Authorization code has already been used');
  // SECURITY: a code is spent by any redemption attempt, so a wrong verifier cannot be retried.
  record.used = true;
  if (context.clock.now() >= record.expiresAt) throw oidcError('ExpiredTokenException', 'Authorization code has expired');
  if (input.redirectUri !== record.redirectUri) {
    throw oidcError('InvalidGrantException', 'Redirect URI does not match the authorization request');
  }
  if (s256(input.codeVerifier) !== record.codeChallenge) {
    throw oidcError('InvalidGrantException', 'Code verifier does not match code challenge');
  }
  if (!isSessionLive(context, record.sessionId)) throw oidcError('InvalidGrantException', 'Invalid authorization code provided');
  return issueTokens(context, registration, record.sessionId);
}

/** The PKCE S256 transform: base64url(sha256(verifier)) without padding. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

import type { EmulatorContext } from './context';
import { newAccessToken, newOpaqueId, newRefreshToken } from './ids';
import { recordSecret, type AccessTokenRecord, type Registration, type Session } from './state';

/** Access-token lifetime for clients registered without scopes: fixed 8 h, no refresh (reference §1.5). */
export const LEGACY_TOKEN_TTL = 28_800;

/** Starts a user-interactive session, as a person approving a sign-in in the browser does. */
export function startSession(context: EmulatorContext): Session {
  const now = context.clock.now();
  const session: Session = {
    sessionId: newOpaqueId(),
    createdAt: now,
    expiresAt: now + context.config.sessionTtl * 1000,
    endedAt: undefined,
    endReason: undefined,
  };
  context.state.sessions.set(session.sessionId, session);
  return session;
}

/** Whether a session exists, has not been ended and has not run out. */
export function isSessionLive(context: EmulatorContext, sessionId: string): boolean {
  const session = context.state.sessions.get(sessionId);
  return session !== undefined && session.endedAt === undefined && context.clock.now() < session.expiresAt;
}

/** Ends a session now; every refresh token and access token issued in it stops working. */
export function endSession(context: EmulatorContext, sessionId: string, reason: 'logout' | 'admin'): boolean {
  const session = context.state.sessions.get(sessionId);
  if (!session || session.endedAt !== undefined) return false;
  session.endedAt = context.clock.now();
  session.endReason = reason;
  return true;
}

/** What CreateToken returns. */
export interface TokenSet {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

/**
 * Issues an access token (and, for clients registered with scopes, a refresh token) within a session.
 *
 * Legacy clients (no scopes) get a fixed 8 h token and no refresh token, as AWS does; scoped clients get
 * `--access-token-ttl` and a refresh token valid until the session ends.
 */
export function issueTokens(context: EmulatorContext, registration: Registration, sessionId: string): TokenSet {
  const refreshable = registration.scopes.length > 0;
  const expiresIn = refreshable ? context.config.accessTokenTtl : LEGACY_TOKEN_TTL;
  const accessToken = recordSecret(context.state, 'accessToken', newAccessToken());
  context.state.accessTokens.set(accessToken, {
    clientId: registration.clientId,
    sessionId,
    expiresAt: context.clock.now() + expiresIn * 1000,
  });
  if (!refreshable) return { accessToken, tokenType: 'Bearer', expiresIn };
  const refreshToken = recordSecret(context.state, 'refreshToken', newRefreshToken());
  context.state.refreshTokens.set(refreshToken, { clientId: registration.clientId, sessionId, rotated: false });
  return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken };
}

/** The record for an access token that is known, unexpired and whose session is live; else undefined. */
export function liveAccessToken(context: EmulatorContext, token: string | undefined): AccessTokenRecord | undefined {
  if (token === undefined) return undefined;
  const record = context.state.accessTokens.get(token);
  if (!record || context.clock.now() >= record.expiresAt) return undefined;
  return isSessionLive(context, record.sessionId) ? record : undefined;
}

/**
 * Reads errors from the SSO OIDC and portal clients by their name and status, never their message.
 *
 * The OIDC client's `message` is `UnknownError` for every OAuth error (AWS sends no `message` in those
 * bodies), so a person must never see it; the portal's messages are AWS's, not ours, either.
 */

/** What kind of failure an SDK call ended with. */
export type AwsFailure =
  | 'authorization-pending'
  | 'slow-down'
  | 'expired-token'
  | 'access-denied'
  | 'invalid-grant'
  | 'invalid-client'
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'server-error'
  | 'network'
  | 'aborted'
  | 'other';

const byName: Readonly<Record<string, AwsFailure>> = {
  AuthorizationPendingException: 'authorization-pending',
  SlowDownException: 'slow-down',
  ExpiredTokenException: 'expired-token',
  AccessDeniedException: 'access-denied',
  InvalidGrantException: 'invalid-grant',
  InvalidClientException: 'invalid-client',
  UnauthorizedException: 'unauthorized',
  ForbiddenException: 'forbidden',
  TooManyRequestsException: 'throttled',
  InternalServerException: 'server-error',
  AbortError: 'aborted',
};

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Classifies an error thrown by an AWS SDK call (or by fetch underneath it). */
export function classifyAwsError(error: unknown): AwsFailure {
  if (typeof error !== 'object' || error === null) return 'other';
  const shape = error as ErrorShape;
  const named = typeof shape.name === 'string' ? byName[shape.name] : undefined;
  if (named !== undefined) return named;
  if (isNetworkError(shape)) return 'network';
  const status = shape.$metadata?.httpStatusCode;
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'throttled';
  if (typeof status === 'number' && status >= 500) return 'server-error';
  return 'other';
}

function isNetworkError(shape: ErrorShape): boolean {
  if (typeof shape.code === 'string' && networkCodes.has(shape.code)) return true;
  if (shape.name === 'TimeoutError') return true;
  const cause = shape.cause as ErrorShape | undefined;
  return typeof cause === 'object' && cause !== null && typeof cause.code === 'string' && networkCodes.has(cause.code);
}

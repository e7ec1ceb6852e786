/**
 * Reads errors from the SSO OIDC and portal clients by their name and status, never their message.
 *
 * The OIDC client's `message` is `UnknownError` for every OAuth error (AWS sends no `message` in those
 * bodies), so a person must never see it; the portal's messages are AWS's, not ours, either.
 */
import { classifyPortalError, type PortalFailureKind } from '../discovery/portal-errors';
import { networkSettingsMessage } from '../network/network-errors';

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

// The OIDC service's own exceptions; everything else is read the way the portal's errors are.
const oidcByName: Readonly<Record<string, AwsFailure>> = {
  AuthorizationPendingException: 'authorization-pending',
  SlowDownException: 'slow-down',
  ExpiredTokenException: 'expired-token',
  AccessDeniedException: 'access-denied',
  InvalidGrantException: 'invalid-grant',
  InvalidClientException: 'invalid-client',
};

const fromPortalKind: Readonly<Partial<Record<PortalFailureKind, AwsFailure>>> = {
  throttled: 'throttled',
  'server-error': 'server-error',
  network: 'network',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  aborted: 'aborted',
};

/** Classifies an error thrown by an AWS SDK call (or by fetch underneath it). */
export function classifyAwsError(error: unknown): AwsFailure {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const oidc = typeof name === 'string' ? oidcByName[name] : undefined;
  return oidc ?? fromPortalKind[classifyPortalError(error).kind] ?? 'other';
}

/** A sign-in that could not reach the service, with the proxy / CA message when the settings are to blame. */
export function networkEnding(error: unknown): { readonly kind: 'network'; readonly settingsProblem?: string } {
  const settingsProblem = networkSettingsMessage(error);
  return settingsProblem === undefined ? { kind: 'network' } : { kind: 'network', settingsProblem };
}

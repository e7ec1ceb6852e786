/**
 * Reads errors from the SSO portal client by name and HTTP status, never by message.
 *
 * The error is `unknown` (the SDK, the HTTP stack underneath or our own code may throw anything), so this is
 * the boundary where it is parsed once into a `PortalFailure` that the scheduler and the UI can act on.
 */
import { networkSettingsMessage } from '../network/network-errors';

/** What kind of failure a portal call ended with. */
export type PortalFailureKind =
  | 'throttled'
  | 'server-error'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'aborted'
  | 'other';

/** A failed portal call, parsed: its kind, HTTP status (if a response came) and exception name. */
export interface PortalFailure {
  readonly kind: PortalFailureKind;
  readonly status: number | undefined;
  /** The exception name, e.g. `TooManyRequestsException`; for logs, never for people. */
  readonly name: string;
  /** For a failure caused by the proxy, the CA bundle or TLS: the message that names the setting to check. */
  readonly settingsProblem?: string;
}

const byName: Readonly<Record<string, PortalFailureKind>> = {
  TooManyRequestsException: 'throttled',
  InternalServerException: 'server-error',
  UnauthorizedException: 'unauthorized',
  ForbiddenException: 'forbidden',
  ResourceNotFoundException: 'not-found',
  InvalidRequestException: 'invalid-request',
  AbortError: 'aborted',
};

const networkCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'ECONNABORTED', 'UND_ERR_SOCKET',
]);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/** Parses an error thrown by a portal call into a `PortalFailure`. */
export function classifyPortalError(error: unknown): PortalFailure {
  if (typeof error !== 'object' || error === null) return { kind: 'other', status: undefined, name: typeof error };
  const shape = error as ErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const rawStatus = shape.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const settingsProblem = networkSettingsMessage(error);
  if (settingsProblem !== undefined) return { kind: 'network', status, name, settingsProblem };
  return { kind: byName[name] ?? kindFromShape(shape, status), status, name };
}

function kindFromShape(shape: ErrorShape, status: number | undefined): PortalFailureKind {
  if (status === undefined) return isNetworkError(shape) ? 'network' : 'other';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server-error';
  if (status === 400) return 'invalid-request';
  return 'other';
}

function isNetworkError(shape: ErrorShape): boolean {
  if (typeof shape.code === 'string' && networkCodes.has(shape.code)) return true;
  if (shape.name === 'TimeoutError') return true;
  const cause = shape.cause;
  if (typeof cause !== 'object' || cause === null) return false;
  const code = (cause as ErrorShape).code;
  return typeof code === 'string' && networkCodes.has(code);
}

/**
 * Whether a call that failed this way is worth sending again.
 *
 * Throttling, server faults and lost connections are transient. 401 means the session ended, 403/404 that
 * this account is not (or no longer) the user's, 400 a bug in the request: sending it again changes nothing.
 */
export function isRetryable(kind: PortalFailureKind): boolean {
  return kind === 'throttled' || kind === 'server-error' || kind === 'network';
}

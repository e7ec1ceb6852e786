import { jsonReply, ReplyError, type Reply } from './http-util';

/** SSO OIDC exception shapes, with their HTTP status and OAuth `error` code (reference §1.6). */
export const OIDC_ERRORS = {
  AuthorizationPendingException: { status: 400, error: 'authorization_pending' },
  SlowDownException: { status: 400, error: 'slow_down' },
  ExpiredTokenException: { status: 400, error: 'expired_token' },
  AccessDeniedException: { status: 400, error: 'access_denied' },
  InvalidGrantException: { status: 400, error: 'invalid_grant' },
  InvalidClientException: { status: 401, error: 'invalid_client' },
  UnauthorizedClientException: { status: 400, error: 'unauthorized_client' },
  UnsupportedGrantTypeException: { status: 400, error: 'unsupported_grant_type' },
  InvalidScopeException: { status: 400, error: 'invalid_scope' },
  InvalidRequestException: { status: 400, error: 'invalid_request' },
  InvalidClientMetadataException: { status: 400, error: 'invalid_client_metadata' },
  InvalidRedirectUriException: { status: 400, error: 'invalid_redirect_uri' },
  InternalServerException: { status: 500, error: 'server_error' },
} as const satisfies Record<string, { status: number; error: string }>;

/** The name of an SSO OIDC exception. */
export type OidcErrorName = keyof typeof OIDC_ERRORS;

const OIDC_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.sso.oidc/';

/**
 * Builds an SSO OIDC error reply exactly as AWS sends it.
 *
 * The JS SDK names the exception from the `x-amzn-ErrorType` header, never from the OAuth `error` field,
 * so the header is what makes `e.name` right; the body is what the CLI and toolkit read.
 */
export function oidcErrorReply(name: OidcErrorName, description: string): Reply {
  const { status, error } = OIDC_ERRORS[name];
  return jsonReply(status, { error, error_description: description }, {
    'x-amzn-ErrorType': `${name}:${OIDC_NAMESPACE}`,
  });
}

/** An SSO OIDC error to throw from a handler. */
export function oidcError(name: OidcErrorName, description: string): ReplyError {
  return new ReplyError(oidcErrorReply(name, description));
}

/** Portal exception shapes with their HTTP status and default message (reference §2.4). */
export const PORTAL_ERRORS = {
  UnauthorizedException: { status: 401, message: 'Session token not found or invalid' },
  TooManyRequestsException: { status: 429, message: 'Rate exceeded' },
  ResourceNotFoundException: { status: 404, message: 'The requested resource was not found' },
  InvalidRequestException: { status: 400, message: 'The request is not valid' },
  ForbiddenException: { status: 403, message: 'No access' },
  MethodNotAllowedException: { status: 405, message: 'Method not allowed' },
  InternalServerException: { status: 500, message: 'An internal error occurred' },
} as const satisfies Record<string, { status: number; message: string }>;

/** The name of a portal exception. */
export type PortalErrorName = keyof typeof PORTAL_ERRORS;

/** Builds a portal error reply: `{"message","__type":"com.amazonaws.switchboard.portal#<Name>"}`. */
export function portalErrorReply(name: PortalErrorName, message?: string): Reply {
  const { status, message: fallback } = PORTAL_ERRORS[name];
  return jsonReply(status, {
    message: message ?? fallback,
    __type: `com.amazonaws.switchboard.portal#${name}`,
  });
}

/** A portal error to throw from a handler. */
export function portalError(name: PortalErrorName, message?: string): ReplyError {
  return new ReplyError(portalErrorReply(name, message));
}

/** The exact message AWS sends for an out-of-range `max_result` (reference §2.3). */
export const RESULT_SIZE_MESSAGE = 'ResultSize parameter must be within the valid limits of: 1-100';

/** Whether `name` is an OIDC exception name (used to validate injected faults). */
export function isOidcErrorName(name: string): name is OidcErrorName {
  return Object.hasOwn(OIDC_ERRORS, name);
}

/** Whether `name` is a portal exception name (used to validate injected faults). */
export function isPortalErrorName(name: string): name is PortalErrorName {
  return Object.hasOwn(PORTAL_ERRORS, name);
}

/**
 * What a person is told when an AWS call fails because of the network settings: the proxy, the CA bundle, TLS.
 *
 * Each message names what happened, the host, and the setting to check; never a stack trace. The HTTP layer
 * throws a `NetworkSettingsError`; the sign-in, listing and credential messages show its message as it is.
 */
import type { CaBundle } from './network-settings';

/** Which setting a failed call points at. */
export type NetworkProblem = 'proxy-unreachable' | 'proxy-refused' | 'untrusted-certificate' | 'tls' | 'ca-bundle-unreadable';

/** A call that failed because of the proxy, the CA bundle or TLS; its message is written for a person. */
export class NetworkSettingsError extends Error {
  override readonly name = 'NetworkSettingsError';
  constructor(
    readonly problem: NetworkProblem,
    message: string,
    /** The underlying error code (`ECONNREFUSED`, `SELF_SIGNED_CERT_IN_CHAIN`), for the log. */
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** How a call was routed: the host it was for, and the proxy it went through (with the variable named). */
export interface Route {
  readonly host: string;
  readonly proxy: { readonly url: string; readonly variable: string } | undefined;
  readonly caBundle: CaBundle | undefined;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

const untrustedCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const tlsCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER']);

/** The error to show for a failed connection, or `undefined` when the settings are not to blame. */
export function explainConnectionError(error: unknown, route: Route): NetworkSettingsError | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (untrustedCodes.has(code)) return untrusted(route, code);
  if (tlsCodes.has(code) || code.startsWith('ERR_SSL_')) {
    return new NetworkSettingsError(
      'tls',
      `The secure connection to ${route.host} failed (${code}). If a proxy or firewall on your network intercepts TLS, check ${route.proxy?.variable ?? 'HTTPS_PROXY'} and AWS_CA_BUNDLE.`,
      code,
    );
  }
  if (route.proxy !== undefined && unreachableCodes.has(code)) {
    return new NetworkSettingsError(
      'proxy-unreachable',
      `Rolecall could not reach the proxy ${displayProxy(route.proxy.url)} set in ${route.proxy.variable} (${code}). Check ${route.proxy.variable}, or list ${route.host} in NO_PROXY to go direct.`,
      code,
    );
  }
  return undefined;
}

function untrusted(route: Route, code: string): NetworkSettingsError {
  const bundle = route.caBundle;
  const advice =
    bundle?.kind === 'loaded'
      ? `It is not signed by a certificate authority in ${bundle.path} (${bundle.source}). Check that this file holds your network's CA.`
      : 'If your network inspects TLS, set AWS_CA_BUNDLE (or ca_bundle in your AWS config profile) to a file with your network’s CA certificate.';
  return new NetworkSettingsError('untrusted-certificate', `Rolecall does not trust the certificate ${route.host} presented (${code}). ${advice}`, code);
}

/** A proxy that answered the tunnel request with a refusal (407 asks for credentials; 403, 502… refuse). */
export function proxyRefused(route: Route & { proxy: NonNullable<Route['proxy']> }, status: number): NetworkSettingsError {
  const why =
    status === 407
      ? 'asks for credentials (407 Proxy Authentication Required). Put them in the proxy URL (http://user:password@host:port)'
      : `refused the connection (HTTP ${status}). Ask whoever runs the proxy to allow ${route.host}, or list it in NO_PROXY to go direct`;
  return new NetworkSettingsError(
    'proxy-refused',
    `The proxy ${displayProxy(route.proxy.url)} set in ${route.proxy.variable} ${why}; then try again.`,
    String(status),
  );
}

/** A CA bundle that could not be loaded: no call is made rather than one that trusts the wrong authorities. */
export function caBundleUnreadable(bundle: Extract<CaBundle, { kind: 'unreadable' }>): NetworkSettingsError {
  return new NetworkSettingsError(
    'ca-bundle-unreadable',
    `The CA bundle ${bundle.path} (${bundle.source}) cannot be used: ${bundle.reason}. Fix the path or the file, or unset it, then try again.`,
    undefined,
  );
}

/** The human message of a network-settings failure anywhere in an error's causes, if it is one. */
export function networkSettingsMessage(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof NetworkSettingsError) return current.message;
  }
  return undefined;
}

/** A proxy URL without its password, for messages and logs. */
export function displayProxy(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

function codeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

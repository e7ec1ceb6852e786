/**
 * The allowlist for URLs that Rolecall opens in the user's browser.
 *
 * SECURITY: this is the only gate in front of `shell.openExternal` (checklist item 15). It parses the
 * URL with `new URL` (never `startsWith`), requires `https:`, refuses credentials in the URL, and
 * accepts only AWS sign-in, console, access-portal, device-verification and documentation hosts.
 */

/** The AWS console and sign-in hosts of the three partitions (a console window may navigate to these). */
export const CONSOLE_SIGNIN_HOSTS: readonly string[] = [
  'signin.aws.amazon.com',
  'console.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  'console.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  'console.amazonaws.cn',
];

/** Their regional forms, as suffixes that begin with a dot. */
export const CONSOLE_SIGNIN_HOST_SUFFIXES: readonly string[] = CONSOLE_SIGNIN_HOSTS.map((host) => `.${host}`);

/** Exact hosts that may be opened. */
const exactHosts: readonly string[] = [...CONSOLE_SIGNIN_HOSTS, 'docs.aws.amazon.com'];

/**
 * Host suffixes that may be opened; each begins with a dot so that a look-alike such as
 * `signin.aws.amazon.com.evil.example` or `evilawsapps.com` never matches.
 */
const hostSuffixes: readonly string[] = [
  ...CONSOLE_SIGNIN_HOST_SUFFIXES,
  '.awsapps.com',
  '.awsapps.cn',
  '.app.aws',
  '.signin.aws',
  '.portal.amazonaws.com',
  '.portal.amazonaws.com.cn',
];

/** Device-verification hosts such as `device.sso.us-east-1.amazonaws.com`; not all of amazonaws.com. */
const deviceHostPattern = /^device\.sso\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
/** The OIDC hosts whose `/authorize` page a PKCE sign-in opens, such as `oidc.eu-west-1.amazonaws.com`. */
const oidcHostPattern = /^oidc\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** Whether the host is on the allowlist. */
export function isAllowedExternalHost(host: string): boolean {
  const lower = host.toLowerCase();
  return (
    exactHosts.includes(lower) ||
    hostSuffixes.some((suffix) => lower.endsWith(suffix)) ||
    deviceHostPattern.test(lower) ||
    oidcHostPattern.test(lower)
  );
}

/**
 * Parses a URL and returns it if Rolecall may open it, otherwise `null`.
 *
 * `loopbackOrigins` are exact `http://127.0.0.1:<port>` origins of a local Identity Center emulator the
 * person pointed Rolecall at (through `AWS_ENDPOINT_URL_SSO_OIDC`); nothing else may use plain http.
 */
export function parseAllowedExternalUrl(raw: string, loopbackOrigins: readonly string[] = []): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:') return isLoopbackOrigin(url) && loopbackOrigins.includes(url.origin) ? url : null;
  if (url.protocol !== 'https:') return null;
  if (isLoopbackOrigin(url) && loopbackOrigins.includes(url.origin)) return url;
  return isAllowedExternalHost(url.hostname) ? url : null;
}

function isLoopbackOrigin(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

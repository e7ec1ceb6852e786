const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a redirect URI is one AWS accepts at registration: `http://<loopback>[:port]/oauth/callback`.
 *
 * Community testing (reference §1.2) found anything else rejected; being as strict keeps clients honest.
 */
export function isAcceptableRedirectUri(uri: string): boolean {
  const parsed = parseUrl(uri);
  return (
    parsed !== undefined &&
    parsed.protocol === 'http:' &&
    LOOPBACK_HOSTS.has(parsed.hostname) &&
    parsed.pathname === '/oauth/callback' &&
    parsed.search === '' &&
    parsed.hash === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Whether `requested` (used at `/authorize`) matches `registered`.
 *
 * A registered URI without a port matches any port, because the CLI registers port-less and then listens on
 * a random port (reference §1.2, §6).
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  const a = parseUrl(registered);
  const b = parseUrl(requested);
  if (!a || !b || !isAcceptableRedirectUri(requested)) return false;
  if (a.protocol !== b.protocol || a.hostname !== b.hostname || a.pathname !== b.pathname) return false;
  return a.port === '' || a.port === b.port;
}

/** Adds query parameters to a redirect URI, keeping any it already has. */
export function withQuery(uri: string, params: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

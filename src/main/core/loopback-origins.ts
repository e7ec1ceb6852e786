/**
 * The origins of a local Identity Center emulator the person pointed Rolecall at.
 *
 * When `AWS_ENDPOINT_URL_SSO_OIDC` (or `AWS_ENDPOINT_URL_SSO`) is a loopback `http:` URL, its device
 * verification page lives there, and `ROLECALL_SIGNIN_ENDPOINT` names a local console sign-in endpoint,
 * so the opener may open those exact origins; nothing else over http.
 */

const endpointVariables = ['AWS_ENDPOINT_URL_SSO_OIDC', 'AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL', 'ROLECALL_SIGNIN_ENDPOINT'] as const;

/** Reads the loopback origins from the environment; empty when none is configured. */
export function loopbackOriginsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const origins = new Set<string>();
  for (const name of endpointVariables) {
    const origin = loopbackOrigin(env[name]);
    if (origin !== null) origins.add(origin);
  }
  return [...origins];
}

function loopbackOrigin(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The OAuth authorization-code sign-in with PKCE, as `aws sso login` does it since AWS CLI 2.22:
 * register with the `authorization_code` and `refresh_token` grants and the port-less loopback redirect
 * URI, listen on 127.0.0.1 for the one redirect, open `/authorize` with `state` and an S256 challenge,
 * check `state`, redeem the code with the verifier. Every ending is named for the person.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { listenForRedirect, type RedirectPages } from './loopback-redirect';
import { classifyAwsError, networkEnding } from './oidc-errors';
import { registerClient, toGrant, type TokenGrant } from './oidc-calls';
import { ACCOUNT_ACCESS_SCOPE, REGISTRATION_RENEWAL_MS, type Registration } from './registration';

export const AUTHORIZATION_CODE_GRANT = 'authorization_code';
/** What the AWS CLI registers: no port, so any ephemeral port matches. */
export const PKCE_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
/** How long the browser has, as the AWS CLI waits. */
export const PKCE_TIMEOUT_MS = 10 * 60 * 1000;

/** How a PKCE sign-in ended. */
export type PkceFlowOutcome =
  | { readonly kind: 'approved'; readonly grant: TokenGrant; readonly registration: Registration }
  | { readonly kind: 'denied' }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'forged' }
  | { readonly kind: 'port-taken'; readonly port: number }
  | { readonly kind: 'browser-failed' }
  | { readonly kind: 'network'; readonly settingsProblem?: string }
  | { readonly kind: 'failed' };

export interface PkceFlowDeps {
  readonly client: SSOOIDCClient;
  /** The OIDC endpoint's base URL (`https://oidc.REGION.amazonaws.com`, or `AWS_ENDPOINT_URL_SSO_OIDC`). */
  readonly oidcBaseUrl: string;
  readonly now: () => number;
  readonly loadRegistration: () => Promise<Registration | null>;
  readonly saveRegistration: (registration: Registration) => Promise<void>;
  /** Opens the authorization page in the person's browser. */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly timeoutMs?: number;
  /** A fixed loopback port; 0 (the default) picks a free one. */
  readonly port?: number;
}

export interface PkceFlowTarget {
  readonly sessionName: string;
  readonly startUrl: string;
}

/** Whether a cached registration can sign in with PKCE now (the AWS CLI's test, plus Rolecall's day of margin). */
export function isUsablePkceRegistration(registration: Registration, now: number): boolean {
  return (
    registration.grantTypes?.includes(AUTHORIZATION_CODE_GRANT) === true &&
    registration.scopes.includes(ACCOUNT_ACCESS_SCOPE) &&
    registration.expiresAt.getTime() - now > REGISTRATION_RENEWAL_MS
  );
}

const PAGES: RedirectPages = {
  approved: page('Signed in', 'Rolecall has your sign-in. You can close this tab.'),
  refused: page('Not signed in', 'The sign-in was not allowed. Go back to Rolecall to try again.'),
  forged: page('Not signed in', 'This answer did not belong to the sign-in Rolecall started, so Rolecall ignored it and stopped. Sign in again from Rolecall.'),
  finished: page('Nothing to do', 'Rolecall already finished this sign-in. You can close this tab.'),
};

/** Runs one PKCE sign-in; `onWaiting` gets the page opened (to show as a link if the browser did not come up). */
export async function runPkceFlow(deps: PkceFlowDeps, target: PkceFlowTarget, signal: AbortSignal, onWaiting: (authorizeUrl: string) => void = () => undefined): Promise<PkceFlowOutcome> {
  const state = randomUUID();
  const verifier = randomBytes(32).toString('base64url');
  const port = deps.port ?? 0;
  let listener;
  try {
    listener = await listenForRedirect(state, PAGES, port);
  } catch (error: unknown) {
    return (error as { code?: unknown }).code === 'EADDRINUSE' ? { kind: 'port-taken', port } : { kind: 'failed' };
  }
  try {
    const registration = await obtainRegistration(deps, target, signal);
    const url = authorizeUrl(deps.oidcBaseUrl, registration.clientId, listener.redirectUri, state, challengeOf(verifier));
    onWaiting(url);
    const opened = await deps.openBrowser(url).then(() => true, () => false);
    if (!opened) return { kind: 'browser-failed' };
    const answer = await raceEnding(listener.answer, deps.timeoutMs ?? PKCE_TIMEOUT_MS, signal);
    if (answer === 'timed-out' || answer === 'cancelled') return { kind: answer };
    if (answer.kind === 'forged') return { kind: 'forged' };
    if (answer.kind === 'error') return answer.error === 'access_denied' ? { kind: 'denied' } : { kind: 'failed' };
    const grant = await redeem(deps, registration, answer.code, listener.redirectUri, verifier, signal);
    return { kind: 'approved', grant, registration };
  } catch (error: unknown) {
    if (signal.aborted) return { kind: 'cancelled' };
    const failure = classifyAwsError(error);
    if (failure === 'access-denied') return { kind: 'denied' };
    return failure === 'network' ? networkEnding(error) : { kind: 'failed' };
  } finally {
    listener.close();
  }
}

/** The S256 challenge: base64url of the verifier's SHA-256, unpadded (43 characters). */
export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The `/authorize` URL, parameters in the AWS CLI's order and encoding. */
export function authorizeUrl(base: string, clientId: string, redirectUri: string, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge_method: 'S256',
    scopes: ACCOUNT_ACCESS_SCOPE,
    code_challenge: challenge,
  });
  return `${base.replace(/\/+$/, '')}/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

async function obtainRegistration(deps: PkceFlowDeps, target: PkceFlowTarget, signal: AbortSignal): Promise<Registration> {
  const cached = await deps.loadRegistration();
  if (cached !== null && isUsablePkceRegistration(cached, deps.now())) return cached;
  const registration = await registerClient(deps.client, target.sessionName, signal, {
    grantTypes: [AUTHORIZATION_CODE_GRANT, 'refresh_token'],
    redirectUris: [PKCE_REDIRECT_URI],
    issuerUrl: target.startUrl,
  });
  await deps.saveRegistration(registration);
  return registration;
}

async function redeem(deps: PkceFlowDeps, registration: Registration, code: string, redirectUri: string, codeVerifier: string, signal: AbortSignal): Promise<TokenGrant> {
  const response = await deps.client.send(
    new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: AUTHORIZATION_CODE_GRANT,
      code,
      redirectUri,
      codeVerifier,
    }),
    { abortSignal: signal },
  );
  return toGrant(response, deps.now());
}

function raceEnding<T>(answer: Promise<T>, timeoutMs: number, signal: AbortSignal): Promise<T | 'timed-out' | 'cancelled'> {
  if (signal.aborted) return Promise.resolve('cancelled');
  return new Promise((resolve) => {
    const done = (value: T | 'timed-out' | 'cancelled'): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = (): void => done('cancelled');
    const timer = setTimeout(() => done('timed-out'), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    void answer.then(done);
  });
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Rolecall</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1d1d2b}h1{font-size:1.4rem}</style></head><body><h1>${title}</h1><p>${message}</p></body></html>`;
}

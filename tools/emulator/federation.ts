import { timingSafeEqual } from 'node:crypto';
import type { EmulatorContext, RequestInfo } from './context';
import { html } from './html';
import { jsonReply, textReply, type Reply } from './http-util';
import { newSigninToken } from './ids';
import { messagePage } from './pages';
import { recordSecret, type RoleCredentialRecord } from './state';

/** A sign-in token is good for 15 minutes and one use (reference §4.1). */
export const SIGNIN_TOKEN_TTL = 900;
const MIN_SESSION_DURATION = 900;
const MAX_SESSION_DURATION = 43_200;

/** The parameters of a federation request: query string, overridden by a form body on POST. */
export function federationParams(request: RequestInfo): URLSearchParams {
  const params = new URLSearchParams(request.url.searchParams);
  if (request.method === 'POST') {
    for (const [key, value] of new URLSearchParams(request.body)) params.set(key, value);
  }
  return params;
}

/** The operation name for stats: `GetSigninToken`, `ConsoleLogin` or `Federation` (bad Action). */
export function federationOperation(request: RequestInfo): string {
  const action = federationParams(request).get('Action');
  if (action === 'getSigninToken') return 'GetSigninToken';
  if (action === 'login') return 'ConsoleLogin';
  return 'Federation';
}

/** The console federation endpoint — `GET` or `POST /federation` (reference §4.1). */
export function federation(context: EmulatorContext, request: RequestInfo): Reply {
  const params = federationParams(request);
  switch (params.get('Action')) {
    case 'getSigninToken':
      return getSigninToken(context, params);
    case 'login':
      return consoleLogin(context, params);
    default:
      return textReply(400, 'Invalid Action parameter');
  }
}

/**
 * `Action=getSigninToken`: exchanges live role credentials the emulator issued for a sign-in token.
 *
 * SECURITY: the whole triple must match what GetRoleCredentials issued and must not have expired, so a
 * test proves the app sends the credentials it was given and nothing stale or invented.
 */
function getSigninToken(context: EmulatorContext, params: URLSearchParams): Reply {
  const credentials = issuedCredentials(context, params.get('Session'));
  if (!credentials) return textReply(400, 'Invalid credentials parameter');
  const now = context.clock.now();
  const durationText = params.get('SessionDuration');
  let consoleSessionEndsAt = credentials.expiresAt;
  if (durationText !== null) {
    const duration = /^\d+$/.test(durationText) ? Number(durationText) : Number.NaN;
    if (!(duration >= MIN_SESSION_DURATION && duration <= MAX_SESSION_DURATION)) {
      return textReply(400, 'Invalid SessionDuration parameter: must be between 900 and 43200 seconds');
    }
    consoleSessionEndsAt = now + duration * 1000;
  }
  const token = recordSecret(context.state, 'signinToken', newSigninToken());
  context.state.signinTokens.set(token, {
    accountId: credentials.accountId,
    roleName: credentials.roleName,
    expiresAt: now + SIGNIN_TOKEN_TTL * 1000,
    consoleSessionEndsAt,
    used: false,
  });
  return jsonReply(200, { SigninToken: token });
}

function issuedCredentials(context: EmulatorContext, sessionJson: string | null): RoleCredentialRecord | undefined {
  if (sessionJson === null) return undefined;
  let session: unknown;
  try {
    session = JSON.parse(sessionJson);
  } catch {
    return undefined;
  }
  if (typeof session !== 'object' || session === null) return undefined;
  const { sessionId, sessionKey, sessionToken } = session as Record<string, unknown>;
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') {
    return undefined;
  }
  const record = context.state.roleCredentials.get(sessionId);
  if (!record || !same(record.secretAccessKey, sessionKey) || !same(record.sessionToken, sessionToken)) return undefined;
  return context.clock.now() < record.expiresAt ? record : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `Action=login`: spends a sign-in token and shows who is now signed in to the "console". */
function consoleLogin(context: EmulatorContext, params: URLSearchParams): Reply {
  const token = params.get('SigninToken') ?? '';
  const record = context.state.signinTokens.get(token);
  const now = context.clock.now();
  if (!record || record.used || now >= record.expiresAt) {
    return messagePage(context, {
      title: 'Sign-in link expired',
      message: 'This sign-in link is invalid, has already been used or is more than 15 minutes old. Open the console again from the application.',
      tone: 'error',
      status: 400,
    });
  }
  const destination = params.get('Destination') ?? '';
  if (!isHttpsUrl(destination)) {
    return messagePage(context, { title: 'Invalid destination', message: 'Destination must be an https URL.', tone: 'error', status: 400 });
  }
  record.used = true;
  const issuer = params.get('Issuer') ?? undefined;
  const account = context.org.byId.get(record.accountId);
  const accountName = account?.accountName;
  context.state.consoleLogins.push({
    at: now, accountId: record.accountId, accountName, roleName: record.roleName, destination, issuer,
    consoleSessionEndsAt: record.consoleSessionEndsAt,
  });
  return messagePage(context, {
    title: 'Signed in',
    message: `Signed in to ${accountName ?? record.accountId} (${record.accountId}) as ${record.roleName}`,
    tone: 'success',
    detail: html`<dl class="meta">
<dt>Destination</dt><dd><code>${destination}</code></dd>
<dt>Issuer</dt><dd>${issuer ?? '(none)'}</dd>
<dt>Session ends</dt><dd>${new Date(record.consoleSessionEndsAt).toISOString()}</dd>
</dl>
<p class="hint">On AWS this would now redirect to the destination in the AWS console.</p>`,
  });
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

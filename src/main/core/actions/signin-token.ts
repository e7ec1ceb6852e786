/**
 * `Action=getSigninToken`: exchanges role credentials for a console sign-in token at the federation
 * endpoint (reference §4.1, security checklist item 26).
 */
import { z } from 'zod';
import { UserFacingError } from '../user-facing-error';
import type { SessionCredentials } from './credentials';
import { parseFederationEndpoint } from './federation-endpoint';
import { networkSettingsMessage } from '../network/network-errors';

/** The shortest console session AWS accepts, in seconds (15 minutes). */
export const MIN_SESSION_DURATION = 900;
/** The longest console session AWS accepts, in seconds (12 hours). */
export const MAX_SESSION_DURATION = 43_200;

/** The `fetch` the request is made with (the global one, or a test's); only what is used here. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** What `requestSigninToken` needs. */
export interface SigninTokenRequest {
  readonly fetch: FetchFunction;
  /** The federation endpoint, from `federationEndpoint`. */
  readonly endpoint: string;
  readonly credentials: SessionCredentials;
  /** The console session length the person chose; clamped to 900–43200 s. */
  readonly sessionDurationSeconds?: number | undefined;
  /** Wall clock, epoch ms: the default session length is what is left of the credentials' life. */
  readonly now: () => number;
  readonly signal?: AbortSignal | undefined;
}

/** Why no sign-in token came back: no answer, AWS refused the credentials (400), or anything else. */
export type ConsoleSigninErrorKind = 'network' | 'rejected' | 'failed';

/** A failed `requestSigninToken`, with a message for a person; `status` for the log. */
export class ConsoleSigninError extends UserFacingError {
  constructor(
    readonly kind: ConsoleSigninErrorKind,
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/**
 * The `SessionDuration` to send, in seconds, or `undefined` to send none.
 *
 * The person's choice if they made one, else the credentials' remaining lifetime (rounded down), so the
 * console session ends when the credentials would; either way clamped to what AWS accepts, 900–43200 s.
 * Credentials without an expiry and no choice: none is sent, and AWS applies its own default.
 */
export function signinSessionDuration(
  credentials: SessionCredentials,
  now: () => number,
  requestedSeconds?: number,
): number | undefined {
  let seconds: number;
  if (requestedSeconds !== undefined) {
    if (!Number.isFinite(requestedSeconds)) throw new RangeError('The console session duration must be a number of seconds.');
    seconds = Math.floor(requestedSeconds);
  } else if (credentials.expiration !== undefined) {
    seconds = Math.floor((credentials.expiration - now()) / 1000);
  } else {
    return undefined;
  }
  return Math.min(MAX_SESSION_DURATION, Math.max(MIN_SESSION_DURATION, seconds));
}

const signinTokenResponse = z.object({ SigninToken: z.string().min(1) });

/**
 * Asks the federation endpoint for a sign-in token for these credentials.
 *
 * SECURITY: a POST with an `application/x-www-form-urlencoded` body, so the credentials never appear in a
 * URL (where proxies, logs and browser history keep them); redirects are refused rather than followed, so
 * the body is never re-sent to another host; the endpoint must pass `parseFederationEndpoint`. The token
 * returned is itself a secret (15 minutes of console access).
 */
export async function requestSigninToken(request: SigninTokenRequest): Promise<string> {
  const endpoint = parseFederationEndpoint(request.endpoint);
  const { accessKeyId, secretAccessKey, sessionToken } = request.credentials;
  const duration = signinSessionDuration(request.credentials, request.now, request.sessionDurationSeconds);
  const form = new URLSearchParams({ Action: 'getSigninToken' });
  if (duration !== undefined) form.set('SessionDuration', String(duration));
  form.set('Session', JSON.stringify({ sessionId: accessKeyId, sessionKey: secretAccessKey, sessionToken }));
  let response: Response;
  try {
    response = await request.fetch(endpoint.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'error',
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } catch (error) {
    // A caller that aborted asked for nothing more: let its own abort reason through.
    if (request.signal?.aborted === true) throw error;
    const settingsProblem = networkSettingsMessage(error);
    throw new ConsoleSigninError('network', settingsProblem ?? 'Could not reach the AWS sign-in service. Check your connection and try again.', undefined);
  }
  if (response.status === 400) {
    throw new ConsoleSigninError(
      'rejected',
      'AWS did not accept these credentials for a console sign-in. Try again; if it keeps happening, sign in to IAM Identity Center again.',
      400,
    );
  }
  const token = response.ok ? parseSigninToken(await response.text()) : undefined;
  if (token === undefined) {
    throw new ConsoleSigninError('failed', 'The AWS sign-in service did not return a console sign-in. Try again in a moment.', response.status);
  }
  return token;
}

function parseSigninToken(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = signinTokenResponse.safeParse(body);
  return parsed.success ? parsed.data.SigninToken : undefined;
}

import type { EmulatorContext, RequestInfo } from './context';
import { html, pageReply, type SafeHtml } from './html';
import { redirectReply, type Reply } from './http-util';
import { newAuthorizationCode, newOpaqueId } from './ids';
import { allowedGrants, GRANT_TYPES } from './oidc';
import { redirectUriMatches, withQuery } from './redirect-uri';
import { startSession } from './sessions';
import { recordSecret, type ConsentRequest, type Registration } from './state';
import { messagePage, pageFooter } from './pages';

/** How long an authorization code stays redeemable; clients redeem it within a second. */
export const AUTHORIZATION_CODE_TTL = 300;
/** How long the consent page may stay open; the CLI itself gives up after 10 minutes. */
const CONSENT_TTL = 600;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The PKCE authorization endpoint — `GET /authorize` (reference §1.4).
 *
 * An unknown client or a redirect URI that does not match the registration gets an error page, never a
 * redirect (RFC 6749 §4.1.2.1: do not redirect to an unverified URI); every other problem is sent back to
 * the client's loopback listener as `error` + `error_description` + `state`.
 */
export function authorize(context: EmulatorContext, request: RequestInfo): Reply {
  const q = request.url.searchParams;
  const registration = context.state.registrations.get(q.get('client_id') ?? '');
  if (!registration || context.clock.now() >= registration.expiresAt) {
    return errorPage(context, 'Invalid client', 'The application asked to sign in with a client registration that is unknown or has expired. Start the sign-in again from the application.');
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!registration.redirectUris.some((registered) => redirectUriMatches(registered, redirectUri))) {
    return errorPage(context, 'Invalid redirect URI', 'The address the application asked to return to is not one it registered.');
  }
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): Reply =>
    redirectReply(withQuery(redirectUri, { error, error_description: description, state }));
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!allowedGrants(registration).includes(GRANT_TYPES.authorizationCode)) {
    return fail('unauthorized_client', 'Client is not authorized to use the authorization_code grant');
  }
  const codeChallenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!CHALLENGE.test(codeChallenge)) return fail('invalid_request', 'code_challenge is missing or malformed');
  const scopes = requestedScopes(q) ?? registration.scopes;
  if (scopes.some((scope) => !registration.scopes.includes(scope))) return fail('invalid_scope', 'Invalid scope');
  const consent: ConsentRequest = {
    requestId: newOpaqueId(),
    clientId: registration.clientId,
    redirectUri,
    state,
    codeChallenge,
    scopes,
    expiresAt: context.clock.now() + CONSENT_TTL * 1000,
  };
  if (context.settings.autoApprove) return approve(context, consent);
  context.state.consentRequests.set(consent.requestId, consent);
  return consentPage(context, registration, consent);
}

/** The CLI sends `scopes` space-separated; the AWS toolkit sends them comma-joined; some send `scope`. */
function requestedScopes(q: URLSearchParams): string[] | undefined {
  const raw = q.get('scopes') ?? q.get('scope');
  if (raw === null || raw.trim() === '') return undefined;
  return raw.split(/[\s,]+/).filter((scope) => scope.length > 0);
}

/** The consent form's answer — `POST /authorize/decision` (form fields `request`, `decision`). */
export function authorizeDecision(context: EmulatorContext, request: RequestInfo): Reply {
  const form = new URLSearchParams(request.body);
  const requestId = form.get('request') ?? '';
  const consent = context.state.consentRequests.get(requestId);
  context.state.consentRequests.delete(requestId);
  if (!consent || context.clock.now() >= consent.expiresAt) {
    return errorPage(context, 'Sign-in request expired', 'This sign-in request is no longer valid. Start the sign-in again from the application.');
  }
  if (form.get('decision') === 'approve') return approve(context, consent);
  return redirectReply(
    withQuery(consent.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied the authorization request',
      state: consent.state,
    }),
  );
}

function approve(context: EmulatorContext, consent: ConsentRequest): Reply {
  const code = recordSecret(context.state, 'authorizationCode', newAuthorizationCode());
  context.state.authorizationCodes.set(code, {
    code,
    clientId: consent.clientId,
    redirectUri: consent.redirectUri,
    codeChallenge: consent.codeChallenge,
    sessionId: startSession(context).sessionId,
    expiresAt: context.clock.now() + AUTHORIZATION_CODE_TTL * 1000,
    used: false,
  });
  return redirectReply(withQuery(consent.redirectUri, { code, state: consent.state }));
}

function consentPage(context: EmulatorContext, registration: Registration, consent: ConsentRequest): Reply {
  const returnTo = new URL(consent.redirectUri).origin;
  const scopes: SafeHtml[] = consent.scopes.map((scope) => html`<li><code>${scope}</code></li>`);
  const content = html`<section class="card">
<p class="eyebrow">Sign-in request</p>
<h1>Allow access?</h1>
<p class="lead"><strong>${registration.clientName}</strong> is asking to use your AWS accounts and roles.</p>
${scopes.length > 0 ? html`<p class="label">Permissions</p><ul class="scopes">${scopes}</ul>` : html``}
<p class="hint">After you choose, your browser returns to <code>${returnTo}</code>.</p>
<form method="post" action="/authorize/decision" class="actions">
<input type="hidden" name="request" value="${consent.requestId}">
<button type="submit" name="decision" value="deny" class="button secondary">Deny</button>
<button type="submit" name="decision" value="approve" class="button primary">Allow</button>
</form>
</section>`;
  // The decision answers with a redirect to the loopback listener, which form-action must allow.
  return pageReply(content, { title: 'Allow access?', formTargets: [returnTo], footer: pageFooter(context) });
}

function errorPage(context: EmulatorContext, title: string, message: string): Reply {
  return messagePage(context, { title, message, tone: 'error', status: 400 });
}

import type { EmulatorContext, RequestInfo } from './context';
import { decideUserCode, lookupUserCode, type DeviceDecisionResult, type DeviceLookup } from './device-flow';
import { html, pageReply } from './html';
import type { Reply } from './http-util';
import { messagePage, pageFooter, type MessagePage } from './pages';

/**
 * The device verification page — `GET /device[?user_code=ABCD-EFGH]`.
 *
 * Without a code (the `verificationUri`) a person types it; with one (the `verificationUriComplete`) they
 * see it, compare it with what the application shows, and approve or deny. Plain forms, no script.
 */
export function devicePage(context: EmulatorContext, request: RequestInfo): Reply {
  const typed = request.url.searchParams.get('user_code');
  if (typed === null || typed.trim() === '') return entryPage(context, undefined);
  const lookup = lookupUserCode(context, typed);
  if (!lookup) return entryPage(context, 'That code is not recognised. Check it and try again.');
  if (lookup.problem) return messagePage(context, problemPage(lookup.problem));
  return confirmPage(context, lookup);
}

/** The verification form's answer — `POST /device` (form fields `user_code`, `decision`). */
export function deviceDecision(context: EmulatorContext, request: RequestInfo): Reply {
  const form = new URLSearchParams(request.body);
  const decision = form.get('decision');
  if (decision !== 'approve' && decision !== 'deny') return entryPage(context, 'Choose Approve or Deny.', 400);
  const result = decideUserCode(context, form.get('user_code') ?? '', decision);
  if (result === 'unknown') return entryPage(context, 'That code is not recognised. Check it and try again.', 400);
  return messagePage(context, resultPage(result));
}

function resultPage(result: Exclude<DeviceDecisionResult, 'unknown'>): MessagePage {
  switch (result) {
    case 'approved':
      return { title: 'Request approved', message: 'You can close this window and return to the application.', tone: 'success' };
    case 'denied':
      return { title: 'Request denied', message: 'The application was not given access. You can close this window.', tone: 'info' };
    default:
      return { ...problemPage(result), status: 400 };
  }
}

function problemPage(problem: NonNullable<DeviceLookup['problem']>): MessagePage {
  switch (problem) {
    case 'expired':
      return { title: 'Code expired', message: 'This code has expired. Start the sign-in again from the application.', tone: 'error' };
    case 'already-decided':
      return { title: 'Already answered', message: 'This request has already been approved or denied. You can close this window.', tone: 'info' };
    case 'invalid-client':
      return { title: 'Invalid client', message: 'The application’s client registration is unknown or has expired. It must register again before signing in.', tone: 'error' };
  }
}

function entryPage(context: EmulatorContext, error: string | undefined, status = 200): Reply {
  const content = html`<section class="card">
<p class="eyebrow">Authorize request</p>
<h1>Enter the code</h1>
<p class="lead">Type the code the application shows you.</p>
${error === undefined ? html`` : html`<p class="alert" role="alert">${error}</p>`}
<form method="get" action="/device" class="stack">
<label class="label" for="user_code">Code</label>
<input id="user_code" name="user_code" class="code-input" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="ABCD-EFGH" maxlength="16" required autofocus>
<button type="submit" class="button primary block">Next</button>
</form>
</section>`;
  return pageReply(content, { title: 'Enter the code', status, footer: pageFooter(context) });
}

function confirmPage(context: EmulatorContext, lookup: DeviceLookup): Reply {
  const { device, registration } = lookup;
  const minutesLeft = Math.max(1, Math.ceil((device.expiresAt - context.clock.now()) / 60_000));
  const portalHost = hostOf(context.config.startUrl);
  const content = html`<section class="card">
<p class="eyebrow">Authorize request</p>
<h1>Confirm the code</h1>
<p class="lead"><strong>${registration?.clientName ?? 'An application'}</strong> wants to sign in to <strong class="nowrap">${portalHost}</strong>. Approve only if this code matches the one it shows.</p>
<div class="code" aria-label="Code">${device.userCode}</div>
<dl class="meta">
<dt>Application</dt><dd>${registration?.clientName ?? 'Unknown'}</dd>
<dt>Expires</dt><dd>in ${minutesLeft} min</dd>
</dl>
<form method="post" action="/device" class="actions">
<input type="hidden" name="user_code" value="${device.userCode}">
<button type="submit" name="decision" value="deny" class="button secondary">Deny</button>
<button type="submit" name="decision" value="approve" class="button primary">Approve</button>
</form>
</section>`;
  return pageReply(content, { title: 'Confirm the code', footer: pageFooter(context) });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

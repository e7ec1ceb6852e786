import type { EmulatorContext } from './context';
import { html, pageReply, type SafeHtml } from './html';
import type { Reply } from './http-util';

/** The footer every page carries: which portal this is and that nothing here is AWS. */
export function pageFooter(context: EmulatorContext): SafeHtml {
  return html`<span>Start URL <code>${context.config.startUrl}</code> · ${context.config.region}</span>
<span>A local emulator of AWS IAM Identity Center. No AWS account is involved.</span>`;
}

/** The look of a message page. */
export type Tone = 'success' | 'error' | 'info';

const ICONS: Record<Tone, string> = { success: '✓', error: '!', info: 'i' };

/** What a message page says. */
export interface MessagePage {
  readonly title: string;
  readonly message: string;
  readonly tone: Tone;
  readonly status?: number;
  readonly detail?: SafeHtml;
}

/** A page with an icon, a title and a sentence (results and errors). */
export function messagePage(context: EmulatorContext, page: MessagePage): Reply {
  const content = html`<section class="card">
<div class="status status-${page.tone}" aria-hidden="true">${ICONS[page.tone]}</div>
<h1>${page.title}</h1>
<p class="lead">${page.message}</p>
${page.detail}
</section>`;
  return pageReply(content, {
    title: page.title,
    footer: pageFooter(context),
    ...(page.status === undefined ? {} : { status: page.status }),
  });
}

/** `GET /`: where this emulator is and how to point AWS clients at it. */
export function landingPage(context: EmulatorContext): Reply {
  const { baseUrl, startUrl, region } = context.config;
  const content = html`<section class="card wide">
<p class="eyebrow">Identity Center emulator</p>
<h1>Ready</h1>
<p class="lead">Serving ${context.org.accounts.length.toLocaleString('en-US')} accounts and ${context.org.roleAssignments.toLocaleString('en-US')} role assignments.</p>
<dl class="meta">
<dt>Start URL</dt><dd><code>${startUrl}</code></dd>
<dt>Region</dt><dd><code>${region}</code></dd>
<dt>Sign-in page</dt><dd><a href="/device">${baseUrl}/device</a></dd>
</dl>
<p class="label">Point AWS clients here</p>
<pre class="snippet">export AWS_ENDPOINT_URL_SSO_OIDC=${baseUrl}
export AWS_ENDPOINT_URL_SSO=${baseUrl}</pre>
</section>`;
  return pageReply(content, { title: 'Ready', footer: pageFooter(context) });
}

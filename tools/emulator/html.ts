import type { Reply } from './http-util';

/** HTML that is already safe to emit; only `html` and `raw` make one. */
export interface SafeHtml {
  readonly __html: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Escapes text for use in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function isSafe(value: SafeHtml | readonly (SafeHtml | string)[]): value is SafeHtml {
  return '__html' in value;
}

type HtmlValue = SafeHtml | string | number | undefined | readonly (SafeHtml | string)[];

/**
 * A template tag that escapes every interpolated value unless it is already `SafeHtml`.
 *
 * SECURITY: pages show account names, role names, client names and URLs that come from fixtures or
 * requests (a hostile fixture holds `<script>`); escaping by default means forgetting is not possible.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { __html: out };
}

function render(value: HtmlValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (isSafe(value)) return value.__html;
  return value.map((item) => render(item)).join('');
}

/** Page options. */
export interface PageOptions {
  readonly title: string;
  readonly status?: number;
  /** Extra origins forms on this page may submit to (and be redirected to). */
  readonly formTargets?: readonly string[];
  readonly footer?: SafeHtml;
}

/**
 * Wraps content in the emulator's page layout, with a strict Content-Security-Policy.
 *
 * SECURITY: no script may run on these pages (none is needed; forms do the work), styles come only from
 * the emulator's own stylesheet, and the page cannot be framed.
 */
export function pageReply(content: SafeHtml, options: PageOptions): Reply {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Identity Center emulator</title>
<link rel="stylesheet" href="/assets/emulator.css">
<link rel="icon" href="data:,">
</head>
<body>
<header class="topbar"><span class="brand"><span class="logo" aria-hidden="true"></span>Identity Center <span class="muted">emulator</span></span><span class="badge">Local</span></header>
<main class="shell">${content}</main>
<footer class="footer">${options.footer}</footer>
</body>
</html>
`;
  return {
    status: options.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body: body.__html,
  };
}

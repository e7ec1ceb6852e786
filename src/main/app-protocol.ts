/**
 * The `app://` protocol that serves the built renderer (checklist item 18: no `file://`).
 */
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';
import { loadRendererResponse } from './security/renderer-response';

/**
 * Registers `app:` as a standard, secure scheme; must run before the app is ready. `codeCache` lets V8 keep
 * the compiled renderer bundle between starts (Chromium does so only for http(s) unless a scheme asks), so
 * the window's start-up does not compile React again every time.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves `app://rolecall/<path>` from `rendererRoot`, with the CSP header on every response. */
export function serveAppProtocol(protocol: Protocol, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Not found', { status: 404, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
    }
    const response = await loadRendererResponse(rendererRoot, url.pathname, CONTENT_SECURITY_POLICY);
    return new Response(new Uint8Array(response.body), { status: response.status, headers: response.headers });
  });
}

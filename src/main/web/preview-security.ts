/**
 * SECURITY: the checks that keep the browser preview from being a door into Rolecall.
 *
 * The host binds to 127.0.0.1 only, answers only requests whose `Host` is its own address (against
 * DNS rebinding), and accepts a WebSocket only from its own `Origin` with the per-launch token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../shared/ws-protocol';
import { CONTENT_SECURITY_POLICY } from '../security';

/** A fresh per-launch secret for the preview URL's fragment. */
export function createPreviewToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether the request's `Host` header names this host exactly. */
export function hasOwnHost(request: IncomingMessage, port: number): boolean {
  return request.headers.host === `127.0.0.1:${port}`;
}

/** Whether a WebSocket upgrade comes from the preview page itself and carries the token. */
export function isAuthorizedUpgrade(request: IncomingMessage, port: number, token: string): boolean {
  if (!hasOwnHost(request, port) || request.headers.origin !== `http://127.0.0.1:${port}`) return false;
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(WS_PROTOCOL)) return false;
  const presented = offered.find((p) => p.startsWith(WS_TOKEN_PREFIX))?.slice(WS_TOKEN_PREFIX.length);
  return presented !== undefined && safeEqual(presented, token);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The preview's CSP: the app's, plus its own WebSocket, plus `sandbox` without `allow-popups`, so the
 * browser itself blocks `window.open` as Electron's window-open handler does in the app.
 */
export function previewContentSecurityPolicy(port: number): string {
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ws://127.0.0.1:${port}`).concat(
    '; sandbox allow-scripts allow-same-origin allow-forms',
  );
}

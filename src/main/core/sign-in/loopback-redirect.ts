/**
 * The one-shot loopback listener of a PKCE sign-in: 127.0.0.1 only, one path, one answer.
 *
 * It listens on an ephemeral port (or the one asked for), takes the first redirect to
 * `/oauth/callback` that carries the `state` it was given, and stops listening at once. A redirect with
 * another `state` ends it as forged (nothing is redeemed); a redirect that arrives after the answer is
 * told the sign-in already finished. Other paths (a favicon) get 404 and change nothing.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path the AWS CLI registers and redirects to. */
export const CALLBACK_PATH = '/oauth/callback';

/** What the browser brought back. */
export type RedirectAnswer =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'error'; readonly error: string; readonly description: string }
  | { readonly kind: 'forged' };

export interface LoopbackRedirect {
  /** `http://127.0.0.1:PORT/oauth/callback`: the redirect URI to send and to redeem with. */
  readonly redirectUri: string;
  /** Resolves with the first answer; the listener has stopped by then. */
  readonly answer: Promise<RedirectAnswer>;
  /** Stops listening (idempotent); `answer` then never resolves. */
  close(): void;
}

/** Pages the browser shows after the redirect: a person reads them, then closes the tab. */
export interface RedirectPages {
  readonly approved: string;
  readonly refused: string;
  readonly forged: string;
  readonly finished: string;
}

/** Starts listening; rejects with the listen error (EADDRINUSE for a taken port). */
export function listenForRedirect(state: string, pages: RedirectPages, port = 0): Promise<LoopbackRedirect> {
  let settle: (answer: RedirectAnswer) => void = () => undefined;
  const answer = new Promise<RedirectAnswer>((resolve) => (settle = resolve));
  let answered = false;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) return reply(response, 404, pages.finished);
    if (answered) return reply(response, 409, pages.finished);
    answered = true;
    const result = readAnswer(url.searchParams, state);
    reply(response, result.kind === 'code' ? 200 : 400, result.kind === 'code' ? pages.approved : result.kind === 'forged' ? pages.forged : pages.refused);
    stop(server);
    settle(result);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve({ redirectUri: `http://127.0.0.1:${bound}${CALLBACK_PATH}`, answer, close: () => stop(server) });
    });
  });
}

function readAnswer(query: URLSearchParams, state: string): RedirectAnswer {
  if (query.get('state') !== state) return { kind: 'forged' };
  const code = query.get('code');
  if (code !== null && code !== '') return { kind: 'code', code };
  return { kind: 'error', error: query.get('error') ?? 'no_code', description: query.get('error_description') ?? '' };
}

function reply(response: ServerResponse, status: number, page: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    connection: 'close',
    server: 'Rolecall',
  });
  response.end(page);
}

/** Stops accepting at once and drops idle keep-alive sockets, so no second redirect reaches us. */
function stop(server: Server): void {
  if (!server.listening) return;
  server.close();
  server.closeIdleConnections();
}

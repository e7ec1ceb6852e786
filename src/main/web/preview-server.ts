/**
 * The browser preview's host: serves the built renderer and the contract over a WebSocket on
 * 127.0.0.1, running the same core as the desktop app.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/logger';
import { loadRendererResponse } from '../security/renderer-response';
import { hasOwnHost, previewContentSecurityPolicy } from './preview-security';
import { attachWebSocket } from './ws-server';

/** Where the preview finds its files, and how it listens. */
export interface PreviewServerOptions {
  readonly core: AppCore;
  readonly logger: Logger;
  readonly rendererDir: string;
  /** The bundled browser bridge that gives the page the contract over the WebSocket. */
  readonly bridgeScriptPath: string;
  readonly port: number;
  readonly token: string;
}

/** A running preview host. */
export interface PreviewServer {
  readonly port: number;
  /** The URL to open, with the per-launch token in the fragment. */
  readonly url: string;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/web-bridge.js';

/** Starts the preview host; resolves once it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const bridge = await readFile(options.bridgeScriptPath);
  let port = options.port;
  const server = createServer((request, response) => {
    void handleHttp(request, response, { ...options, port }, bridge).catch(() => {
      response.writeHead(500).end();
    });
  });
  // SECURITY: loopback only; the preview is never reachable from another machine.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const wss = attachWebSocket(server, options.core, options.logger, port, options.token);
  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleHttp(
  request: IncomingMessage,
  response: ServerResponse,
  options: PreviewServerOptions,
  bridge: Buffer,
): Promise<void> {
  const csp = previewContentSecurityPolicy(options.port);
  if (!hasOwnHost(request, options.port) || request.method !== 'GET') {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden');
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (pathname === BRIDGE_PATH) {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(bridge);
    return;
  }
  const file = await loadRendererResponse(options.rendererDir, pathname, csp);
  const isPage = file.status === 200 && file.headers['content-type']?.startsWith('text/html') === true;
  response.writeHead(file.status, file.headers).end(isPage ? injectBridge(file.body) : file.body);
}

/** Loads the bridge before the renderer's module script, so `window.rolecall` exists when it runs. */
function injectBridge(html: Buffer): string {
  return html.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}" defer></script>`);
}

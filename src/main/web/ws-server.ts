/**
 * The browser preview's WebSocket transport of the contract.
 *
 * Upgrades are refused unless `isAuthorizedUpgrade` accepts them; every request frame is parsed and
 * passed to the same dispatcher as Electron IPC; every snapshot is pushed to every open page.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { encodeAccountsUpdate } from '../../shared/accounts-wire';
import { sendFirstSlices } from '../../shared/account-slice';
import { WS_PATH, WS_PROTOCOL, type WsServerFrame } from '../../shared/ws-protocol';
import { wsRequestSchema, type WsRequest } from '../../shared/ws-schemas';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/logger';
import { dispatchRequest } from '../ipc/dispatch';
import { isAuthorizedUpgrade } from './preview-security';

/** Attaches the WebSocket endpoint to the preview's HTTP server. */
export function attachWebSocket(server: Server, core: AppCore, logger: Logger, port: number, token: string): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, handleProtocols: () => WS_PROTOCOL });
  server.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname !== WS_PATH || !isAuthorizedUpgrade(request, port, token)) {
      logger.warn('refused a WebSocket without the preview token or from a foreign origin');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      serveConnection(ws, core, logger);
      // The preview's "window closed": the last page went away, so nobody can see a sign-in code.
      ws.on('close', () => {
        if (wss.clients.size === 0) core.windowsClosed();
      });
    });
  });
  return wss;
}

function serveConnection(ws: WebSocket, core: AppCore, logger: Logger): void {
  const send = (frame: WsServerFrame): void => ws.send(JSON.stringify(frame));
  const unsubscribeSnapshots = core.subscribe((snapshot) => send({ type: 'event', event: 'snapshot', payload: snapshot }));
  const unsubscribeAccounts = core.subscribeAccounts((update) =>
    send({ type: 'event', event: 'accounts', payload: encodeAccountsUpdate(update) }),
  );
  ws.on('close', () => {
    unsubscribeSnapshots();
    unsubscribeAccounts();
  });
  // Sent at once, so the page has its state (and each long account list's first slice) before it asks.
  send({ type: 'event', event: 'snapshot', payload: core.getSnapshot() });
  sendFirstSlices(core.currentAccounts(), (update) => send({ type: 'event', event: 'accounts', payload: encodeAccountsUpdate(update) }));
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : parseFrame(rawDataToText(data));
    if (request === null) {
      logger.warn('closed a preview connection that sent an unreadable frame');
      ws.close(1008, 'unreadable frame');
      return;
    }
    void dispatchRequest(core.handlers, request.name, request.input, logger).then((result) =>
      send({ type: 'response', id: request.id, result }),
    );
  });
}

function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

function parseFrame(text: string): WsRequest | null {
  try {
    const parsed = wsRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect as connectTcp } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WS_PROTOCOL } from '../../shared/ws-protocol';
import { createTestCore } from '../core/core-test-support';
import { silentLogger } from '../core/logger';
import { startPreviewServer, type PreviewServer } from './preview-server';

const token = 'test-token-0123456789';
let server: PreviewServer;
let windowsClosed: ReturnType<typeof vi.fn<() => void>>;
let origin: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-preview-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html><head><title>R</title></head><body></body></html>');
  await writeFile(path.join(dir, 'bridge.js'), '/* bridge */');
  const { core } = await createTestCore();
  windowsClosed = vi.fn<() => void>();
  core.windowsClosed = windowsClosed;
  server = await startPreviewServer({
    core,
    logger: silentLogger,
    rendererDir: dir,
    bridgeScriptPath: path.join(dir, 'bridge.js'),
    port: 0,
    token,
  });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(() => server.close());

function connect(protocols: string[], headers: Record<string, string> = { origin }): Promise<{ ws: WebSocket; opened: boolean }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, protocols, { headers });
    ws.once('open', () => resolve({ ws, opened: true }));
    ws.once('error', () => resolve({ ws, opened: false }));
  });
}

function get(pathname: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser preview host', () => {
  it('prints a loopback URL with the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });

  it('serves the page with the bridge injected and a strict CSP that forbids popups', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/web-bridge.js" defer></script>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain('sandbox allow-scripts allow-same-origin allow-forms');
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toContain('allow-popups');
    expect(page.body).not.toContain(token);
  });

  it('listens on 127.0.0.1 only: another loopback address of this machine is refused', async () => {
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connectTcp({ host: '127.0.0.2', port: server.port }, () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.destroy());
    });
    expect(reached).toBe(false);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(403);
    expect((await get('/../package.json')).status).toBe(404);
  });

  it('answers requests over a WebSocket with the token from its own origin', async () => {
    const { ws, opened } = await connect([WS_PROTOCOL, `token.${token}`]);
    expect(opened).toBe(true);
    const reply = new Promise<string>((resolve) => ws.once('message', (data: Buffer) => resolve(data.toString())));
    ws.send(JSON.stringify({ type: 'request', id: 7, name: 'getSnapshot' }));
    const frame = JSON.parse(await reply) as { type: string; id: number; result: { ok: boolean } };
    expect(frame).toMatchObject({ type: 'response', id: 7, result: { ok: true } });
    ws.close();
    // The last page closing is the preview's "window closed": sign-ins in progress stop.
    await vi.waitFor(() => expect(windowsClosed).toHaveBeenCalled());
  });

  it.each([
    ['no token', [WS_PROTOCOL], { origin: 'self' }],
    ['a wrong token', [WS_PROTOCOL, 'token.wrong'], { origin: 'self' }],
    ['a foreign origin', [WS_PROTOCOL, `token.${token}`], { origin: 'http://evil.example' }],
    ['no origin', [WS_PROTOCOL, `token.${token}`], {}],
  ])('refuses a WebSocket with %s', async (_name, protocols, headers) => {
    const resolved = 'origin' in headers && headers.origin === 'self' ? { origin } : headers;
    const { opened } = await connect(protocols, resolved);
    expect(opened).toBe(false);
  });

  it('closes a connection that sends an unreadable frame', async () => {
    const { ws } = await connect([WS_PROTOCOL, `token.${token}`]);
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1008);
  });
});

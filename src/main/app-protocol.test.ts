import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

type Handler = (request: { url: string; method: string }) => Promise<Response>;

let handler: Handler;
let schemes: unknown;

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-renderer-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Rolecall</title>');
  await writeFile(path.join(path.dirname(root), 'secret.txt'), 'not for the renderer');
  const protocol = {
    handle: (_scheme: string, h: Handler) => (handler = h),
    registerSchemesAsPrivileged: (s: unknown) => (schemes = s),
  };
  serveAppProtocol(protocol as unknown as Protocol, root);
  registerAppScheme(protocol as unknown as Protocol);
});

describe('the app:// protocol', () => {
  it('is a standard, secure scheme whose scripts V8 may cache between starts', () => {
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await handler({ url: 'app://rolecall/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Rolecall</title>');
  });

  it.each(['app://rolecall/../secret.txt', 'app://rolecall/%2e%2e/secret.txt', 'app://rolecall/a/%2E%2E/%2e%2e/secret.txt'])(
    'refuses %s',
    async (url) => {
      const response = await handler({ url, method: 'GET' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the renderer');
    },
  );

  it('serves only its own host, and only GET', async () => {
    expect((await handler({ url: 'app://other/index.html', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://rolecall/index.html', method: 'POST' })).status).toBe(404);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './renderer-path';

const root = path.resolve('/srv/renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the root and files inside the folder', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(path.join(root, 'assets/app.js'));
  });

  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/a/%2E%2E/%2e%2e/x', '/..'])(
    'refuses %s',
    (p) => {
      expect(resolveRendererFile(root, p)).toBeNull();
    },
  );

  it('refuses backslashes, NUL bytes and malformed escapes', () => {
    expect(resolveRendererFile(root, '/..\\..\\x')).toBeNull();
    expect(resolveRendererFile(root, '/a%00.js')).toBeNull();
    expect(resolveRendererFile(root, '/%E0%A4%A')).toBeNull();
  });
});

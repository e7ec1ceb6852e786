/**
 * The page's CSP meta tag (what static scanners and a page opened without the app's protocol see) is the
 * app's header policy, less `frame-ancestors`, which only a header can carry (checklist 7).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security';

describe('the CSP meta tag of the renderer page', () => {
  it('is the header policy without frame-ancestors', async () => {
    const html = await readFile(path.join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(header);
  });
});

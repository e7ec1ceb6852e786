/**
 * Reads a built renderer file for a request path, with the headers every app page carries.
 *
 * Shared by the Electron `app://` protocol and the browser-preview host, so both serve the same files
 * with the same refusal of paths outside the renderer folder.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeFor, resolveRendererFile } from './renderer-path';

/** A response to give the browser: status, headers and body. */
export interface RendererResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Loads the file for `pathname` from `rendererRoot`, or a 404 when it is missing or outside. */
export async function loadRendererResponse(
  rendererRoot: string,
  pathname: string,
  contentSecurityPolicy: string,
): Promise<RendererResponse> {
  const file = resolveRendererFile(rendererRoot, pathname);
  const common = {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  if (file === null) return notFound(common);
  try {
    const body = await readFile(file);
    return { status: 200, headers: { ...common, 'content-type': contentTypeFor(file) }, body };
  } catch {
    return notFound(common);
  }
}

function notFound(headers: Readonly<Record<string, string>>): RendererResponse {
  return {
    status: 404,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from('Not found'),
  };
}

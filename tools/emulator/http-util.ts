import type { IncomingMessage, ServerResponse } from 'node:http';

/** A complete HTTP response, built by handlers and written by the server in one place. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Thrown by handlers and parsers to answer with `reply` immediately (an AWS error, usually). */
export class ReplyError extends Error {
  readonly reply: Reply;
  constructor(reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.name = 'ReplyError';
    this.reply = reply;
  }
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** An empty reply (the portal's `Logout` answers 200 with no body). */
export function emptyReply(status = 200): Reply {
  return { status, headers: {}, body: '' };
}

/** A plain-text reply. */
export function textReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text };
}

/** A 302 redirect. */
export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

/** The largest request body accepted; AWS request bodies here are a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body, answering 413 beyond `MAX_BODY_BYTES`. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ReplyError(textReply(413, 'Request body too large'));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes a reply, adding the headers every response carries.
 *
 * A reply that already names its `x-amzn-RequestId` keeps it (STS repeats the id in its XML body).
 */
export function sendReply(res: ServerResponse, reply: Reply, requestId: string, serverMs: number): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'x-amzn-RequestId': reply.headers['x-amzn-RequestId'] ?? requestId,
    'server-timing': `app;dur=${serverMs.toFixed(3)}`,
    'content-length': String(body.length),
  });
  res.end(body);
}

/** Parses a JSON body that must be an object; `fail` builds the error for anything else. */
export function parseJsonObject(body: string, fail: (why: string) => ReplyError): Record<string, unknown> {
  let value: unknown;
  try {
    value = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    throw fail('The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail('The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Reads an optional string member, failing when it is present with another type. */
export function optionalString(
  object: Record<string, unknown>,
  key: string,
  fail: (why: string) => ReplyError,
): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw fail(`${key} must be a string`);
  return value;
}

/** Reads a required, non-empty string member. */
export function requiredString(
  object: Record<string, unknown>,
  key: string,
  fail: (why: string) => ReplyError,
): string {
  const value = optionalString(object, key, fail);
  if (value === undefined || value.length === 0) throw fail(`${key} is required`);
  return value;
}

/** Reads an optional list of strings. */
export function optionalStringList(
  object: Record<string, unknown>,
  key: string,
  fail: (why: string) => ReplyError,
): string[] | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw fail(`${key} must be a list of strings`);
  }
  return value;
}

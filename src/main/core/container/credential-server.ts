/**
 * A container credentials endpoint: the HTTP provider every AWS SDK already speaks for ECS tasks
 * (`AWS_CONTAINER_CREDENTIALS_FULL_URI` with `AWS_CONTAINER_AUTHORIZATION_TOKEN`), serving one role.
 *
 * SECURITY: it listens on 127.0.0.1 only, and each start draws a new random token; a request without the
 * token gets 401, with another one 403, and neither gets anything else. The token is compared in constant
 * time. Credentials stay in this process's memory and are fetched again before they expire.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IssuedRoleCredentials } from '../actions/credentials';

/** Credentials are fetched again when they have less than this left (the SDKs refresh at 5 minutes). */
export const REFRESH_BEFORE_MS = 15 * 60_000;

/** What the endpoint serves. */
export interface CredentialServerOptions {
  /** Fresh credentials for the role (each call may ask Identity Center). */
  readonly fetchCredentials: () => Promise<IssuedRoleCredentials>;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly now?: () => number;
}

/** A running endpoint. */
export interface CredentialServer {
  /** `http://127.0.0.1:PORT/`: the value of `AWS_CONTAINER_CREDENTIALS_FULL_URI`. */
  readonly url: string;
  readonly port: number;
  /** The value of `AWS_CONTAINER_AUTHORIZATION_TOKEN`, new on every start. */
  readonly token: string;
  /** When the credentials it last served expire (epoch ms), or `null` before the first request. */
  servedUntil(): number | null;
  stop(): Promise<void>;
}

/** Starts the endpoint on 127.0.0.1. */
export async function startCredentialServer(options: CredentialServerOptions): Promise<CredentialServer> {
  const now = options.now ?? Date.now;
  const token = randomBytes(32).toString('base64url');
  const expected = digest(token);
  let current: IssuedRoleCredentials | null = null;
  let pending: Promise<IssuedRoleCredentials> | null = null;

  const credentials = async (): Promise<IssuedRoleCredentials> => {
    if (current !== null && current.expiration - now() > REFRESH_BEFORE_MS) return current;
    pending ??= options.fetchCredentials().finally(() => (pending = null));
    current = await pending;
    return current;
  };

  const server = createServer((request, response) => void answer(request, response, expected, credentials));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    servedUntil: () => current?.expiration ?? null,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  expected: Buffer,
  credentials: () => Promise<IssuedRoleCredentials>,
): Promise<void> {
  const given = request.headers.authorization;
  if (given === undefined || given === '') return reply(response, 401, { message: 'Authorization is required.' });
  if (!timingSafeEqual(digest(given), expected)) return reply(response, 403, { message: 'Forbidden.' });
  if (request.method !== 'GET') return reply(response, 405, { message: 'Only GET is served.' });
  try {
    const issued = await credentials();
    reply(response, 200, ecsCredentials(issued));
  } catch {
    // No detail: the reason is for the person running rolecall, not for whatever asked.
    reply(response, 503, { message: 'Credentials are not available. Check that you are signed in to Rolecall.' });
  }
}

/** The ECS credential document, as the SDKs' container providers read it. */
export function ecsCredentials(credentials: IssuedRoleCredentials): Record<string, string> {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    Token: credentials.sessionToken,
    Expiration: new Date(Math.floor(credentials.expiration / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

function reply(response: ServerResponse, status: number, body: Record<string, string>): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** Equal-length digests, so the comparison is constant-time whatever the header's length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorContext, InjectedFault, RequestInfo } from './context';
import type { EmulatorControl } from './control';
import { oidcErrorReply, portalErrorReply } from './errors';
import { jsonReply, readBody, ReplyError, sendReply, type Reply } from './http-util';
import { buildRoutes, findRoute, type Route } from './routes';

/**
 * Creates the request listener: route, throttle, inject faults, handle, count, delay, answer.
 *
 * Throttling and faults are decided before the handler runs, as a front door would, so a throttled or
 * failed call has no side effect (a 429'd GetRoleCredentials issues no credentials).
 */
export function createRequestListener(
  context: EmulatorContext,
  control: EmulatorControl,
  onRequest?: (line: string) => void,
): RequestListener {
  const table = buildRoutes();
  return (req, res) => {
    handle(context, control, table, req, res, onRequest).catch((error: unknown) => {
      console.error('Identity Center emulator: unexpected error', error);
      if (!res.headersSent) sendReply(res, jsonReply(500, { message: 'Emulator error' }), randomUUID(), 0);
    });
  };
}

async function handle(
  context: EmulatorContext,
  control: EmulatorControl,
  table: ReturnType<typeof buildRoutes>,
  req: IncomingMessage,
  res: ServerResponse,
  onRequest: ((line: string) => void) | undefined,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  // Concatenated rather than resolved, so a path like "//host/x" stays a path on this server.
  const url = new URL(`${context.config.baseUrl}${req.url?.startsWith('/') ? req.url : '/'}`);
  let operation = 'Unknown';
  let category: Route['category'] | undefined;
  let reply: Reply;
  try {
    const request: RequestInfo = { method, url, headers: req.headers, body: await readBody(req) };
    const found = findRoute(table, control, method, url);
    if ('handle' in found) {
      operation = typeof found.operation === 'string' ? found.operation : found.operation(request);
      category = found.category;
      reply = answer(context, found, operation, request);
    } else {
      reply = found;
    }
  } catch (error) {
    if (!(error instanceof ReplyError)) throw error;
    reply = error.reply;
  }
  const serverMs = performance.now() - started;
  if (category !== undefined && category !== 'admin' && category !== 'asset') {
    context.stats.record(operation, reply.status, serverMs);
  }
  const latency = context.settings.latencyMs;
  if (latency > 0 && (category === 'oidc' || category === 'portal' || category === 'federation' || category === 'sts')) {
    await delay(latency);
  }
  sendReply(res, reply, randomUUID(), serverMs);
  onRequest?.(`${method} ${url.pathname} ${reply.status} ${operation} ${serverMs.toFixed(1)}ms`);
}

function answer(context: EmulatorContext, route: Route, operation: string, request: RequestInfo): Reply {
  if (route.category === 'portal' && context.portalLimiter && !context.portalLimiter.take()) {
    return portalErrorReply('TooManyRequestsException');
  }
  if (route.category === 'oidc' || route.category === 'portal') {
    const injected = takeInjectedFault(context, operation);
    if (injected) return injectedReply(injected);
    if (context.settings.failRate > 0 && context.faultRandom() < context.settings.failRate) {
      return route.category === 'oidc'
        ? oidcErrorReply('InternalServerException', 'An internal error occurred')
        : portalErrorReply('InternalServerException');
    }
  }
  try {
    return route.handle(context, request);
  } catch (error) {
    if (error instanceof ReplyError) return error.reply;
    throw error;
  }
}

function takeInjectedFault(context: EmulatorContext, operation: string): InjectedFault | undefined {
  const index = context.faults.findIndex((fault) => fault.operation === operation);
  const fault = context.faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) context.faults.splice(index, 1);
  return fault;
}

function injectedReply(fault: InjectedFault): Reply {
  return fault.service === 'oidc'
    ? oidcErrorReply(fault.error, 'Injected by the emulator')
    : portalErrorReply(fault.error);
}

import { z } from 'zod';
import { accountsFromFixture } from './fixture';
import type { EmulatorContext, RequestInfo } from './context';
import type { EmulatorControl } from './control';
import { jsonReply, type Reply } from './http-util';

/** Prefix of the admin API; nothing AWS serves starts with it. */
export const ADMIN_PREFIX = '/__emulator/';

const userCodeBody = z.object({ userCode: z.string().min(1) });
const sessionBody = z.object({
  sessionId: z.string().optional(),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
});
const advanceBody = z.object({ seconds: z.number().finite().min(0) });
const settingsBody = z.strictObject({
  autoApprove: z.boolean().optional(),
  latencyMs: z.number().finite().min(0).max(600_000).optional(),
  rateLimit: z.number().finite().min(0).optional(),
  failRate: z.number().min(0).max(1).optional(),
});
const faultBody = z.object({
  operation: z.string(),
  error: z.string(),
  count: z.number().int().min(1).optional(),
});

type AdminRoute = (control: EmulatorControl, body: unknown, query: URLSearchParams) => Reply;

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new RangeError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data;
}

function decision(result: string): Reply {
  if (result === 'approved' || result === 'denied') return jsonReply(200, { result });
  return jsonReply(result === 'unknown' ? 404 : 409, { result, error: `Cannot decide this code: ${result}` });
}

const ROUTES: Readonly<Record<string, AdminRoute>> = {
  'GET info': (c) => jsonReply(200, { ...c.info(), now: c.now(), settings: c.settings(), accounts: c.accounts().length }),
  'GET accounts': (c) => jsonReply(200, { accounts: c.accounts() }),
  'PUT accounts': (c, b) => jsonReply(200, { accounts: c.replaceAccounts(accountsFromFixture(b, 'the request body')) }),
  'GET device-codes': (c, _b, q) => jsonReply(200, { deviceCodes: c.deviceCodes({ pendingOnly: q.get('pending') === 'true' }) }),
  'POST device-codes/approve': (c, b) => decision(c.approve(parse(userCodeBody, b).userCode)),
  'POST device-codes/deny': (c, b) => decision(c.deny(parse(userCodeBody, b).userCode)),
  'GET sessions': (c) => jsonReply(200, { sessions: c.sessions() }),
  'POST sessions/end': (c, b) => jsonReply(200, { ended: c.endSessions(parse(sessionBody, b)) }),
  'GET stats': (c) => jsonReply(200, { operations: c.stats() }),
  'POST stats/reset': (c) => {
    c.resetStats();
    return jsonReply(200, { operations: {} });
  },
  'GET clock': (c) => jsonReply(200, { now: c.now() }),
  'POST clock/advance': (c, b) => jsonReply(200, { now: c.advanceClock(parse(advanceBody, b).seconds) }),
  'GET secrets': (c) => jsonReply(200, { secrets: c.secrets() }),
  'GET console-logins': (c) => jsonReply(200, { consoleLogins: c.consoleLogins() }),
  'GET settings': (c) => jsonReply(200, c.settings()),
  'POST settings': (c, b) => jsonReply(200, c.updateSettings(parse(settingsBody, b))),
  'POST faults': (c, b) => {
    const fault = parse(faultBody, b);
    c.injectFault(fault.operation, fault.error, fault.count);
    return jsonReply(200, { queued: fault });
  },
  'DELETE faults': (c) => {
    c.clearFaults();
    return jsonReply(200, { cleared: true });
  },
};

/**
 * The admin API — JSON under `/__emulator/` (documented in README.md).
 *
 * SECURITY: unauthenticated by design; the server listens on 127.0.0.1 only and holds nothing but test data.
 */
export function adminApi(control: EmulatorControl): (context: EmulatorContext, request: RequestInfo) => Reply {
  return (_context, request) => {
    const path = request.url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
    const route = ROUTES[`${request.method} ${path}`];
    if (!route) return jsonReply(404, { error: `No admin endpoint ${request.method} ${ADMIN_PREFIX}${path}` });
    try {
      const body: unknown = request.body.trim() === '' ? {} : JSON.parse(request.body);
      return route(control, body, request.url.searchParams);
    } catch (error) {
      return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

import { updateSettings, type EmulatorContext, type RuntimeSettings } from './context';
import { decideUserCode, type DeviceDecisionResult } from './device-flow';
import { isOidcErrorName, isPortalErrorName } from './errors';
import { createOrganization, type Account } from './org';
import { API_OPERATIONS, isApiOperation } from './operations';
import { endSession, isSessionLive } from './sessions';
import type { ConsoleLogin, IssuedSecret } from './state';
import type { OperationStats } from './stats';

/** A device authorization as the admin API shows it (no device code: that is the client's secret). */
export interface DeviceCodeInfo {
  readonly userCode: string;
  readonly clientName: string | undefined;
  readonly status: 'pending' | 'approved' | 'denied' | 'redeemed' | 'expired';
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A session as the admin API shows it. */
export interface SessionInfo {
  readonly sessionId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly endedAt: number | undefined;
  readonly endReason: 'logout' | 'admin' | undefined;
  readonly live: boolean;
}

/** Which sessions to end: one by id or by a token issued in it; none of these means every session. */
export interface SessionSelector {
  readonly sessionId?: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
}

/** Control over a running emulator, shared by the admin HTTP API and the programmatic API. */
export interface EmulatorControl {
  approve(userCode: string): DeviceDecisionResult;
  deny(userCode: string): DeviceDecisionResult;
  deviceCodes(options?: { pendingOnly?: boolean }): DeviceCodeInfo[];
  sessions(): SessionInfo[];
  endSessions(selector?: SessionSelector): number;
  advanceClock(seconds: number): number;
  now(): number;
  stats(): Record<string, OperationStats>;
  resetStats(): void;
  secrets(): IssuedSecret[];
  consoleLogins(): ConsoleLogin[];
  settings(): RuntimeSettings;
  updateSettings(next: Partial<RuntimeSettings>): RuntimeSettings;
  injectFault(operation: string, error: string, count?: number): void;
  clearFaults(): void;
  accounts(): readonly Account[];
  /** Serves a new organization from now on (accounts added, removed or renamed); returns its size. */
  replaceAccounts(accounts: readonly Account[]): number;
  /** Where this emulator is: base URL, start URL, region. */
  info(): { url: string; startUrl: string; region: string };
}

/** Builds the control surface for one emulator. */
export function createControl(context: EmulatorContext): EmulatorControl {
  const { state, clock } = context;
  return {
    approve: (userCode) => decideUserCode(context, userCode, 'approve'),
    deny: (userCode) => decideUserCode(context, userCode, 'deny'),
    deviceCodes: (options) => deviceCodes(context, options?.pendingOnly ?? false),
    sessions: () =>
      [...state.sessions.values()].map((s) => ({ ...s, live: isSessionLive(context, s.sessionId) })),
    endSessions: (selector = {}) => endSessions(context, selector),
    advanceClock: (seconds) => clock.advance(seconds),
    now: () => clock.now(),
    stats: () => context.stats.snapshot(),
    resetStats: () => context.stats.reset(),
    secrets: () => state.secrets.slice(),
    consoleLogins: () => state.consoleLogins.slice(),
    settings: () => ({ ...context.settings }),
    updateSettings: (next) => updateSettings(context, next),
    injectFault: (operation, error, count = 1) => injectFault(context, operation, error, count),
    clearFaults: () => {
      context.faults.length = 0;
    },
    accounts: () => context.org.accounts,
    replaceAccounts: (accounts) => {
      context.org = createOrganization(accounts);
      return context.org.accounts.length;
    },
    info: () => ({ url: context.config.baseUrl, startUrl: context.config.startUrl, region: context.config.region }),
  };
}

function deviceCodes(context: EmulatorContext, pendingOnly: boolean): DeviceCodeInfo[] {
  const now = context.clock.now();
  const all = [...context.state.deviceByCode.values()].map((device): DeviceCodeInfo => ({
    userCode: device.userCode,
    clientName: context.state.registrations.get(device.clientId)?.clientName,
    status: device.status === 'pending' && now >= device.expiresAt ? 'expired' : device.status,
    createdAt: device.createdAt,
    expiresAt: device.expiresAt,
  }));
  return pendingOnly ? all.filter((device) => device.status === 'pending') : all;
}

function endSessions(context: EmulatorContext, selector: SessionSelector): number {
  const { state } = context;
  const sessionId =
    selector.sessionId ??
    (selector.accessToken !== undefined ? state.accessTokens.get(selector.accessToken)?.sessionId : undefined) ??
    (selector.refreshToken !== undefined ? state.refreshTokens.get(selector.refreshToken)?.sessionId : undefined);
  const selective = selector.sessionId !== undefined || selector.accessToken !== undefined || selector.refreshToken !== undefined;
  if (selective) return sessionId !== undefined && endSession(context, sessionId, 'admin') ? 1 : 0;
  let ended = 0;
  for (const id of state.sessions.keys()) if (endSession(context, id, 'admin')) ended += 1;
  return ended;
}

/**
 * Queues `count` answers of `error` for the next calls of `operation`.
 *
 * The error must belong to the operation's service (an OIDC exception for CreateToken, a portal one for
 * ListAccounts...), so the injected answer is one AWS could really send.
 */
function injectFault(context: EmulatorContext, operation: string, error: string, count: number): void {
  if (!isApiOperation(operation)) throw new RangeError(`Unknown operation ${operation}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be an integer >= 1');
  const service = API_OPERATIONS[operation];
  if (service === 'oidc' && isOidcErrorName(error)) {
    context.faults.push({ operation, service, error, remaining: count });
  } else if (service === 'portal' && isPortalErrorName(error)) {
    context.faults.push({ operation, service, error, remaining: count });
  } else {
    throw new RangeError(`${error} is not an error the ${service} service sends`);
  }
}

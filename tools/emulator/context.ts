import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import type { Organization } from './org';
import { createRandom, type Random } from './random';
import { createTokenBucket, type TokenBucket } from './rate-limiter';
import type { EmulatorState } from './state';
import type { Stats } from './stats';
import type { OidcErrorName, PortalErrorName } from './errors';

/** Fixed configuration, known once the server listens. Lifetimes in seconds. */
export interface EmulatorConfig {
  readonly baseUrl: string;
  readonly startUrl: string;
  readonly region: string;
  readonly accessTokenTtl: number;
  readonly sessionTtl: number;
  readonly roleCredentialsTtl: number;
  readonly deviceCodeTtl: number;
  readonly interval: number;
  readonly registrationTtl: number;
}

/** Settings that may change while the emulator runs (admin API). */
export interface RuntimeSettings {
  autoApprove: boolean;
  latencyMs: number;
  rateLimit: number;
  failRate: number;
}

/** An error queued for the next calls of one operation. */
export type InjectedFault =
  | { readonly operation: string; readonly service: 'oidc'; readonly error: OidcErrorName; remaining: number }
  | { readonly operation: string; readonly service: 'portal'; readonly error: PortalErrorName; remaining: number };

/** Everything a handler needs; one per running emulator (no module-level state). */
export interface EmulatorContext {
  readonly config: EmulatorConfig;
  readonly settings: RuntimeSettings;
  readonly clock: Clock;
  /** Replaced as a whole by the admin API, to model accounts added, removed and renamed in AWS. */
  org: Organization;
  readonly state: EmulatorState;
  readonly stats: Stats;
  readonly faults: InjectedFault[];
  /** Key for the HMAC in pagination tokens, so tokens are opaque and cannot be forged. */
  readonly pageTokenKey: Buffer;
  readonly faultRandom: Random;
  portalLimiter: TokenBucket | undefined;
}

/** Parts a context is built from. */
export interface ContextParts {
  readonly config: EmulatorConfig;
  readonly settings: RuntimeSettings;
  readonly clock: Clock;
  readonly org: Organization;
  readonly state: EmulatorState;
  readonly stats: Stats;
  readonly seed: number;
}

/** Builds the context for a running emulator. */
export function createContext(parts: ContextParts): EmulatorContext {
  const context: EmulatorContext = {
    ...parts,
    settings: { ...parts.settings },
    faults: [],
    pageTokenKey: randomBytes(32),
    faultRandom: createRandom(parts.seed ^ 0x9e3779b9),
    portalLimiter: undefined,
  };
  context.portalLimiter = limiterFor(context.settings.rateLimit);
  return context;
}

/** Applies new runtime settings (admin API), rebuilding the rate limiter when its rate changes. */
export function updateSettings(context: EmulatorContext, next: Partial<RuntimeSettings>): RuntimeSettings {
  const rateChanged = next.rateLimit !== undefined && next.rateLimit !== context.settings.rateLimit;
  Object.assign(context.settings, next);
  if (rateChanged) context.portalLimiter = limiterFor(context.settings.rateLimit);
  return { ...context.settings };
}

function limiterFor(rate: number): TokenBucket | undefined {
  // Throttling runs on real monotonic time, not the emulator clock: time travel must not refill buckets.
  return rate > 0 ? createTokenBucket(rate, () => performance.now()) : undefined;
}

/** What a handler sees of a request (body already read). */
export interface RequestInfo {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * The OIDC device-code sign-in, from registration to token, with every ending named.
 *
 * It follows the AWS CLI's algorithm (poll at `interval`, add 5 s on `slow_down`, stop on
 * `expired_token`), re-registers once when the registration is rejected, stops at once when cancelled,
 * and gives up after a few consecutive network failures.
 */
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { classifyAwsError, networkEnding } from './oidc-errors';
import {
  createTokenFromDeviceCode,
  registerClient,
  startDeviceAuthorization,
  type DeviceAuthorization,
  type TokenGrant,
} from './oidc-calls';
import { isUsableRegistration, type Registration } from './registration';

/** How a device sign-in ended. */
export type DeviceFlowOutcome =
  | { readonly kind: 'approved'; readonly grant: TokenGrant; readonly registration: Registration }
  | { readonly kind: 'denied' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'network'; readonly settingsProblem?: string }
  | { readonly kind: 'client-rejected' }
  | { readonly kind: 'failed' };

/** What the flow needs from its host. */
export interface DeviceFlowDeps {
  readonly client: SSOOIDCClient;
  readonly now: () => number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly loadRegistration: () => Promise<Registration | null>;
  readonly saveRegistration: (registration: Registration) => Promise<void>;
}

/** The instance being signed in to. */
export interface DeviceFlowTarget {
  readonly sessionName: string;
  readonly startUrl: string;
}

/** Consecutive network failures after which the flow gives up. */
const MAX_NETWORK_FAILURES = 3;

class ClientRejected extends Error {}

/** Runs one device sign-in; `onCode` is called (again after a re-registration) with the code to show. */
export async function runDeviceFlow(
  deps: DeviceFlowDeps,
  target: DeviceFlowTarget,
  signal: AbortSignal,
  onCode: (authorization: DeviceAuthorization) => void,
): Promise<DeviceFlowOutcome> {
  for (const forceRegister of [false, true]) {
    try {
      const registration = await obtainRegistration(deps, target, forceRegister, signal);
      const authorization = await startDeviceAuthorization(deps.client, registration, target.startUrl, deps.now(), signal).catch(
        rethrowRejected,
      );
      onCode(authorization);
      const grant = await pollForToken(deps, registration, authorization, signal);
      return grant.kind === 'granted' ? { kind: 'approved', grant: grant.grant, registration } : grant;
    } catch (error: unknown) {
      if (signal.aborted) return { kind: 'cancelled' };
      if (error instanceof ClientRejected) continue;
      return classifyAwsError(error) === 'network' ? networkEnding(error) : { kind: 'failed' };
    }
  }
  return { kind: 'client-rejected' };
}

async function obtainRegistration(
  deps: DeviceFlowDeps,
  target: DeviceFlowTarget,
  forceRegister: boolean,
  signal: AbortSignal,
): Promise<Registration> {
  const cached = forceRegister ? null : await deps.loadRegistration();
  if (cached !== null && isUsableRegistration(cached, deps.now())) return cached;
  const registration = await registerClient(deps.client, target.sessionName, signal);
  await deps.saveRegistration(registration);
  return registration;
}

function rethrowRejected(error: unknown): never {
  throw classifyAwsError(error) === 'invalid-client' ? new ClientRejected() : error;
}

type PollResult = { readonly kind: 'granted'; readonly grant: TokenGrant } | Exclude<DeviceFlowOutcome, { kind: 'approved' }>;

async function pollForToken(
  deps: DeviceFlowDeps,
  registration: Registration,
  authorization: DeviceAuthorization,
  signal: AbortSignal,
): Promise<PollResult> {
  let intervalSeconds = authorization.intervalSeconds;
  let networkFailures = 0;
  for (;;) {
    await deps.sleep(intervalSeconds * 1000, signal);
    try {
      const grant = await createTokenFromDeviceCode(deps.client, registration, authorization.deviceCode, deps.now, signal);
      return { kind: 'granted', grant };
    } catch (error: unknown) {
      if (signal.aborted) return { kind: 'cancelled' };
      const failure = classifyAwsError(error);
      networkFailures = failure === 'network' ? networkFailures + 1 : 0;
      if (failure === 'authorization-pending' || failure === 'server-error') continue;
      if (failure === 'slow-down') intervalSeconds += 5;
      else if (failure === 'network' && networkFailures < MAX_NETWORK_FAILURES) continue;
      else return endingFor(failure, error);
    }
  }
}

function endingFor(failure: ReturnType<typeof classifyAwsError>, error: unknown): PollResult {
  switch (failure) {
    case 'access-denied':
      return { kind: 'denied' };
    case 'expired-token':
      return { kind: 'expired' };
    case 'invalid-client':
      throw new ClientRejected();
    case 'network':
      return networkEnding(error);
    default:
      return { kind: 'failed' };
  }
}

/** A sleep that rejects as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

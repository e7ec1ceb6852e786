import type { EmulatorContext } from './context';
import { normaliseUserCode } from './ids';
import { startSession } from './sessions';
import type { DeviceAuthorization, Registration } from './state';

/** The outcome of a person's (or the admin API's) decision on a user code. */
export type DeviceDecisionResult = 'approved' | 'denied' | 'unknown' | 'expired' | 'already-decided' | 'invalid-client';

/** What the verification page needs to know about a user code. */
export interface DeviceLookup {
  readonly device: DeviceAuthorization;
  readonly registration: Registration | undefined;
  readonly problem: Exclude<DeviceDecisionResult, 'approved' | 'denied' | 'unknown'> | undefined;
}

/** Finds a device authorization by the code a person typed, and says whether it can still be decided. */
export function lookupUserCode(context: EmulatorContext, typed: string): DeviceLookup | undefined {
  const device = context.state.deviceByUserCode.get(normaliseUserCode(typed));
  if (!device) return undefined;
  const registration = context.state.registrations.get(device.clientId);
  const now = context.clock.now();
  let problem: DeviceLookup['problem'];
  if (!registration || now >= registration.expiresAt) problem = 'invalid-client';
  else if (now >= device.expiresAt) problem = 'expired';
  else if (device.status !== 'pending') problem = 'already-decided';
  return { device, registration, problem };
}

/**
 * Approves or denies a pending user code.
 *
 * Approval starts a user-interactive session, as signing in to the portal in the browser does; the tokens
 * later issued for this device code belong to it.
 */
export function decideUserCode(
  context: EmulatorContext,
  typed: string,
  decision: 'approve' | 'deny',
): DeviceDecisionResult {
  const lookup = lookupUserCode(context, typed);
  if (!lookup) return 'unknown';
  if (lookup.problem) return lookup.problem;
  if (decision === 'deny') {
    lookup.device.status = 'denied';
    return 'denied';
  }
  autoApproveDevice(context, lookup.device);
  return 'approved';
}

/** Marks a device authorization approved within a new session. */
export function autoApproveDevice(context: EmulatorContext, device: DeviceAuthorization): void {
  device.status = 'approved';
  device.sessionId = startSession(context).sessionId;
}

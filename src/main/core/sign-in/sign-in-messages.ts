/**
 * What Rolecall tells a person when a sign-in ends: what happened and what to do next.
 */
import type { DeviceFlowOutcome } from './device-flow';

/** The message for a device flow that ended without a token. */
export function messageForEnding(outcome: Exclude<DeviceFlowOutcome, { kind: 'approved' }>, region: string, codeMinutes: number): string {
  switch (outcome.kind) {
    case 'denied':
      return 'The sign-in was denied in the browser. Sign in again if that was a mistake.';
    case 'expired':
      return `The sign-in code expired after ${codeMinutes} minute${codeMinutes === 1 ? '' : 's'}. Sign in again.`;
    case 'cancelled':
      return 'Sign-in cancelled.';
    case 'network':
      return `Rolecall could not reach IAM Identity Center in ${region}. Check your connection, then sign in again.`;
    case 'client-rejected':
      return 'IAM Identity Center rejected Rolecall’s client registration, even after registering again. Check the start URL and region, then sign in again.';
    case 'failed':
      return 'The sign-in failed. Check the start URL and region, then sign in again.';
  }
}

export const SESSION_ENDED_MESSAGE = 'Your IAM Identity Center session ended. Sign in again to continue.';
export const TOKEN_EXPIRED_MESSAGE = 'Your sign-in expired. Sign in again to continue.';
export const SIGNED_OUT_IN_TERMINAL_MESSAGE = 'Signed out from a terminal (aws sso logout). Sign in again to continue.';
export const SIGNED_OUT_MESSAGE = 'Signed out.';
export const OFFLINE_EXPIRED_MESSAGE =
  'Rolecall could not reach IAM Identity Center to renew your sign-in before it expired. Check your connection, then sign in again.';

/** The message for a token file Rolecall could not read (the file is left as it is). */
export function unreadableTokenMessage(reason: string): string {
  return `${reason} Rolecall left the file as it is; signing in again replaces it.`;
}

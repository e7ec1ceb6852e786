/**
 * What Rolecall tells a person when a sign-in ends: what happened and what to do next.
 */
import type { DeviceFlowOutcome } from './device-flow';
import type { PkceFlowOutcome } from './pkce-flow';

type Ending = Exclude<DeviceFlowOutcome | PkceFlowOutcome, { kind: 'approved' }>;

/** The message for a sign-in that ended without a token; `minutes` is how long it waited. */
export function messageForEnding(outcome: Ending, region: string, codeMinutes: number): string {
  switch (outcome.kind) {
    case 'timed-out':
      return `The browser did not come back to Rolecall within ${codeMinutes} minute${codeMinutes === 1 ? '' : 's'}, so Rolecall stopped waiting. Sign in again, or sign in with a device code.`;
    case 'forged':
      return 'Rolecall received a sign-in answer that did not belong to the sign-in it started, so it stopped and signed nothing in. Sign in again.';
    case 'port-taken':
      return `Another program uses port ${outcome.port} on 127.0.0.1, where the browser would come back to Rolecall. Free it or choose another port, or sign in with a device code.`;
    case 'browser-failed':
      return 'Rolecall could not open a browser for the sign-in. Sign in with a device code instead.';
    case 'denied':
      return 'The sign-in was denied in the browser. Sign in again if that was a mistake.';
    case 'expired':
      return `The sign-in code expired after ${codeMinutes} minute${codeMinutes === 1 ? '' : 's'}. Sign in again.`;
    case 'cancelled':
      return 'Sign-in cancelled.';
    case 'network':
      if (outcome.settingsProblem !== undefined) return outcome.settingsProblem;
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

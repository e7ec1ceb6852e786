/**
 * What Rolecall tells a person when listing accounts fails.
 */
import type { PortalFailure } from '../discovery/portal-errors';

/** The message for a listing that failed for good. */
export function listFailedMessage(failure: PortalFailure): string {
  switch (failure.kind) {
    case 'throttled':
      return 'IAM Identity Center kept asking Rolecall to slow down, so the list is incomplete. Refresh to continue.';
    case 'network':
      if (failure.settingsProblem !== undefined) return failure.settingsProblem;
      return 'Rolecall could not reach IAM Identity Center to list your accounts. Check your connection, then refresh.';
    case 'server-error':
      return 'IAM Identity Center failed while listing your accounts. Refresh to try again.';
    default:
      return 'IAM Identity Center refused to list your accounts. Refresh to try again; if it keeps failing, sign in again.';
  }
}

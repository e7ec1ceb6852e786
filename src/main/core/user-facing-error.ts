/**
 * An error whose message is written for a person: what happened and what to do next.
 *
 * Handlers throw this when the person can act on the failure; anything else is reported as a generic
 * failure, and its details go to the log only.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

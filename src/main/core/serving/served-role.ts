/**
 * What the serving modules need from the rest of the core: a role's credentials and the account's name.
 */
import type { IssuedRoleCredentials } from '../actions/credentials';

/** Which role of which account, of which instance. */
export interface ServedRoleRef {
  readonly id: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** The role's credentials with at least `minValidMs` left; throws a UserFacingError when signed out. */
export type RoleCredentialsSource = (role: ServedRoleRef, minValidMs: number) => Promise<IssuedRoleCredentials>;

/** Local time as the window's notices give it: "14:05". */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** One AWS account the signed-in user is assigned to, with the roles (permission sets) they may use. */
export interface Account {
  readonly accountId: string;
  /** Absent when the portal would omit it (the model allows it). */
  readonly accountName: string | undefined;
  readonly emailAddress: string | undefined;
  readonly roles: readonly string[];
}

/** The organization the emulator serves: accounts in listing order plus an index by id. */
export interface Organization {
  readonly accounts: readonly Account[];
  readonly byId: ReadonlyMap<string, Account>;
  readonly roleAssignments: number;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Builds an organization from a list of accounts, rejecting ids that are not 12 digits or repeat.
 *
 * Role names are kept verbatim (hostile names are the point of some fixtures), but a role listed twice in
 * one account is an error because the portal never lists a role twice.
 */
export function createOrganization(accounts: readonly Account[]): Organization {
  const byId = new Map<string, Account>();
  let roleAssignments = 0;
  for (const account of accounts) {
    if (!ACCOUNT_ID.test(account.accountId)) {
      throw new Error(`Account id ${JSON.stringify(account.accountId)} is not 12 digits.`);
    }
    if (byId.has(account.accountId)) {
      throw new Error(`Account id ${account.accountId} appears more than once.`);
    }
    if (new Set(account.roles).size !== account.roles.length) {
      throw new Error(`Account ${account.accountId} lists the same role more than once.`);
    }
    byId.set(account.accountId, account);
    roleAssignments += account.roles.length;
  }
  return { accounts, byId, roleAssignments };
}

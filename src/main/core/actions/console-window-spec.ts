/**
 * The window a side-by-side console opens in: its title and its own persistent session partition.
 */
import { createHash } from 'node:crypto';
import type { AccountColour } from '../../../shared/accounts';
import type { ConsoleWindowSpec } from '../../effects/effects';

/**
 * One partition per instance, account and role, so each keeps its own console cookies across restarts
 * and several stay signed in at once. Hashed: a partition name is part of a folder name on disk.
 */
export function consolePartition(role: { readonly id: string; readonly accountId: string; readonly roleName: string }): string {
  const digest = createHash('sha256').update(`${role.id}\n${role.accountId}\n${role.roleName}`).digest('hex').slice(0, 24);
  return `persist:console-${digest}`;
}

/** The window for an account and role: "payments-prod · AdministratorAccess (111111111111)". */
export function consoleWindowSpec(
  role: { readonly id: string; readonly accountId: string; readonly roleName: string },
  accountName: string,
  colour: AccountColour | undefined,
): ConsoleWindowSpec {
  const title = `${accountName} · ${role.roleName} (${role.accountId})`;
  return { title, colour, partition: consolePartition(role) };
}

/**
 * Notices for things that happened while the person was elsewhere: a sign-in approved in the browser
 * finished, and discovery found accounts that were not in the list before. Pure functions of before and
 * after.
 */
import type { AccountView } from '../../../shared/accounts';
import type { InstanceSummary } from '../../../shared/snapshot';

/** A notice to give once. */
export interface ChangeNotice {
  readonly title: string;
  readonly body: string;
}

/** Instances whose sign-in, waiting for approval, has just finished. */
export function finishedSignIns(before: readonly InstanceSummary[], after: readonly InstanceSummary[]): ChangeNotice[] {
  const waiting = new Set(before.filter((i) => i.status.kind === 'awaitingApproval' || i.status.kind === 'awaitingBrowser').map((i) => i.id));
  return after
    .filter((i) => waiting.has(i.id) && i.status.kind === 'signedIn')
    .map((i) => ({ title: 'Signed in', body: `Signed in to ${i.sessionName}. Its accounts are on their way.` }));
}

/** How many new account names a notice lists before "and N more". */
const NAMES_SHOWN = 3;

/**
 * The accounts a finished discovery found that the list before it did not hold (the list's own "new"
 * mark, which the first discovery of an instance never sets: finding everything is no news).
 */
export function newAccounts(sessionName: string, found: readonly AccountView[]): ChangeNotice | undefined {
  const added = found.filter((a) => a.isNew);
  if (added.length === 0) return undefined;
  const names = added.slice(0, NAMES_SHOWN).map((a) => a.accountName || a.accountId);
  const more = added.length > NAMES_SHOWN ? ` and ${String(added.length - NAMES_SHOWN)} more` : '';
  const count = added.length === 1 ? '1 new account' : `${String(added.length)} new accounts`;
  return { title: 'New accounts', body: `${count} in ${sessionName}: ${names.join(', ')}${more}.` };
}

/** Instances whose discovery has just completed. */
export function completedDiscoveries(before: readonly InstanceSummary[], after: readonly InstanceSummary[]): InstanceSummary[] {
  const running = new Set(before.filter((i) => i.discovery.state === 'running').map((i) => i.id));
  return after.filter((i) => running.has(i.id) && i.discovery.state === 'complete');
}

/**
 * When to warn the person that something they rely on is about to stop working: an instance's sign-in
 * that refresh can no longer extend, and credentials they copied for a shell. A pure function of the
 * snapshot, the copies and the clock, so the schedule is tested under a fake clock on its own.
 */
import type { ActiveProfile } from '../../../shared/profiles';
import type { InstanceSummary, NoticeAction } from '../../../shared/snapshot';

/** Credentials the person copied for a shell: they stop working at `expiresAt`, whatever Rolecall does. */
export interface CopiedCredentials {
  readonly instanceId: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** A warning to give at `at`; `key` names it, so it is given once however often the schedule is planned. */
export interface PlannedWarning {
  readonly key: string;
  /** Epoch milliseconds. */
  readonly at: number;
  /** Epoch milliseconds when the thing warned about stops working. */
  readonly endsAt: number;
  readonly title: string;
  /** The text, for the minutes left when it is given. */
  readonly body: (minutesLeft: number) => string;
  readonly action?: NoticeAction;
}

/** What the schedule is planned from. */
export interface ScheduleInput {
  readonly instances: readonly InstanceSummary[];
  readonly activeProfile: ActiveProfile | null;
  /** The account name of an account of an instance, for the terminal's default profile. */
  readonly accountName: (instanceId: string, accountId: string) => string | undefined;
  readonly copied: readonly CopiedCredentials[];
  /** How long before the end to warn. */
  readonly leadMs: number;
  readonly now: number;
}

/** Every warning still to come, soonest first; one already inside its lead time is due now. */
export function planWarnings(input: ScheduleInput): PlannedWarning[] {
  const warnings = [...input.instances.flatMap((instance) => sessionEnd(instance, input)), ...input.copied.map((copy) => copiedExpiry(copy, input))];
  return warnings.filter((w) => w.endsAt > input.now).sort((a, b) => a.at - b.at);
}

/** Minutes left, rounded up so "ends in 1 min" is never said of a sign-in that has already ended. */
export function minutesLeft(endsAt: number, now: number): number {
  return Math.max(1, Math.ceil((endsAt - now) / 60_000));
}

function sessionEnd(instance: InstanceSummary, input: ScheduleInput): PlannedWarning[] {
  const { status } = instance;
  if (status.kind !== 'signedIn' || status.endsAt === undefined) return [];
  const endsAt = status.endsAt;
  return [
    {
      key: `session:${instance.id}:${String(endsAt)}`,
      at: Math.max(input.now, endsAt - input.leadMs),
      endsAt,
      title: 'Sign-in ends soon',
      body: (minutes) =>
        // The account name is looked up only when the warning is given, not at every plan.
        `Your sign-in to ${instance.sessionName} ends in ${String(minutes)} min and cannot be extended.${terminalProfileOf(instance.id, input)} Sign in again to keep working.`,
      action: { kind: 'signIn', instanceId: instance.id, label: 'Sign in again' },
    },
  ];
}

function terminalProfileOf(instanceId: string, input: ScheduleInput): string {
  const active = input.activeProfile;
  if (active === null || active.instanceId !== instanceId) return '';
  const name = input.accountName(instanceId, active.accountId) ?? active.accountId;
  return ` The terminal's default profile (${name} as ${active.roleName}) stops working then too.`;
}

function copiedExpiry(copy: CopiedCredentials, input: ScheduleInput): PlannedWarning {
  return {
    key: `copied:${copy.instanceId}:${copy.accountId}:${copy.roleName}:${String(copy.expiresAt)}`,
    at: Math.max(input.now, copy.expiresAt - input.leadMs),
    endsAt: copy.expiresAt,
    title: 'Copied credentials expire soon',
    body: (minutes) =>
      `The credentials you copied for ${copy.accountName} as ${copy.roleName} expire in ${String(minutes)} min. Copy them again for a shell that needs longer.`,
  };
}

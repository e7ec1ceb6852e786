/**
 * The person's notifications: a sign-in about to end for good (with one click to sign in again), copied
 * credentials about to expire, a sign-in that finished in the background, and new accounts. Each goes to
 * the window as a notice and, unless do-not-disturb is on, to the desktop through the effects port.
 * Nothing here carries a secret: names, times and counts only.
 */
import type { AccountView } from '../../../shared/accounts';
import type { AppSnapshot, NoticeAction } from '../../../shared/snapshot';
import type { Effects } from '../../effects/effects';
import type { Notices } from '../notices';
import type { SnapshotStore } from '../snapshot-store';
import { completedDiscoveries, finishedSignIns, newAccounts } from './change-notices';
import { minutesLeft, planWarnings, type CopiedCredentials, type PlannedWarning } from './expiry-schedule';
import { createWarningTimer, type WarningClock } from './warning-timer';

export interface DesktopNotifierDeps {
  readonly store: SnapshotStore;
  readonly notices: Notices;
  readonly effects: Effects;
  readonly clock: WarningClock;
  /** An instance's current account list. */
  readonly accounts: (instanceId: string) => readonly AccountView[];
  /** What a click on a "sign in again" notification does. */
  readonly signIn: (instanceId: string) => void;
}

export interface DesktopNotifier {
  /** The person copied credentials for a shell; they are warned before those expire. */
  credentialsCopied(copy: CopiedCredentials): void;
  dispose(): void;
}

/** Starts notifying from the store's snapshots. */
export function createDesktopNotifier(deps: DesktopNotifierDeps): DesktopNotifier {
  const copies = new Map<string, CopiedCredentials>();
  const toDesktop = (title: string, body: string, action?: NoticeAction) => {
    if (deps.store.get().settings.doNotDisturb) return;
    const instanceId = action?.instanceId;
    deps.effects.notify(title, body, instanceId === undefined ? undefined : () => deps.signIn(instanceId));
  };
  const giveWarning = (warning: PlannedWarning) => {
    const body = warning.body(minutesLeft(warning.endsAt, deps.clock.now()));
    deps.notices.add('info', body, warning.action);
    toDesktop(warning.title, body, warning.action);
  };
  const timer = createWarningTimer(deps.clock, giveWarning);
  const replan = (snapshot: AppSnapshot) => {
    const now = deps.clock.now();
    for (const [key, copy] of copies) if (copy.expiresAt <= now) copies.delete(key);
    timer.plan(
      planWarnings({
        instances: snapshot.instances,
        activeProfile: snapshot.activeProfile,
        accountName: (instanceId, accountId) => deps.accounts(instanceId).find((a) => a.accountId === accountId)?.accountName,
        copied: [...copies.values()],
        leadMs: snapshot.settings.expiryNoticeMinutes * 60_000,
        now,
      }),
    );
  };

  let before = deps.store.get();
  const unsubscribe = deps.store.subscribe((after) => {
    const previous = before;
    before = after;
    // The window already says "Signed in to …" itself; the desktop hears it for a sign-in approved elsewhere.
    for (const done of finishedSignIns(previous.instances, after.instances)) toDesktop(done.title, done.body);
    for (const instance of completedDiscoveries(previous.instances, after.instances)) {
      const found = newAccounts(instance.sessionName, deps.accounts(instance.id));
      if (found === undefined) continue;
      deps.notices.add('info', found.body);
      toDesktop(found.title, found.body);
    }
    replan(after);
  });
  replan(before);

  return {
    credentialsCopied(copy) {
      copies.set(`${copy.instanceId}\n${copy.accountId}\n${copy.roleName}`, copy);
      replan(deps.store.get());
    },
    dispose() {
      unsubscribe();
      timer.dispose();
    },
  };
}

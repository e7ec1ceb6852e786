/**
 * Gives planned warnings when they fall due: one timer, for the soonest warning not yet given.
 */
import type { PlannedWarning } from './expiry-schedule';

/** The clock and timers, passed in so tests drive them by hand. `setTimer` returns its own cancel. */
export interface WarningClock {
  now(): number;
  setTimer(run: () => void, ms: number): () => void;
}

/** Timers longer than this are re-armed on firing: Node's own limit is about 24.8 days, and clocks drift. */
const LONGEST_WAIT_MS = 24 * 60 * 60_000;

export interface WarningTimer {
  /** Replaces the plan (soonest first); a warning whose key was already given is not given again. */
  plan(warnings: readonly PlannedWarning[]): void;
  dispose(): void;
}

/** Creates a timer that calls `give` for each warning when it is due. */
export function createWarningTimer(clock: WarningClock, give: (warning: PlannedWarning) => void): WarningTimer {
  let planned: readonly PlannedWarning[] = [];
  const given = new Set<string>();
  let cancel: (() => void) | undefined;
  // Giving a warning changes the snapshot, which plans again: that plan is taken up by the loop below.
  let giving = false;

  const giveDue = () => {
    giving = true;
    try {
      for (;;) {
        const due = planned.find((w) => w.at <= clock.now() && !given.has(w.key));
        if (due === undefined) return;
        given.add(due.key);
        give(due);
      }
    } finally {
      giving = false;
    }
  };

  const arm = () => {
    if (giving) return;
    cancel?.();
    cancel = undefined;
    giveDue();
    const next = planned.find((w) => !given.has(w.key));
    if (next === undefined) return;
    cancel = clock.setTimer(arm, Math.min(LONGEST_WAIT_MS, Math.max(0, next.at - clock.now())));
  };

  return {
    plan(warnings) {
      planned = warnings;
      // Forget what is no longer planned, so a sign-in made again later is warned about again.
      const keys = new Set(warnings.map((w) => w.key));
      for (const key of given) if (!keys.has(key)) given.delete(key);
      arm();
    },
    dispose() {
      cancel?.();
      cancel = undefined;
      planned = [];
    },
  };
}

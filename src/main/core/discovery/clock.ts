/** Time as the scheduler sees it: a monotonic `now()` and one-shot timers. */
export interface SchedulerClock {
  /** Milliseconds on a monotonic scale; only differences matter. */
  now(): number;
  /** Runs `callback` once after `ms`; the returned function cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

/**
 * The real clock: `performance.now()` and `setTimeout`.
 *
 * Monotonic rather than `Date.now()` so a wall-clock jump (NTP, sleep) cannot stall or burst the pacing.
 */
export const systemClock: SchedulerClock = {
  now: () => performance.now(),
  setTimer(callback, ms) {
    const handle = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

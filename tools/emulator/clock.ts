/** A clock that follows real time but can be moved forward, so tests can reach expiry without waiting. */
export interface Clock {
  /** Current emulator time in epoch milliseconds. */
  now(): number;
  /** Moves emulator time forward; returns the new time. */
  advance(seconds: number): number;
  /** Seconds the clock has been moved forward in total. */
  offsetSeconds(): number;
}

/**
 * Creates a clock that is real time plus an offset.
 *
 * Only ever moves forward: token lifetimes, device-code expiry and polling intervals all assume that time
 * does not run backwards, as on AWS.
 */
export function createClock(realNow: () => number = Date.now): Clock {
  let offsetMs = 0;
  return {
    now: () => realNow() + offsetMs,
    advance(seconds: number): number {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError('The clock only moves forward: seconds must be a finite number >= 0.');
      }
      offsetMs += Math.round(seconds * 1000);
      return realNow() + offsetMs;
    },
    offsetSeconds: () => offsetMs / 1000,
  };
}

/**
 * Adaptive pacing for the portal API: how many requests per second to send, learned from 429 answers.
 *
 * AWS publishes no rate for the portal API and it differs by instance, so the pacer starts optimistic and
 * finds the limit the way TCP finds a link's capacity (AIMD):
 * - slow start: every success while pacing is what holds us back adds 1 req/s (the rate doubles about every
 *   0.7 s) until the first 429;
 * - on a 429, multiply the rate by `decreaseFactor`, at most once per round trip: a 429 for a request sent
 *   before the last decrease reflects the old rate and is ignored, so a burst of 429s is one signal;
 * - otherwise probe upward additively, `increasePerSecond` req/s per second of throttle-free sending,
 *   the step doubling for every `probeDoublingMs` without a 429 (see `probeStep`).
 * The rate only grows while pacing is the binding constraint; when the queue is empty or every slot is busy
 * the rate proves nothing, and growing it would store up a burst.
 */

/** Pacing parameters; rates in requests per second. */
export interface PacerOptions {
  /** Optimistic first guess; slow start leaves it quickly if the limit is higher. */
  readonly initialRate: number;
  readonly minRate: number;
  readonly maxRate: number;
  /** Multiplier applied on throttling (0 < f < 1). */
  readonly decreaseFactor: number;
  /** Additive probe after slow start, in req/s gained per second. */
  readonly increasePerSecond: number;
  /** The probe step doubles for every this many ms without a throttle (0 disables). */
  readonly probeDoublingMs: number;
  /** Pacing counts as binding for this long after a request had to wait for it. */
  readonly boundWindowMs: number;
}

/** Default pacing. */
export const DEFAULT_PACING: PacerOptions = {
  initialRate: 10,
  minRate: 0.5,
  maxRate: 500,
  decreaseFactor: 0.8,
  increasePerSecond: 1,
  probeDoublingMs: 5000,
  boundWindowMs: 1000,
};

/** A snapshot of the pacer, for stats and tests. */
export interface PacerState {
  readonly rate: number;
  readonly slowStart: boolean;
  readonly decreases: number;
}

/** The pacing state machine; times in the scheduler clock's milliseconds. */
export interface Pacer {
  /** The earliest time the next request may be sent. */
  nextSendAt(): number;
  /** A request was sent at `now`. */
  sent(now: number): void;
  /** A request was ready and a slot free, but pacing made it wait. */
  waited(now: number): void;
  /** A request answered without throttling. */
  succeeded(now: number): void;
  /** A request sent at `sentAt` was answered 429 at `now`; true if the rate was lowered. */
  throttled(sentAt: number, now: number): boolean;
  state(): PacerState;
}

/** Creates a pacer. */
export function createPacer(options: PacerOptions = DEFAULT_PACING): Pacer {
  let rate = clamp(options.initialRate, options.minRate, options.maxRate);
  let slowStart = true;
  let decreases = 0;
  let next = Number.NEGATIVE_INFINITY;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  let lastWaitAt = Number.NEGATIVE_INFINITY;
  return {
    nextSendAt: () => next,
    sent(now) {
      const interval = 1000 / rate;
      // Timers fire a millisecond or two late; allowing one interval of debt keeps those slips from adding
      // up (at 50 req/s, 1 ms per call is 5 %), while an idle spell still earns at most one extra call.
      next = Math.max(next, now - interval) + interval;
    },
    waited(now) {
      lastWaitAt = now;
    },
    succeeded(now) {
      if (now - lastWaitAt > options.boundWindowMs) return;
      rate = Math.min(options.maxRate, rate + (slowStart ? 1 : probeStep(options, now - lastDecreaseAt) / rate));
    },
    throttled(sentAt, now) {
      if (sentAt < lastDecreaseAt) return false;
      rate = Math.max(options.minRate, rate * options.decreaseFactor);
      slowStart = false;
      decreases += 1;
      lastDecreaseAt = now;
      return true;
    },
    state: () => ({ rate, slowStart, decreases }),
  };
}

/**
 * Req/s to gain per second of calm: `increasePerSecond`, doubled for every `probeDoublingMs` without a 429.
 *
 * Near the limit the steps stay small (few 429s); after a storm has passed the growing step brings the rate
 * back in seconds rather than the minutes a fixed +1 req/s would take from 5 to 50.
 */
function probeStep(options: PacerOptions, calmMs: number): number {
  if (options.probeDoublingMs <= 0) return options.increasePerSecond;
  return options.increasePerSecond * 2 ** Math.min(5, Math.floor(calmMs / options.probeDoublingMs));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

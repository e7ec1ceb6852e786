import type { BackoffOptions } from './backoff';
import type { SchedulerClock } from './clock';
import type { PacerOptions } from './pacer';
import type { PortalFailure } from './portal-errors';
import type { StopReason } from './task-error';
import type { TaskPriority } from './task-queue';

/** A portal call to schedule; it should pass `signal` to the SDK (`client.send(command, { abortSignal })`). */
export type PortalTask<T> = (signal: AbortSignal) => Promise<T>;

/** How a task is queued. */
export interface TaskOptions {
  /** Groups tasks so `prioritize(key)` can bump them, e.g. an account id. */
  readonly key?: string;
  readonly priority?: TaskPriority;
}

/** Scheduler settings; every one has a default. */
export interface SchedulerOptions {
  /** Most calls in flight at once (default 10). */
  readonly maxConcurrency?: number;
  /** Most calls per task, first one included, not counting calls answered 429 (default 6). */
  readonly maxAttempts?: number;
  /** Most calls per task answered 429 before it fails for good (default 10). */
  readonly maxThrottledAttempts?: number;
  readonly backoff?: BackoffOptions;
  readonly pacing?: Partial<PacerOptions>;
  readonly clock?: SchedulerClock;
  /** Source of jitter (default `Math.random`). */
  readonly random?: () => number;
  /** Aborting it cancels the scheduler: see `cancel()`. */
  readonly signal?: AbortSignal;
  /** Parses a call's error (default `classifyPortalError`). */
  readonly classify?: (error: unknown) => PortalFailure;
}

/** Counters since the scheduler was created. */
export interface SchedulerStats {
  /** Calls sent, retries included. */
  readonly sent: number;
  /** Calls answered 429. */
  readonly throttled: number;
  /** Calls answered 5xx or lost to the network. */
  readonly faults: number;
  readonly retries: number;
  /** Tasks that failed for good. */
  readonly failed: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  readonly queued: number;
  /** Tasks waiting out a backoff before their next attempt. */
  readonly backingOff: number;
  /** Current paced rate, requests per second. */
  readonly rate: number;
  readonly rateDecreases: number;
}

/** Whether the scheduler takes work. */
export type SchedulerState = { readonly kind: 'running' } | { readonly kind: 'stopped'; readonly reason: StopReason };

/** The scheduler's interface. */
export interface Scheduler {
  /** Queues a call; resolves with its result or rejects with a `TaskError`. */
  schedule<T>(task: PortalTask<T>, options?: TaskOptions): Promise<T>;
  /** Moves every waiting task with `key` to the front, and sends future ones first too. */
  prioritize(key: string): void;
  /** Stops at once: nothing more is sent, every pending task rejects with `TaskError('cancelled')`. */
  cancel(): void;
  state(): SchedulerState;
  stats(): SchedulerStats;
}

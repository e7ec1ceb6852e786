/**
 * The one request scheduler for the SSO portal API.
 *
 * Every portal call of a discovery run goes through it, so it alone decides how many calls are in flight,
 * how fast they are sent (adaptive pacing, see `pacer.ts`), which go first, and when a failed call is sent
 * again. The SDK client must be built with `maxAttempts: 1` (see `createPortalClient`): if the SDK retried a
 * 429 itself, the scheduler would never see it, could not slow down, and each "one call" could be three.
 */
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { systemClock, type SchedulerClock } from './clock';
import { createPacer, DEFAULT_PACING, type Pacer } from './pacer';
import { classifyPortalError, isRetryable, type PortalFailure } from './portal-errors';
import type { PortalTask, Scheduler, SchedulerOptions, SchedulerStats, TaskOptions } from './scheduler-types';
import { TaskError, type StopReason } from './task-error';
import { createTaskQueue, type TaskPriority, type TaskQueue } from './task-queue';

interface Entry {
  priority: TaskPriority;
  readonly key: string | undefined;
  /** Runs the call; on success returns the function that hands the value to the caller. */
  readonly execute: (signal: AbortSignal) => Promise<() => void>;
  readonly reject: (error: TaskError) => void;
  attempts: number;
  throttles: number;
  settled: boolean;
  controller: AbortController | undefined;
  cancelTimer: (() => void) | undefined;
}

interface Config {
  readonly maxConcurrency: number;
  readonly maxAttempts: number;
  readonly maxThrottledAttempts: number;
  readonly backoff: BackoffOptions;
  readonly clock: SchedulerClock;
  readonly random: () => number;
  readonly classify: (error: unknown) => PortalFailure;
}

interface Core {
  readonly config: Config;
  readonly pacer: Pacer;
  readonly queue: TaskQueue<Entry>;
  readonly inFlight: Set<Entry>;
  readonly backingOff: Set<Entry>;
  readonly urgentKeys: Set<string>;
  readonly counters: { sent: number; throttled: number; faults: number; retries: number; failed: number; maxInFlight: number };
  stopped: StopReason | undefined;
  pumpRequested: boolean;
  cancelPump: (() => void) | undefined;
  detachSignal: () => void;
}

/** Creates a scheduler. */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const core = createCore(options);
  const { signal } = options;
  if (signal?.aborted) stop(core, 'cancelled');
  else if (signal) {
    const onAbort = (): void => stop(core, 'cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
    core.detachSignal = () => signal.removeEventListener('abort', onAbort);
  }
  return {
    schedule: (task, taskOptions) => schedule(core, task, taskOptions ?? {}),
    prioritize: (key) => prioritize(core, key),
    cancel: () => stop(core, 'cancelled'),
    state: () => (core.stopped === undefined ? { kind: 'running' } : { kind: 'stopped', reason: core.stopped }),
    stats: () => stats(core),
  };
}

function createCore(options: SchedulerOptions): Core {
  return {
    config: {
      maxConcurrency: Math.max(1, options.maxConcurrency ?? 10),
      maxAttempts: Math.max(1, options.maxAttempts ?? 6),
      maxThrottledAttempts: Math.max(1, options.maxThrottledAttempts ?? 10),
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      classify: options.classify ?? classifyPortalError,
    },
    pacer: createPacer({ ...DEFAULT_PACING, ...options.pacing }),
    queue: createTaskQueue<Entry>(),
    inFlight: new Set(),
    backingOff: new Set(),
    urgentKeys: new Set(),
    counters: { sent: 0, throttled: 0, faults: 0, retries: 0, failed: 0, maxInFlight: 0 },
    stopped: undefined,
    pumpRequested: false,
    cancelPump: undefined,
    detachSignal: () => {},
  };
}

function schedule<T>(core: Core, task: PortalTask<T>, options: TaskOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (core.stopped !== undefined) {
      reject(new TaskError(core.stopped, undefined, 0));
      return;
    }
    const urgent = options.key !== undefined && core.urgentKeys.has(options.key);
    core.queue.push({
      priority: urgent ? 'urgent' : (options.priority ?? 'normal'),
      key: options.key,
      execute: async (signal) => {
        const value = await task(signal);
        return () => resolve(value);
      },
      reject,
      attempts: 0,
      throttles: 0,
      settled: false,
      controller: undefined,
      cancelTimer: undefined,
    });
    requestPump(core);
  });
}

/** Pumps once the current synchronous work is done, so tasks queued together are ordered together. */
function requestPump(core: Core): void {
  if (core.pumpRequested) return;
  core.pumpRequested = true;
  queueMicrotask(() => {
    core.pumpRequested = false;
    pump(core);
  });
}

/** Sends what concurrency and pacing allow now, and sets a timer for when pacing allows the next one. */
function pump(core: Core): void {
  const { clock, maxConcurrency } = core.config;
  core.cancelPump?.();
  core.cancelPump = undefined;
  while (core.stopped === undefined && core.queue.size > 0 && core.inFlight.size < maxConcurrency) {
    const now = clock.now();
    const at = core.pacer.nextSendAt();
    if (at > now) {
      core.pacer.waited(now);
      core.cancelPump = clock.setTimer(() => pump(core), at - now);
      return;
    }
    const entry = core.queue.shift();
    if (entry !== undefined) dispatch(core, entry, now);
  }
}

function dispatch(core: Core, entry: Entry, now: number): void {
  core.pacer.sent(now);
  core.counters.sent += 1;
  entry.attempts += 1;
  entry.controller = new AbortController();
  core.inFlight.add(entry);
  core.counters.maxInFlight = Math.max(core.counters.maxInFlight, core.inFlight.size);
  void entry.execute(entry.controller.signal).then(
    (deliver) => succeeded(core, entry, deliver),
    (error: unknown) => failed(core, entry, error, now),
  );
}

function succeeded(core: Core, entry: Entry, deliver: () => void): void {
  core.inFlight.delete(entry);
  if (entry.settled) return;
  entry.settled = true;
  core.pacer.succeeded(core.config.clock.now());
  deliver();
  pump(core);
}

function failed(core: Core, entry: Entry, error: unknown, sentAt: number): void {
  core.inFlight.delete(entry);
  if (entry.settled) return;
  const failure = core.config.classify(error);
  if (failure.kind === 'unauthorized') {
    // The session is over for every call, not just this one: stop rather than collect a 401 per account.
    settle(entry, new TaskError('session-ended', failure, entry.attempts));
    stop(core, 'session-ended');
    return;
  }
  if (failure.kind === 'throttled') {
    core.counters.throttled += 1;
    entry.throttles += 1;
    core.pacer.throttled(sentAt, core.config.clock.now());
  } else if (isRetryable(failure.kind)) {
    core.counters.faults += 1;
  }
  if (mayRetry(core.config, entry, failure)) {
    retryLater(core, entry);
  } else {
    core.counters.failed += 1;
    settle(entry, new TaskError('failed', failure, entry.attempts));
  }
  pump(core);
}

/**
 * Whether a failed call gets another attempt. 429s have their own, larger budget: the pacer is already
 * slowing down for them, and a task must not fail for good just because it was unlucky during a throttle
 * storm; 5xx and network failures count against `maxAttempts`.
 */
function mayRetry(config: Config, entry: Entry, failure: PortalFailure): boolean {
  if (failure.kind === 'throttled') return entry.throttles < config.maxThrottledAttempts;
  return isRetryable(failure.kind) && entry.attempts - entry.throttles < config.maxAttempts;
}

function retryLater(core: Core, entry: Entry): void {
  const { clock, backoff, random } = core.config;
  core.counters.retries += 1;
  core.backingOff.add(entry);
  entry.cancelTimer = clock.setTimer(() => {
    core.backingOff.delete(entry);
    entry.cancelTimer = undefined;
    if (entry.key !== undefined && core.urgentKeys.has(entry.key)) entry.priority = 'urgent';
    // Front of its lane: it has waited its turn once already, and finishing started work first keeps the
    // tail of a run short.
    core.queue.unshift(entry);
    pump(core);
  }, backoffDelay(entry.attempts, backoff, random));
}

function prioritize(core: Core, key: string): void {
  if (core.stopped !== undefined) return;
  core.urgentKeys.add(key);
  core.queue.promote(key);
  requestPump(core);
}

/** Stops for good: cancels timers, aborts calls in flight and rejects every pending task. */
function stop(core: Core, reason: StopReason): void {
  if (core.stopped !== undefined) return;
  core.stopped = reason;
  core.cancelPump?.();
  core.cancelPump = undefined;
  core.detachSignal();
  const pending = [...core.queue.drain(), ...core.backingOff, ...core.inFlight];
  core.backingOff.clear();
  core.inFlight.clear();
  for (const entry of pending) {
    entry.cancelTimer?.();
    entry.controller?.abort();
    settle(entry, new TaskError(reason, undefined, entry.attempts));
  }
}

function settle(entry: Entry, error: TaskError): void {
  if (entry.settled) return;
  entry.settled = true;
  entry.reject(error);
}

function stats(core: Core): SchedulerStats {
  const pacer = core.pacer.state();
  return {
    ...core.counters,
    inFlight: core.inFlight.size,
    queued: core.queue.size,
    backingOff: core.backingOff.size,
    rate: pacer.rate,
    rateDecreases: pacer.decreases,
  };
}

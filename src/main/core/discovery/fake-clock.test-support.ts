import type { SchedulerClock } from './clock';

/** A clock for tests: time moves only when the test moves it, and timers fire in order as it does. */
export interface FakeClock extends SchedulerClock {
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle after each. */
  advance(ms: number): Promise<void>;
  /** Moves time timer by timer until `promise` settles (at most `limitMs` of fake time); returns its result. */
  runUntilSettled<T>(promise: Promise<T>, limitMs?: number): Promise<PromiseSettledResult<T>>;
  /** Lets every pending promise callback run without moving time. */
  flush(): Promise<void>;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

/** Creates a fake clock starting at `start` milliseconds. */
export function createFakeClock(start = 1_000_000): FakeClock {
  let now = start;
  let seq = 0;
  const timers: Timer[] = [];
  // A real macrotask turn: every microtask queued before it (promise chains of any depth) has run by then.
  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const nextTimer = (): Timer | undefined => {
    let best: Timer | undefined;
    for (const timer of timers) if (best === undefined || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    return best;
  };
  const fire = (timer: Timer): void => {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.callback();
  };
  return {
    now: () => now,
    setTimer(callback, ms) {
      const timer = { at: now + Math.max(0, ms), seq: (seq += 1), callback };
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    flush,
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (let timer = nextTimer(); timer !== undefined && timer.at <= target; timer = nextTimer()) {
        fire(timer);
        await flush();
      }
      now = target;
      await flush();
    },
    async runUntilSettled<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<PromiseSettledResult<T>> {
      let result: PromiseSettledResult<T> | undefined;
      void promise.then(
        (value) => (result = { status: 'fulfilled', value }),
        (reason: unknown) => (result = { status: 'rejected', reason }),
      );
      const deadline = now + limitMs;
      await flush();
      while (result === undefined) {
        const timer = nextTimer();
        if (timer === undefined) throw new Error('Deadlock: the promise is pending and no timer is set');
        if (timer.at > deadline) throw new Error(`Still pending after ${limitMs} ms of fake time`);
        fire(timer);
        await flush();
      }
      return result;
    },
  };
}

import type { FakeClock } from './fake-clock.test-support';

/** An error shaped as the SSO SDK throws it: exception name plus `$metadata.httpStatusCode`. */
export function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

/** How the simulated portal answers one call, decided as it arrives. */
export type Verdict = 'ok' | 'throttle' | { readonly status: number; readonly name: string };

/** What the simulated portal saw. */
export interface SimulatedStats {
  requests: number;
  throttled: number;
  maxConcurrent: number;
  /** Arrival time and key of every call, in order. */
  readonly arrivals: { readonly at: number; readonly key: string }[];
}

/** A portal stand-in on a fake clock: a token bucket like the emulator's, latency, and scripted faults. */
export interface SimulatedPortal {
  /** One call: answers after the latency with `value`, or rejects as the portal would. */
  call<T>(key: string, value: T, signal: AbortSignal): Promise<T>;
  /** Changes the rate limit (0 = unlimited); the bucket keeps its tokens. */
  setRate(rate: number): void;
  /** Decides answers before the bucket does; return undefined to let the bucket decide. */
  script(verdict: (key: string, attempt: number, now: number) => Verdict | undefined): void;
  readonly stats: SimulatedStats;
}

/** Options of the simulated portal; the burst is one second's worth of calls, as in the emulator. */
export interface SimulatedPortalOptions {
  readonly clock: FakeClock;
  readonly rate: number;
  readonly latencyMs: number;
}

/** Creates a simulated portal. */
export function createSimulatedPortal(options: SimulatedPortalOptions): SimulatedPortal {
  const { clock, latencyMs } = options;
  let rate = options.rate;
  let tokens = rate;
  let last = clock.now();
  let concurrent = 0;
  let scripted: (key: string, attempt: number, now: number) => Verdict | undefined = () => undefined;
  const attempts = new Map<string, number>();
  const stats: SimulatedStats = { requests: 0, throttled: 0, maxConcurrent: 0, arrivals: [] };
  const take = (): boolean => {
    if (rate <= 0) return true;
    const now = clock.now();
    tokens = Math.min(Math.max(1, rate), tokens + ((now - last) / 1000) * rate);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const decide = (key: string): Verdict => {
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    return scripted(key, attempt, clock.now()) ?? (take() ? 'ok' : 'throttle');
  };
  return {
    call<T>(key: string, value: T, signal: AbortSignal): Promise<T> {
      stats.requests += 1;
      stats.arrivals.push({ at: clock.now(), key });
      const verdict = decide(key);
      if (verdict === 'throttle') stats.throttled += 1;
      concurrent += 1;
      stats.maxConcurrent = Math.max(stats.maxConcurrent, concurrent);
      return new Promise<T>((resolve, reject) => {
        let done = false;
        const cancel = clock.setTimer(() => {
          done = true;
          concurrent -= 1;
          if (verdict === 'ok') resolve(value);
          else if (verdict === 'throttle') reject(sdkError('TooManyRequestsException', 429));
          else reject(sdkError(verdict.name, verdict.status));
        }, latencyMs);
        signal.addEventListener('abort', () => {
          if (done) return;
          done = true;
          cancel();
          concurrent -= 1;
          reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
        }, { once: true });
      });
    },
    setRate(next) {
      rate = next;
    },
    script(verdict) {
      scripted = verdict;
    },
    stats,
  };
}

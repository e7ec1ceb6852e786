/** Bounds of the retry delay, in milliseconds. */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay; doubles with every further attempt. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly maxMs: number;
}

/** Default backoff: 100–200 ms before the first retry, at most 4–8 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, maxMs: 8000 };

/**
 * The delay before retry number `retry` (1 for the first retry): exponential with "equal jitter".
 *
 * Half the ceiling is fixed so a retry always waits a little (a 5xx burst needs time to pass), the other half
 * random so the calls throttled together do not all come back together.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** A token bucket: `take()` answers whether one more request may pass now. */
export interface TokenBucket {
  take(): boolean;
}

/**
 * Creates a token bucket refilled at `ratePerSecond`, holding at most `capacity` tokens (full at start).
 *
 * The capacity defaults to one second's worth of requests, so a burst after a quiet spell is bounded the
 * way AWS throttling is, rather than letting an idle minute bank thousands of calls.
 */
export function createTokenBucket(
  ratePerSecond: number,
  now: () => number,
  capacity: number = Math.max(1, ratePerSecond),
): TokenBucket {
  if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
  let tokens = capacity;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

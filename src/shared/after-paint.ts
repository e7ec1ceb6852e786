/**
 * Running work after the page has painted, so a first screen is on the display before the rest is done.
 *
 * A frame callback runs just before the browser paints, and a task queued from it runs after that
 * paint. A hidden window runs no frame callbacks, so a timer does the work anyway if no frame comes.
 */

/** What the scheduling needs from the page (`window` has all of it). */
export interface FrameHost {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** How long to wait for a frame before doing the work anyway (a hidden window paints none). */
export const NO_FRAME_FALLBACK_MS = 250;

/**
 * How long after painting a first screen the rest of the list waits. The paint is not yet on the display:
 * it is rasterized on other threads, and on a two-core machine rendering 10,000 accounts at once delays
 * that by about 30 ms. Nobody scrolls past a first slice's hundred rows in this time.
 */
export const FIRST_SCREEN_SETTLE_MS = 100;

/**
 * Runs `then` once, `settleMs` after the next paint (or after {@link NO_FRAME_FALLBACK_MS} if no frame
 * comes); returns a cancel.
 */
export function afterNextPaint(host: FrameHost, then: () => void, settleMs = 0): () => void {
  let done = false;
  let task: number | null = null;
  const run = (): void => {
    if (done) return;
    done = true;
    host.cancelAnimationFrame(frame);
    host.clearTimeout(fallback);
    if (task !== null) host.clearTimeout(task);
    then();
  };
  const frame = host.requestAnimationFrame(() => {
    host.clearTimeout(fallback);
    task = host.setTimeout(run, settleMs);
  });
  const fallback = host.setTimeout(run, NO_FRAME_FALLBACK_MS);
  return () => {
    done = true;
    host.cancelAnimationFrame(frame);
    host.clearTimeout(fallback);
    if (task !== null) host.clearTimeout(task);
  };
}

/** Work after the next paint: after the frame callback's task, or on the fallback timer in a hidden window. */
import { describe, expect, it, vi } from 'vitest';
import { afterNextPaint, NO_FRAME_FALLBACK_MS, type FrameHost } from './after-paint';

/** A page whose frames and clock the test moves. */
function page(): { host: FrameHost; drawFrame: () => void; advance: (ms: number) => void } {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  let now = 0;
  const host: FrameHost = {
    requestAnimationFrame: (callback) => {
      frames.set(next, callback);
      return next++;
    },
    cancelAnimationFrame: (handle) => frames.delete(handle),
    setTimeout: (callback, ms) => {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle) => timers.delete(handle),
  };
  const drawFrame = (): void => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((callback) => callback());
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const [handle, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now || !timers.has(handle)) continue;
      timers.delete(handle);
      timer.callback();
    }
  };
  return { host, drawFrame, advance };
}

describe('afterNextPaint', () => {
  it('runs in the task after the next frame (after its paint), once', () => {
    const { host, drawFrame, advance } = page();
    const then = vi.fn();
    afterNextPaint(host, then);
    advance(1);
    expect(then).not.toHaveBeenCalled();
    drawFrame();
    expect(then).not.toHaveBeenCalled();
    advance(0);
    expect(then).toHaveBeenCalledOnce();
    advance(NO_FRAME_FALLBACK_MS);
    expect(then).toHaveBeenCalledOnce();
  });

  it('waits the settling time after the frame, and the fallback does not cut it short', () => {
    const { host, drawFrame, advance } = page();
    const then = vi.fn();
    afterNextPaint(host, then, NO_FRAME_FALLBACK_MS + 100);
    drawFrame();
    advance(NO_FRAME_FALLBACK_MS + 99);
    expect(then).not.toHaveBeenCalled();
    advance(1);
    expect(then).toHaveBeenCalledOnce();
  });

  it('runs anyway when no frame comes (a hidden window)', () => {
    const { host, advance } = page();
    const then = vi.fn();
    afterNextPaint(host, then);
    advance(NO_FRAME_FALLBACK_MS);
    expect(then).toHaveBeenCalledOnce();
  });

  it('does nothing once cancelled', () => {
    const { host, drawFrame, advance } = page();
    const then = vi.fn();
    const cancel = afterNextPaint(host, then);
    cancel();
    drawFrame();
    advance(NO_FRAME_FALLBACK_MS);
    expect(then).not.toHaveBeenCalled();
  });
});

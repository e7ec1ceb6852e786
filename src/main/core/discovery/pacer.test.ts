import { describe, expect, it } from 'vitest';
import { createPacer, DEFAULT_PACING } from './pacer';

describe('the pacer', () => {
  it('spaces sends at 1 / rate, banking at most one call from an idle spell', () => {
    const pacer = createPacer({ ...DEFAULT_PACING, initialRate: 10 });
    pacer.sent(0);
    pacer.sent(0);
    expect(pacer.nextSendAt()).toBe(100);
    pacer.sent(103); // a timer that fired 3 ms late does not push every later send back
    expect(pacer.nextSendAt()).toBe(200);
    pacer.sent(10_000);
    expect(pacer.nextSendAt()).toBe(10_000);
    pacer.sent(10_000);
    expect(pacer.nextSendAt()).toBe(10_100);
  });

  it('treats a burst of 429s for calls sent before a decrease as one signal', () => {
    const pacer = createPacer({ ...DEFAULT_PACING, initialRate: 50 });
    expect(pacer.throttled(1000, 1150)).toBe(true);
    expect(pacer.state().rate).toBeCloseTo(40);
    for (let sentAt = 1001; sentAt < 1150; sentAt += 20) expect(pacer.throttled(sentAt, 1160)).toBe(false);
    expect(pacer.state()).toMatchObject({ decreases: 1, slowStart: false });
    // A call sent after the decrease and still throttled means the new rate is too high as well.
    expect(pacer.throttled(1200, 1350)).toBe(true);
    expect(pacer.state().rate).toBeCloseTo(32);
  });

  it('grows only while pacing is what holds calls back', () => {
    const pacer = createPacer({ ...DEFAULT_PACING, initialRate: 10 });
    pacer.succeeded(5000);
    expect(pacer.state().rate).toBe(10);
    pacer.waited(5000);
    pacer.succeeded(5100);
    expect(pacer.state().rate).toBe(11); // slow start: +1 per success
    pacer.throttled(5100, 5200);
    const afterDecrease = pacer.state().rate;
    pacer.waited(5300);
    pacer.succeeded(5300);
    expect(pacer.state().rate).toBeCloseTo(afterDecrease + 1 / afterDecrease); // additive: +1 req/s per second
  });

  it('never goes below minRate or above maxRate', () => {
    const pacer = createPacer({ ...DEFAULT_PACING, initialRate: 2, minRate: 1, maxRate: 3 });
    for (let t = 0; t < 10; t += 1) pacer.throttled(t * 1000, t * 1000 + 1);
    expect(pacer.state().rate).toBe(1);
    for (let t = 0; t < 100; t += 1) {
      pacer.waited(t);
      pacer.succeeded(t);
    }
    expect(pacer.state().rate).toBe(3);
  });
});

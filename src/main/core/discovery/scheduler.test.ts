import { describe, expect, it } from 'vitest';
import { createFakeClock } from './fake-clock.test-support';
import { createScheduler } from './scheduler';
import type { SchedulerOptions, TaskOptions } from './scheduler-types';
import { createRandom } from '../../../../tools/emulator/random';
import { createSimulatedPortal } from './simulated-portal.test-support';
import { isTaskError, TaskError } from './task-error';

function setup(rate: number, latencyMs: number, options: SchedulerOptions = {}) {
  const clock = createFakeClock();
  const portal = createSimulatedPortal({ clock, rate, latencyMs });
  const scheduler = createScheduler({ clock, random: createRandom(7), ...options });
  const run = (key: string, taskOptions: TaskOptions = {}): Promise<string> =>
    scheduler.schedule((signal) => portal.call(key, key, signal), { key, ...taskOptions });
  const runMany = (count: number, prefix = 'a'): Promise<string>[] =>
    Array.from({ length: count }, (_, i) => run(`${prefix}${i}`));
  return { clock, portal, scheduler, run, runMany };
}

async function rejectionOf(promise: Promise<unknown>): Promise<TaskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TaskError) return error;
    throw error;
  }
  throw new Error('Expected a TaskError, but the task succeeded');
}

describe('adaptive pacing', () => {
  it.each([
    { rate: 10, latencyMs: 150 },
    { rate: 20, latencyMs: 150 },
    { rate: 50, latencyMs: 150 },
    { rate: 100, latencyMs: 50 },
  ])('finds an unknown limit of $rate/s and stays within 1.15× of calls ÷ rate', async ({ rate, latencyMs }) => {
    const { clock, portal, scheduler, runMany } = setup(rate, latencyMs);
    const calls = rate * 30;
    const started = clock.now();
    const result = await clock.runUntilSettled(Promise.all(runMany(calls)));
    expect(result.status).toBe('fulfilled');
    expect(clock.now() - started).toBeLessThan((1.15 * calls * 1000) / rate);
    expect(scheduler.stats().failed).toBe(0);
    // Calm: most calls are not throttled, and concurrency stays bounded throughout.
    expect(portal.stats.throttled).toBeLessThan(calls * 0.1);
    expect(portal.stats.maxConcurrent).toBeLessThanOrEqual(10);
  });

  it('drops its rate in a throttle storm, then probes back up when it passes', async () => {
    const { clock, portal, scheduler, runMany } = setup(40, 100);
    const all = Promise.all(runMany(1500));
    await clock.advance(5000);
    expect(scheduler.stats().rate).toBeGreaterThan(30);
    portal.setRate(5);
    const during: number[] = [];
    for (let t = 0; t < 8000; t += 250) {
      await clock.advance(250);
      during.push(scheduler.stats().rate);
    }
    expect(Math.min(...during.slice(-8))).toBeLessThan(8);
    const throttledInStorm = portal.stats.throttled;
    portal.setRate(40);
    await clock.advance(10_000);
    expect(scheduler.stats().rate).toBeGreaterThan(20);
    expect((await clock.runUntilSettled(all)).status).toBe('fulfilled');
    expect(scheduler.stats().failed).toBe(0);
    expect(portal.stats.throttled - throttledInStorm).toBeLessThan(150);
  });

  it('never has more calls in flight than maxConcurrency', async () => {
    const { clock, portal, scheduler, runMany } = setup(0, 100, { maxConcurrency: 4 });
    expect((await clock.runUntilSettled(Promise.all(runMany(200)))).status).toBe('fulfilled');
    expect(portal.stats.maxConcurrent).toBe(4);
    expect(scheduler.stats().maxInFlight).toBe(4);
  });
});

describe('retries', () => {
  it('retries a 5xx with jittered exponential backoff', async () => {
    const { clock, portal, run } = setup(0, 10);
    portal.script((key, attempt) => (key === 'x' && attempt <= 4 ? { status: 500, name: 'InternalServerException' } : undefined));
    expect(await clock.runUntilSettled(run('x'))).toEqual({ status: 'fulfilled', value: 'x' });
    const times = portal.stats.arrivals.map((a) => a.at);
    expect(times).toHaveLength(5);
    // Retry n waits 100·2^(n-1) to 200·2^(n-1) ms (equal jitter on a 200 ms base), after the 10 ms answer.
    times.slice(1).forEach((at, i) => {
      const gap = at - (times[i] ?? 0) - 10;
      expect(gap).toBeGreaterThanOrEqual(100 * 2 ** i);
      expect(gap).toBeLessThanOrEqual(200 * 2 ** i + 150);
    });
  });

  it('rides out a burst of 5xx answers without losing a task', async () => {
    const { clock, portal, scheduler, runMany } = setup(0, 20, { maxConcurrency: 5 });
    const burstStart = clock.now() + 300;
    portal.script((_key, _attempt, now) =>
      now >= burstStart && now < burstStart + 1500 ? { status: 503, name: 'ServiceUnavailable' } : undefined,
    );
    expect((await clock.runUntilSettled(Promise.all(runMany(200)))).status).toBe('fulfilled');
    expect(scheduler.stats().faults).toBeGreaterThan(10);
    expect(scheduler.stats().failed).toBe(0);
  });

  it('fails one task for good while the others succeed', async () => {
    const { clock, portal, runMany, run } = setup(0, 10);
    portal.script((key) => {
      if (key === 'down') return { status: 500, name: 'InternalServerException' };
      if (key === 'gone') return { status: 403, name: 'ForbiddenException' };
      return undefined;
    });
    const others = Promise.all(runMany(30));
    const down = rejectionOf(run('down'));
    const gone = rejectionOf(run('gone'));
    expect((await clock.runUntilSettled(others)).status).toBe('fulfilled');
    await clock.runUntilSettled(down);
    expect(await down).toMatchObject({ reason: 'failed', attempts: 6, failure: { kind: 'server-error', status: 500 } });
    // Not retried: asking again for an account that is not the user's changes nothing.
    expect(await gone).toMatchObject({ reason: 'failed', attempts: 1, failure: { kind: 'forbidden', status: 403 } });
  });

  it('gives 429s their own budget, so a throttle storm alone does not fail a task quickly', async () => {
    const { clock, portal, run } = setup(0, 10);
    portal.script((key, attempt) => (key === 'x' && attempt <= 8 ? 'throttle' : undefined));
    expect(await clock.runUntilSettled(run('x'))).toEqual({ status: 'fulfilled', value: 'x' });
    portal.script((key) => (key === 'y' ? 'throttle' : undefined));
    const failed = rejectionOf(run('y'));
    await clock.runUntilSettled(failed);
    expect(await failed).toMatchObject({ reason: 'failed', attempts: 10, failure: { kind: 'throttled' } });
  });
});

describe('stopping', () => {
  it('cancels at once: pending tasks settle, calls in flight are aborted, nothing more is sent', async () => {
    const controller = new AbortController();
    const { clock, portal, scheduler, runMany, run } = setup(20, 150, { signal: controller.signal });
    const tasks = runMany(200).map((task) => task.then(() => 'done', (error: unknown) => (isTaskError(error, 'cancelled') ? 'cancelled' : 'other')));
    await clock.advance(2000);
    const sentBefore = portal.stats.requests;
    controller.abort();
    await clock.flush();
    const outcomes = await Promise.all(tasks);
    expect(outcomes.filter((o) => o === 'done').length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o === 'cancelled').length).toBeGreaterThan(100);
    expect(outcomes).not.toContain('other');
    await clock.advance(30_000);
    expect(portal.stats.requests).toBe(sentBefore);
    expect(scheduler.state()).toEqual({ kind: 'stopped', reason: 'cancelled' });
    expect(await rejectionOf(run('late'))).toMatchObject({ reason: 'cancelled', attempts: 0 });
  });

  it('stops everything on a 401: the session ended', async () => {
    const { clock, portal, scheduler, runMany } = setup(0, 100, { maxConcurrency: 8 });
    const endAt = clock.now() + 1000;
    portal.script((_key, _attempt, now) => (now >= endAt ? { status: 401, name: 'UnauthorizedException' } : undefined));
    const tasks = runMany(500).map((task) => task.then(() => 'done', (error: unknown) => (isTaskError(error, 'session-ended') ? 'ended' : 'other')));
    await clock.runUntilSettled(Promise.all(tasks));
    const outcomes = await Promise.all(tasks);
    expect(outcomes.filter((o) => o === 'done').length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o === 'ended').length).toBeGreaterThan(300);
    expect(outcomes).not.toContain('other');
    // Only the calls already in flight when the first 401 came back were sent after the session ended.
    const first401 = portal.stats.arrivals.find((a) => a.at >= endAt)?.at ?? Number.NaN;
    expect(portal.stats.arrivals.filter((a) => a.at > first401 + 100)).toHaveLength(0);
    expect(portal.stats.arrivals.filter((a) => a.at >= endAt).length).toBeLessThanOrEqual(8);
    expect(scheduler.state()).toEqual({ kind: 'stopped', reason: 'session-ended' });
  });
});

describe('priority', () => {
  it('sends a bumped key next, and later tasks of that key first too', async () => {
    const { clock, portal, scheduler, runMany, run } = setup(10, 50, { maxConcurrency: 2, pacing: { maxRate: 10 } });
    const all = Promise.all(runMany(60, 'n'));
    await clock.advance(1000);
    const sent = portal.stats.requests;
    scheduler.prioritize('n50');
    scheduler.prioritize('later');
    const later = run('later');
    await clock.advance(500);
    expect(portal.stats.arrivals.slice(sent, sent + 2).map((a) => a.key).sort()).toEqual(['later', 'n50']);
    await clock.runUntilSettled(Promise.all([all, later]));
  });

  it('sends high-priority work before normal work queued earlier', async () => {
    const { clock, portal, scheduler, runMany, run } = setup(0, 50, { maxConcurrency: 1 });
    const normal = Promise.all(runMany(5, 'n'));
    const high = run('list', { priority: 'high' });
    await clock.runUntilSettled(Promise.all([normal, high]));
    // Queued in the same tick, so the first dispatch already sees the high-priority task.
    expect(portal.stats.arrivals[0]?.key).toBe('list');
    expect(scheduler.stats().sent).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { createTaskQueue, type QueueItem, type TaskPriority } from './task-queue';

interface Item extends QueueItem {
  readonly name: string;
}

const item = (name: string, priority: TaskPriority = 'normal', key?: string): Item => ({ name, priority, key });

function names(queue: ReturnType<typeof createTaskQueue<Item>>): string[] {
  const out: string[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) out.push(next.name);
  return out;
}

describe('the task queue', () => {
  it('serves urgent, then high, then normal, first in first out within a lane', () => {
    const queue = createTaskQueue<Item>();
    for (const it of [item('n1'), item('h1', 'high'), item('n2'), item('u1', 'urgent'), item('h2', 'high')]) queue.push(it);
    queue.unshift(item('n0'));
    expect(queue.size).toBe(6);
    expect(names(queue)).toEqual(['u1', 'h1', 'h2', 'n0', 'n1', 'n2']);
    expect(queue.size).toBe(0);
  });

  it('promotes every item of a key to the urgent lane, keeping their order', () => {
    const queue = createTaskQueue<Item>();
    for (const it of [item('a1', 'normal', 'a'), item('b1', 'normal', 'b'), item('a2', 'high', 'a'), item('u', 'urgent')]) queue.push(it);
    expect(queue.promote('b')).toBe(1);
    expect(queue.promote('a')).toBe(2);
    expect(names(queue)).toEqual(['u', 'b1', 'a2', 'a1']);
  });

  it('drains everything', () => {
    const queue = createTaskQueue<Item>();
    queue.push(item('x'));
    queue.push(item('y', 'urgent'));
    expect(queue.drain().map((i) => i.name)).toEqual(['y', 'x']);
    expect(queue.size).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});

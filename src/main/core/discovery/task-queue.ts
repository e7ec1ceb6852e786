/** Where a task waits: `urgent` before `high` before `normal`, first in first out within a lane. */
export type TaskPriority = 'urgent' | 'high' | 'normal';

const LANES: readonly TaskPriority[] = ['urgent', 'high', 'normal'];

/** An item the queue can hold: it knows its lane and, optionally, the key it can be bumped by. */
export interface QueueItem {
  priority: TaskPriority;
  readonly key: string | undefined;
}

/** The scheduler's waiting line. */
export interface TaskQueue<T extends QueueItem> {
  readonly size: number;
  /** Adds at the back of the item's lane. */
  push(item: T): void;
  /** Adds at the front of the item's lane (a retry has waited its turn already). */
  unshift(item: T): void;
  /** Removes and returns the next item, or undefined. */
  shift(): T | undefined;
  /** Moves every item with `key` to the back of the urgent lane, keeping their order; returns how many. */
  promote(key: string): number;
  /** Removes and returns every item. */
  drain(): T[];
}

/** Creates an empty queue. */
export function createTaskQueue<T extends QueueItem>(): TaskQueue<T> {
  const lanes = new Map<TaskPriority, T[]>(LANES.map((lane) => [lane, []]));
  const lane = (priority: TaskPriority): T[] => lanes.get(priority) ?? [];
  let size = 0;
  return {
    get size() {
      return size;
    },
    push(item) {
      lane(item.priority).push(item);
      size += 1;
    },
    unshift(item) {
      lane(item.priority).unshift(item);
      size += 1;
    },
    shift() {
      for (const priority of LANES) {
        const item = lane(priority).shift();
        if (item !== undefined) {
          size -= 1;
          return item;
        }
      }
      return undefined;
    },
    promote(key) {
      const moved: T[] = [];
      for (const priority of LANES.slice(1)) {
        const items = lane(priority);
        const kept = items.filter((item) => item.key !== key);
        moved.push(...items.filter((item) => item.key === key));
        lanes.set(priority, kept);
      }
      for (const item of moved) item.priority = 'urgent';
      lane('urgent').push(...moved);
      return moved.length;
    },
    drain() {
      const all = LANES.flatMap((priority) => lane(priority));
      for (const priority of LANES) lanes.set(priority, []);
      size = 0;
      return all;
    },
  };
}

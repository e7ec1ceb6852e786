/**
 * Holds the current {@link AppSnapshot} and tells subscribers when it changes.
 */
import type { Unsubscribe } from '../../shared/ipc-contract';
import type { AppSnapshot } from '../../shared/snapshot';

type Draft = Omit<AppSnapshot, 'revision'>;

/** A store of snapshots: read, update with a function, subscribe. */
export interface SnapshotStore {
  get(): AppSnapshot;
  update(change: (current: Draft) => Draft): void;
  subscribe(listener: (snapshot: AppSnapshot) => void): Unsubscribe;
}

/** Creates a store that starts at `initial` with revision 1. */
export function createSnapshotStore(initial: Draft): SnapshotStore {
  let current: AppSnapshot = { ...initial, revision: 1 };
  const listeners = new Set<(snapshot: AppSnapshot) => void>();
  return {
    get: () => current,
    update(change) {
      const { revision, ...draft } = current;
      current = { ...change(draft), revision: revision + 1 };
      for (const listener of listeners) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

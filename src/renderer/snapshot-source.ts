/**
 * An external store over the API's snapshot stream, for `useSyncExternalStore`.
 */
import type { RendererApi } from '../shared/ipc-contract';
import type { AppSnapshot } from '../shared/snapshot';

/** Subscribe and read, in the shape `useSyncExternalStore` wants. */
export interface SnapshotSource {
  readonly subscribe: (onChange: () => void) => () => void;
  readonly getSnapshot: () => AppSnapshot | null;
}

/** Creates a source that asks for the first snapshot and then follows the pushed ones. */
export function createSnapshotSource(api: RendererApi): SnapshotSource {
  let current: AppSnapshot | null = null;
  const listeners = new Set<() => void>();
  const accept = (next: AppSnapshot): void => {
    if (current !== null && next.revision <= current.revision) return;
    current = next;
    for (const listener of listeners) listener();
  };
  api.onSnapshot(accept);
  // A snapshot main pushed on connect arrives through the subscription first; ask only if none did.
  void Promise.resolve()
    .then(() => (current === null ? api.getSnapshot() : null))
    .then((result) => {
      if (result?.ok === true) accept(result.value);
    });
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => current,
  };
}

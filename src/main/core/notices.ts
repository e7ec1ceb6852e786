/**
 * Short messages for the person ("Copied to the clipboard"), kept in the snapshot.
 */
import type { Notice, NoticeAction, NoticeKind } from '../../shared/snapshot';
import type { SnapshotStore } from './snapshot-store';

/** How many notices a snapshot keeps; older ones drop off. */
const MAX_NOTICES = 5;

/** Adds and removes notices in a snapshot store. */
export interface Notices {
  add(kind: NoticeKind, text: string, action?: NoticeAction): void;
  dismiss(id: string): void;
}

/** Creates the notices of a store; `now` gives epoch milliseconds. */
export function createNotices(store: SnapshotStore, now: () => number): Notices {
  let counter = 0;
  return {
    add(kind, text, action) {
      counter += 1;
      const notice: Notice = { id: `n${counter}`, kind, text, createdAt: now(), ...(action !== undefined && { action }) };
      store.update((s) => ({ ...s, notices: [...s.notices, notice].slice(-MAX_NOTICES) }));
    },
    dismiss(id) {
      store.update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
}

/**
 * Saving a change to the person's settings: persisted first, then shown in the snapshot.
 */
import type { PersistedState } from '../persistence/persisted-state';
import type { StateRepository } from '../persistence/state-repository';
import type { SnapshotStore } from '../snapshot-store';

/** Merges `change` into the settings, saves them and puts them in the snapshot. */
export async function saveSettings(state: StateRepository, store: SnapshotStore, change: Partial<PersistedState['settings']>): Promise<void> {
  await state.update((s) => ({ ...s, settings: { ...s.settings, ...change } }));
  store.update((s) => ({ ...s, settings: state.get().settings }));
}

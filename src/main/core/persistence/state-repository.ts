/**
 * Loads the persisted state once, keeps it in memory, and writes every change through.
 *
 * A file that is not JSON, or not of the schema, is moved aside and Rolecall starts fresh with a
 * message saying where the old file went: never a crash, never a silent loss.
 */
import { emptyPersistedState, persistedStateSchema, type PersistedState } from './persisted-state';
import type { StateFile } from './state-file';

/** The in-memory copy of the persisted state, written through on every update. */
export interface StateRepository {
  get(): PersistedState;
  update(change: (state: PersistedState) => PersistedState): Promise<void>;
}

/** Loads the state; `warn` receives a message for the person when the file had to be set aside. */
export async function openStateRepository(file: StateFile, warn: (message: string) => void): Promise<StateRepository> {
  let state = await loadState(file, warn);
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => state,
    update(change) {
      state = change(state);
      const snapshot = state;
      // Writes are chained so that they land in order.
      writing = writing.then(() => file.save(snapshot));
      return writing;
    },
  };
}

async function loadState(file: StateFile, warn: (message: string) => void): Promise<PersistedState> {
  const loaded = await file.load();
  if (loaded.kind === 'missing') return emptyPersistedState;
  if (loaded.kind === 'ok') {
    const parsed = persistedStateSchema.safeParse(loaded.data);
    if (parsed.success) return parsed.data;
  }
  const aside = await file.moveAside();
  warn(`Rolecall’s settings file could not be read, so it was moved to ${aside} and Rolecall started with empty settings.`);
  return emptyPersistedState;
}

/**
 * The desktop app's state file: electron-store over `<userData>/config.json`, the same file (and
 * format) the browser preview and the command line read through the JSON implementation.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import { moveAside, type StateFile } from '../core/persistence/state-file';

/** A {@link StateFile} backed by electron-store. */
export function createElectronStateFile(dataDir: string): StateFile {
  const file = path.join(dataDir, 'config.json');
  let store: Store<Record<string, unknown>> | undefined;
  // clearInvalidConfig off: a corrupt file must be moved aside with a message, never silently wiped.
  const open = (): Store<Record<string, unknown>> =>
    new Store<Record<string, unknown>>({ cwd: dataDir, name: 'config', clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    path: file,
    load() {
      if (!existsSync(file)) return Promise.resolve({ kind: 'missing' });
      try {
        store = open();
        return Promise.resolve({ kind: 'ok', data: store.store });
      } catch {
        return Promise.resolve({ kind: 'corrupt' });
      }
    },
    save(data) {
      store ??= open();
      store.store = data as Record<string, unknown>;
      return Promise.resolve();
    },
    moveAside: () => moveAside(file),
  };
}

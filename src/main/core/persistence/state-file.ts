/**
 * Where the persisted state lives: a port with two implementations, a JSON file for plain Node (the
 * preview, the CLI, tests) and electron-store in the desktop app; both use `<data dir>/config.json`.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from '../aws-files/atomic-write';

/** What loading found. */
export type StateFileLoad =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly data: unknown }
  | { readonly kind: 'corrupt' };

/** Reads, writes and sets aside the state file. */
export interface StateFile {
  readonly path: string;
  load(): Promise<StateFileLoad>;
  save(data: unknown): Promise<void>;
  /** Renames the file aside so a fresh one can start; returns the new name. */
  moveAside(): Promise<string>;
}

/** The JSON-file implementation, in electron-store's format (tab-indented JSON). */
export function createJsonStateFile(dataDir: string): StateFile {
  const file = path.join(dataDir, 'config.json');
  return {
    path: file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error: unknown) {
        if (isNotFound(error)) return { kind: 'missing' };
        throw error;
      }
      try {
        return { kind: 'ok', data: JSON.parse(text) as unknown };
      } catch {
        return { kind: 'corrupt' };
      }
    },
    save: (data) => writeFileAtomic(file, JSON.stringify(data, null, '\t'), { mode: 0o600 }),
    moveAside: () => moveAside(file),
  };
}

/** Renames `file` to `file.corrupt-<time>` and returns the new path. */
export async function moveAside(file: string): Promise<string> {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return aside;
}

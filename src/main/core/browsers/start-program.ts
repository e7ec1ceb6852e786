/**
 * Starts a browser program detached from Rolecall, with no shell: each argument reaches it as it is.
 */
import { spawn } from 'node:child_process';
import { access, constants, readFile } from 'node:fs/promises';
import type { CatalogFs } from './browser-catalog';

/** Starts `command` with `args`, resolving once it runs; rejects if it cannot be started. */
export function startDetached(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // SECURITY: no shell; the URL and the profile are single arguments whatever they hold.
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** The catalog's file access on this machine. */
export const nodeCatalogFs: CatalogFs = {
  isExecutable: (file) => access(file, constants.X_OK).then(() => true, () => false),
  readText: (file) => readFile(file, 'utf8').then((text) => text, () => undefined),
};

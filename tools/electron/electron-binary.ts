/**
 * Finds the Electron binary (for `npm start` and the specs' Electron mode), or says why it cannot run here.
 *
 * It reads the electron package's `path.txt` itself instead of requiring the package: requiring it
 * starts a download when the binary is missing, and tests must not reach beyond 127.0.0.1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Electron binary's path, or the reason the Electron mode must skip. */
export function findElectronBinary(): { readonly path: string } | { readonly skipReason: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      skipReason:
        'the Electron binary is not installed on this machine (node_modules/electron has no path.txt: its download is not reachable here)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override === undefined ? path.join(packageDir, 'dist', relative) : path.join(override, relative);
  return existsSync(binary) ? { path: binary } : { skipReason: `the Electron binary is missing at ${binary}` };
}

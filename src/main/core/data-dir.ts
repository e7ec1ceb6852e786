/**
 * Where Rolecall keeps its own state: `ROLECALL_DATA_DIR`, else the folder Electron would use as
 * `userData` for an app named Rolecall, so the desktop app, the preview and the CLI share it.
 */
import path from 'node:path';
import type { Env } from './aws-files/aws-paths';

/** The data directory for this platform and environment. */
export function resolveDataDir(env: Env, platform: NodeJS.Platform, homedir: string): string {
  const explicit = env['ROLECALL_DATA_DIR'];
  if (explicit !== undefined && explicit !== '') return path.resolve(explicit);
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', 'Rolecall');
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(homedir, 'AppData', 'Roaming'), 'Rolecall');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(homedir, '.config'), 'Rolecall');
}

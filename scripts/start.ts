/**
 * `npm start`: runs the desktop app, or says at once (one line, no stack trace) why it cannot.
 *
 * The Electron binary is checked before the build, so a machine without it learns that in a second, with
 * how to get it and that `npm run demo:web` shows the same UI in a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from '../tools/electron/electron-binary';

const electron = findElectronBinary();
if ('skipReason' in electron) {
  console.error(
    `Rolecall cannot start: ${electron.skipReason}. Get it with \`node node_modules/electron/install.js\` where its download is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 folder; \`npm run demo:web\` shows the same UI in a browser.`,
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 0) : 1));

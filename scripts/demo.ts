// `npm run demo` / `npm run demo:web`: try Rolecall with no AWS account. Starts the Identity Center
// emulator with a sample organization, a throwaway HOME and data directory (your real ~/.aws is never
// touched), an instance already added for the emulator, and then the desktop app or the browser preview.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../tools/emulator/index';

const root = path.join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { web: { type: 'boolean', default: false }, port: { type: 'string', default: '0' } } });

const emulator = await startEmulator({ fixture: path.join(root, 'tools/emulator/fixtures/sample-org.json') });
const home = await mkdtemp(path.join(os.tmpdir(), 'rolecall-demo-'));
const dataDir = path.join(home, 'rolecall-data');
await mkdir(dataDir, { recursive: true });
const instance = { id: randomUUID(), sessionName: 'demo', startUrl: emulator.startUrl, region: emulator.region, tokenStorage: 'aws-cli' };
await writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ version: 1, instances: [instance], sealed: {} }, null, '\t'));

console.log(`Identity Center emulator on ${emulator.url} (start URL ${emulator.startUrl}, region ${emulator.region})`);
console.log(`Demo HOME: ${home} (its .aws folder is where Rolecall writes; your own ~/.aws is untouched)`);
console.log('Click "Sign in", then Allow on the emulator page that opens (or choose "With a device code" and approve the code).');

const env = { ...process.env, HOME: home, ROLECALL_DATA_DIR: dataDir, ROLECALL_SIGNIN_ENDPOINT: `${emulator.url}/federation`, ...emulator.env };
const child: ChildProcess = values.web
  ? fork(path.join(root, 'out/web/web-host.js'), ['--port', values.port ?? '0'], { env, stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'node_modules/electron/cli.js'), root], { env, stdio: 'inherit' });

const stop = (): void => {
  child.kill('SIGTERM');
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  void emulator.close().then(() => process.exit(code ?? 0));
});

/**
 * The UI benchmark's preview hosts: a forked `out/web/web-host.js` with a seeded home, and its V8 heap read
 * through the inspector (no benchmark code in the product).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { generateAccounts } from '../tools/emulator/org-generator';

const root = path.join(import.meta.dirname, '..');

export interface Host {
  readonly url: string;
  readonly child: ChildProcess;
  readonly startedMs: number;
  /** The host's V8 heap in use after a full garbage collection, in bytes. */
  readonly heapUsed: () => Promise<number>;
  readonly stop: () => void;
}

/** Where the host's inspector listens, from the line Node prints on stderr. */
function inspectorUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
  });
}

/** Collects garbage in the process behind `url` and reads its heap in use (Chrome DevTools Protocol). */
async function readHeap(url: string): Promise<number> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const call = (id: number, method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const onMessage = (data: Buffer): void => {
        const reply = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown };
        if (reply.id !== id) return;
        socket.off('message', onMessage);
        resolve(reply.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  await call(1, 'HeapProfiler.collectGarbage');
  const usage = (await call(2, 'Runtime.getHeapUsage')) as { usedSize: number };
  socket.close();
  return usage.usedSize;
}

/** `checkout` is the repository whose build serves (another checkout's, for a before/after comparison). */
export async function startHost(env: Record<string, string>, checkout = root): Promise<Host> {
  const started = performance.now();
  const child = fork(path.join(checkout, 'out/web/web-host.js'), ['--port', '0'], {
    // Recorded effects: a benchmark opens no browser tab and writes no clipboard.
    env: { PATH: process.env['PATH'] ?? '', ROLECALL_PREVIEW_EFFECTS: 'record', ...env },
    execArgv: ['--inspect=127.0.0.1:0'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const inspector = inspectorUrl(child);
  const url = await new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
  });
  return {
    url,
    child,
    startedMs: performance.now() - started,
    heapUsed: async () => readHeap(await inspector),
    stop: () => child.kill('SIGTERM'),
  };
}

/** The size of an organization in the benchmark. */
export interface OrgSize {
  readonly accounts: number;
  readonly rolesPerAccount: number;
}

export const describeSize = (size: OrgSize): string => `${size.accounts.toLocaleString('en-GB')} accounts × ${size.rolesPerAccount} roles`;

/**
 * A home whose app store holds the instance "bench" with `size` cached accounts (signed out); with
 * `emptyFirst`, an instance "first" with no list comes before it, so the window opens on that one.
 */
export async function seededHome(size: OrgSize, emptyFirst = false): Promise<{ home: string; dataDir: string }> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'rolecall-bench-'));
  const dataDir = path.join(home, 'data');
  await mkdir(dataDir, { recursive: true });
  const id = randomUUID();
  const generated = generateAccounts({ accounts: size.accounts, rolesPerAccount: size.rolesPerAccount, seed: 7 }).map((a) => ({
    accountId: a.accountId,
    accountName: a.accountName ?? '',
    emailAddress: a.emailAddress ?? '',
    roles: [...a.roles],
  }));
  const instance = (sessionName: string, startUrl: string, instanceId: string): Record<string, string> => ({ id: instanceId, sessionName, startUrl, region: 'us-east-1', tokenStorage: 'aws-cli' });
  const state = {
    version: 1,
    instances: [
      ...(emptyFirst ? [instance('first', 'https://d-1111111111.awsapps.com/start', randomUUID())] : []),
      instance('bench', 'https://d-0000000000.awsapps.com/start', id),
    ],
    sealed: {},
    accountCache: { [id]: { listedAt: Date.now() - 60_000, accounts: generated } },
    accountPrefs: {},
    settings: { accountSort: 'name' },
  };
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(state));
  return { home, dataDir };
}

/** A host over a seeded home. */
export async function seededHost(size: OrgSize, emptyFirst = false, checkout = root): Promise<Host> {
  const { home, dataDir } = await seededHome(size, emptyFirst);
  return startHost({ HOME: home, ROLECALL_DATA_DIR: dataDir }, checkout);
}

/**
 * Starts the browser-preview host (`out/web/web-host.js`, what `npm run web` runs) as a child process
 * with its own HOME and data directory, and collects the effects it records.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** An effect the preview recorded instead of reaching the OS. */
export type RecordedEffect =
  | { readonly kind: 'open'; readonly url: string; readonly browser?: string }
  | { readonly kind: 'clipboard'; readonly text: string }
  | { readonly kind: 'notification'; readonly title: string; readonly body: string; readonly clickable: boolean }
  | { readonly kind: 'console-window'; readonly url: string; readonly title: string; readonly partition: string };

/** A running preview host. */
export interface PreviewHost {
  readonly url: string;
  readonly origin: string;
  readonly effects: RecordedEffect[];
  /** Everything the host wrote to stdout and stderr (its log), in arrival order. */
  readonly log: string[];
  stop(): Promise<void>;
}

const hostScript = path.join(import.meta.dirname, '..', '..', 'out', 'web', 'web-host.js');
const LINE = /^Rolecall web preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m;

/** Starts the host with `env` added to a minimal environment; resolves with its URL. */
export async function startPreviewHost(env: Readonly<Record<string, string>>): Promise<PreviewHost> {
  const child = fork(hostScript, ['--port', '0'], {
    // The specs read the effects the host records (ROLECALL_PREVIEW_EFFECTS=record) instead of reaching the OS.
    env: { PATH: process.env['PATH'] ?? '', ROLECALL_PREVIEW_EFFECTS: 'record', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const effects: RecordedEffect[] = [];
  const log: string[] = [];
  child.on('message', (message: unknown) => {
    const effect = (message as { type?: string; effect?: RecordedEffect }).effect;
    if (effect !== undefined) effects.push(effect);
  });
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = await waitForUrl(child);
  return { url, origin: new URL(url).origin, effects, log, stop: () => stopChild(child) };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the preview host printed no URL: ${output}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = LINE.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the preview host exited with ${code}: ${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

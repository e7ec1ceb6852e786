/**
 * Runs the command of `rolecall exec` as a child with the terminal's stdin, stdout and stderr, forwards
 * the signals a person or a supervisor sends, and reports how it ended as a shell would.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Signals passed on to the command; Ctrl-C also reaches it from the terminal, as with any shell job. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

/** How the command ended. */
export type ChildEnding =
  | { readonly kind: 'exited'; readonly status: number }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-executable' };

/** The status a shell reports for a command killed by `signal`: 128 + its number. */
export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * Runs `command` with `args` and `env` (no shell: arguments reach it exactly as given). While it runs, this
 * process's own handlers for the forwarded signals are set aside, so a Ctrl-C ends the command and not
 * rolecall, which then leaves with the command's status.
 */
export function runChild(command: string, args: readonly string[], env: Record<string, string>): Promise<ChildEnding> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env, stdio: 'inherit' });
    const saved = FORWARDED.map((signal) => ({ signal, listeners: process.listeners(signal) }));
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const { signal } of saved) {
      process.removeAllListeners(signal);
      process.on(signal, forward);
    }
    const restore = (): void => {
      for (const { signal, listeners } of saved) {
        process.removeListener(signal, forward);
        for (const listener of listeners) process.on(signal, listener);
      }
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      restore();
      resolve(error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'not-executable' });
    });
    child.once('exit', (code, signal) => {
      restore();
      resolve({ kind: 'exited', status: signal !== null ? signalStatus(signal) : (code ?? 1) });
    });
  });
}

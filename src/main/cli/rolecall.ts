/**
 * The `rolecall` executable (`out/cli/rolecall.js`, the package's `bin`).
 *
 * It stays small on purpose: `credential-process` with cached credentials is answered from here without
 * loading the AWS SDK, zod or the other commands, which are imported only when needed.
 */
import os from 'node:os';
import type { CliContext } from './cli-context';
import { fastCredentialProcess } from './fast-path';
import { unsupportedNode } from './node-version';

function processContext(signal: AbortSignal): CliContext {
  return {
    env: process.env,
    homedir: os.homedir(),
    platform: process.platform,
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    now: Date.now,
    openUrl: async (url) => (await import('./browser')).createBrowserOpener(process.env, process.platform)(url),
    signal,
    ...(process.stdin.isTTY && process.stderr.isTTY && { ask: askOnTerminal }),
  };
}

/** Asks on stderr (stdout stays the command's output) and reads one line from the terminal. */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

function onInterrupt(abort: AbortController): void {
  process.on('SIGINT', () => {
    // The first Ctrl-C lets the command stop cleanly (a sign-in is cancelled); a second one, or a command
    // that does not stop within 3 s, ends the process.
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
    setTimeout(() => process.exit(130), 3000).unref();
  });
}

async function main(): Promise<number> {
  const abort = new AbortController();
  onInterrupt(abort);
  // `rolecall accounts | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  const unsupported = unsupportedNode(process.versions.node);
  if (unsupported !== null) {
    process.stderr.write(`${unsupported}\n`);
    return 1;
  }
  const context = processContext(abort.signal);
  const args = process.argv.slice(2);
  if (args[0] === 'credential-process') {
    const cached = await fastCredentialProcess(args.slice(1), context);
    if (cached !== null) {
      process.stdout.write(cached);
      return 0;
    }
  }
  const { runCli } = await import('./run-cli');
  return runCli(args, context);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('rolecall: something unexpected went wrong. Try again; if it keeps happening, report it.\n');
    process.exitCode = 1;
  },
);

/**
 * Helpers for the `rolecall` tests (not a test file): a temporary HOME and data directory pointed at an
 * emulator, instances added as the app adds them, sign-ins written as the app writes them, and the CLI
 * run in-process (fast, output captured) or as the real built executable.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { RunningEmulator } from '../../../tools/emulator/index';
import { signIn } from '../../../tools/emulator/test-support';
import { ssoTokenFileName } from '../core/aws-files/aws-paths';
import { writeSsoTokenFile } from '../core/aws-files/sso-token-file';
import type { PersistedInstance, PersistedState } from '../core/persistence/persisted-state';
import type { CliContext } from './cli-context';
import { runCli } from './run-cli';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** What a run printed and how it ended. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary HOME and data directory, with the environment that points the CLI at them and an emulator. */
export interface CliWorld {
  readonly root: string;
  readonly home: string;
  readonly dataDir: string;
  readonly env: Record<string, string>;
  /** URLs the in-process runs opened. */
  readonly opened: string[];
  /** Adds an instance to the state file, as the app does (`aws-cli` token storage). */
  addInstance(sessionName: string, extra?: Partial<PersistedState>): Promise<PersistedInstance>;
  /** Writes the state file as given. */
  writeState(state: Partial<PersistedState>): Promise<void>;
  /** Signs in through the emulator's device flow and writes the token file as the app does. */
  signIn(instance: PersistedInstance): Promise<string>;
  tokenFile(instance: PersistedInstance): string;
  /** Runs `rolecall` in this process. */
  run(args: readonly string[], options?: { tty?: boolean; env?: Record<string, string>; answers?: string[]; asked?: string[]; browserFails?: boolean }): Promise<CliRun>;
}

/** Creates a world for an emulator. */
export async function createCliWorld(emulator: RunningEmulator): Promise<CliWorld> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-cli-'));
  const home = path.join(root, 'home');
  const dataDir = path.join(root, 'data');
  await mkdir(home, { recursive: true });
  const env: Record<string, string> = {
    HOME: home,
    ROLECALL_DATA_DIR: dataDir,
    ...emulator.env,
    ROLECALL_SIGNIN_ENDPOINT: emulator.url,
    PATH: process.env['PATH'] ?? '',
  };
  const opened: string[] = [];
  let state: Partial<PersistedState> = { version: 1, instances: [] };
  const world: CliWorld = {
    root,
    home,
    dataDir,
    env,
    opened,
    async addInstance(sessionName, extra = {}) {
      const instance: PersistedInstance = { id: randomUUID(), sessionName, startUrl: emulator.startUrl, region: emulator.region, tokenStorage: 'aws-cli' };
      await world.writeState({ ...state, ...extra, instances: [...(state.instances ?? []), instance] });
      return instance;
    },
    async writeState(next) {
      state = next;
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(next, null, '\t'), { mode: 0o600 });
    },
    async signIn(instance) {
      const oidc = new SSOOIDCClient({ region: emulator.region, endpoint: emulator.url });
      try {
        const { clientId, clientSecret, token } = await signIn(emulator, oidc, ['sso:account:access']);
        const accessToken = token.accessToken ?? '';
        await writeSsoTokenFile(world.tokenFile(instance), {
          startUrl: instance.startUrl,
          region: instance.region,
          accessToken,
          expiresAt: new Date(Math.floor((Date.now() + (token.expiresIn ?? 3600) * 1000) / 1000) * 1000),
          clientId,
          clientSecret,
          registrationExpiresAt: new Date(Date.now() + 86_400_000 * 30),
          ...(token.refreshToken !== undefined && { refreshToken: token.refreshToken }),
        });
        return accessToken;
      } finally {
        oidc.destroy();
      }
    },
    tokenFile: (instance) => path.join(home, '.aws', 'sso', 'cache', ssoTokenFileName(instance.sessionName)),
    async run(args, options = {}) {
      let stdout = '';
      let stderr = '';
      const context: CliContext = {
        env: { ...env, ...options.env },
        homedir: home,
        platform: process.platform,
        stdout: { write: (text) => void (stdout += text), isTTY: options.tty === true },
        stderr: { write: (text) => void (stderr += text), isTTY: false },
        now: Date.now,
        openUrl: (url) => {
          opened.push(url.href);
          return options.browserFails === true ? Promise.reject(new Error('no browser here')) : Promise.resolve();
        },
        signal: new AbortController().signal,
        ...(options.answers !== undefined && {
          ask: (question: string) => {
            options.asked?.push(question);
            return Promise.resolve(options.answers?.shift() ?? '');
          },
        }),
      };
      const code = await runCli(args, context);
      return { code, stdout, stderr };
    },
  };
  return world;
}

/**
 * Builds the real `rolecall` executable with the same esbuild settings as `scripts/build.mjs`, into a
 * fresh directory under `node_modules/.cache` (so its external packages resolve), and returns its path.
 */
export async function buildCli(): Promise<string> {
  const outdir = path.join(repoRoot, 'node_modules', '.cache', 'rolecall-cli-test', randomUUID());
  await build({
    entryPoints: { rolecall: path.join(repoRoot, 'src', 'main', 'cli', 'rolecall.ts') },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    define: { ROLECALL_VERSION: JSON.stringify('0.0.0-test') },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  return path.join(outdir, 'rolecall.js');
}

/** What a spawned run printed; `onStdout` sees output as it arrives (to answer a sign-in code). */
export function spawnCli(
  cli: string,
  args: readonly string[],
  env: Record<string, string>,
  onStdout?: (soFar: string) => void,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(stdout);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Plays the person's browser on the PKCE page a run opened: waits for the page, answers the emulator's
 * consent page with `decision`, and follows the redirect back to the run's 127.0.0.1 listener. Returns the
 * page's URL.
 */
export async function answerConsent(emulator: RunningEmulator, opened: readonly string[], decision: 'approve' | 'deny' = 'approve'): Promise<string> {
  for (let i = 0; i < 200 && opened.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  const url = opened[0] ?? '';
  const consent = await fetch(url, { redirect: 'manual' });
  const request = /name="request" value="([^"]+)"/.exec(await consent.text())?.[1] ?? '';
  const answer = await fetch(`${emulator.url}/authorize/decision`, { method: 'POST', body: new URLSearchParams({ request, decision }), redirect: 'manual' });
  await (await fetch(answer.headers.get('location') ?? '')).text();
  return url;
}

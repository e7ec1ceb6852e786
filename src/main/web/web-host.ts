/**
 * `npm run web`: the browser preview. Runs Rolecall's core under Node and serves the real UI to a
 * browser on 127.0.0.1, with the same contract over a WebSocket.
 *
 * Its effects are real by default (a browser tab, the OS clipboard: see host-effects.ts), so people can
 * use it wherever the Electron runtime is not installed. Tests ask for recorded effects instead, with
 * `ROLECALL_PREVIEW_EFFECTS=record`: a harness that started the host with an IPC channel
 * (`child_process.fork`) gets each one over that channel; otherwise it is printed, secrets redacted.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeApp } from '../core/app-info';
import { createAppCore } from '../core/app-core';
import { resolveDataDir } from '../core/data-dir';
import { createLogger } from '../core/logger';
import { unavailableVault } from '../core/persistence/secret-vault';
import { createJsonStateFile } from '../core/persistence/state-file';
import { loopbackOriginsFromEnv } from '../core/loopback-origins';
import type { Effects } from '../effects/effects';
import { createHostEffects } from './host-effects';
import { createPreviewEffects, type PreviewEffect } from './preview-effects';
import { createPreviewToken } from './preview-security';
import { startPreviewServer } from './preview-server';

/** Replaced at build time with package.json's version. */
declare const ROLECALL_VERSION: string;

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0 to 65535, not ${raw}`);
  return port;
}

/** SECURITY: a console sign-in URL carries a sign-in token; the terminal sees the URL without it. */
function redactSecrets(raw: string): string {
  const url = new URL(raw);
  if (url.searchParams.has('SigninToken')) url.searchParams.set('SigninToken', 'REDACTED');
  return url.href;
}

/** Real effects, or recorded ones when the environment asks for them (tests, screenshots, benchmarks). */
function effectsFor(env: NodeJS.ProcessEnv): Effects {
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  if (env['ROLECALL_PREVIEW_EFFECTS'] !== 'record') return createHostEffects({ env, platform: process.platform, say });
  return createPreviewEffects((effect: PreviewEffect) => {
    if (process.send !== undefined) process.send({ type: 'effect', effect });
    else if (effect.kind === 'open') say(`Rolecall would open in your browser: ${redactSecrets(effect.url)}`);
    else if (effect.kind === 'console-window') say(`Rolecall would open a console window "${effect.title}": ${redactSecrets(effect.url)}`);
  }, env['ROLECALL_PREVIEW_PICKED_PROGRAM']);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const outDir = path.join(import.meta.dirname, '..');
  const logger = createLogger();
  const core = await createAppCore({
    appInfo: describeApp(ROLECALL_VERSION, process.platform, process.arch),
    effects: effectsFor(process.env),
    logger,
    now: Date.now,
    env: process.env,
    homedir: os.homedir(),
    stateFile: createJsonStateFile(resolveDataDir(process.env, process.platform, os.homedir())),
    // The preview has no OS keychain: keychain-mode sign-ins stay in memory, and the window says so.
    vault: unavailableVault,
    loopbackOrigins: loopbackOriginsFromEnv(process.env),
  });
  const server = await startPreviewServer({
    core,
    logger,
    rendererDir: path.join(outDir, 'renderer'),
    bridgeScriptPath: path.join(outDir, 'web', 'web-bridge.js'),
    port: parsePort(values.port),
    token: createPreviewToken(),
  });
  process.stdout.write(`Rolecall web preview: ${server.url}\n`);
  const stop = (): void => {
    core.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Rolecall web preview could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

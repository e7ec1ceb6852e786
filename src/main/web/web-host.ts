/**
 * `npm run web`: the browser preview. Runs Rolecall's core under Node and serves the real UI to a
 * browser on 127.0.0.1, with the same contract over a WebSocket.
 *
 * When started by a test harness with an IPC channel (`child_process.fork`), it reports the effects it
 * recorded (URLs opened, clipboard writes) over that channel, so end-to-end tests can check them.
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const outDir = path.join(import.meta.dirname, '..');
  const logger = createLogger();
  const report = (effect: PreviewEffect): void => {
    if (process.send !== undefined) process.send({ type: 'effect', effect });
    else if (effect.kind === 'open') process.stdout.write(`Rolecall would open in your browser: ${redactSecrets(effect.url)}\n`);
    else if (effect.kind === 'console-window') process.stdout.write(`Rolecall would open a console window "${effect.title}": ${redactSecrets(effect.url)}\n`);
  };
  const core = await createAppCore({
    appInfo: describeApp(ROLECALL_VERSION, process.platform, process.arch),
    effects: createPreviewEffects(report),
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

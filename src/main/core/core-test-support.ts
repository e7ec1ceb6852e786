/**
 * Builds a core for tests: a fresh temporary HOME and data directory, recorded effects, no keychain.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPreviewEffects, type PreviewEffect } from '../web/preview-effects';
import { createAppCore, type AppCore, type AppCoreDeps } from './app-core';
import { silentLogger } from './logger';
import { unavailableVault } from './persistence/secret-vault';
import { createJsonStateFile } from './persistence/state-file';

/** A core under test with the directories and effects it uses. */
export interface TestCore {
  readonly core: AppCore;
  readonly effects: PreviewEffect[];
  readonly home: string;
  readonly dataDir: string;
}

/** Creates a core in a new temporary HOME; `overrides` replace any dependency (env is merged). */
export async function createTestCore(overrides: Partial<AppCoreDeps> = {}): Promise<TestCore> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-core-'));
  const home = path.join(root, 'home');
  const dataDir = path.join(root, 'data');
  const effects: PreviewEffect[] = [];
  const core = await createAppCore({
    appInfo: { name: 'Rolecall', version: '1.2.3', platform: 'linux x64' },
    effects: createPreviewEffects((e) => effects.push(e)),
    logger: silentLogger,
    now: Date.now,
    homedir: home,
    stateFile: createJsonStateFile(dataDir),
    vault: unavailableVault,
    ...overrides,
    env: { HOME: home, ...overrides.env },
  });
  return { core, effects, home, dataDir };
}

/**
 * The e2e fixtures: every test gets a fresh HOME and data directory and the app, either the browser
 * preview in Chromium (project `preview`) or the real Electron app (project `electron`, which skips with
 * the reason printed where the Electron binary is missing).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, test as base, type Page } from '@playwright/test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../tools/emulator/index';
import { findElectronBinary } from '../tools/electron/electron-binary';
import { startPreviewHost, type RecordedEffect } from './support/preview-host';

/** The app under test. */
export interface AppUnderTest {
  readonly page: Page;
  /** Stops the app and starts it again on the same HOME and data directory (preview only). */
  restart(): Promise<Page>;
  /** Effects the preview recorded; `null` in Electron mode, where they reach the real OS. */
  readonly effects: RecordedEffect[] | null;
  /** The origin of the app's pages. */
  readonly origin: string;
  /** Everything the preview host (each one, across restarts) wrote to stdout and stderr; `null` in Electron mode. */
  hostLog(): string | null;
  readonly home: string;
  readonly dataDir: string;
}

interface Fixtures {
  /** Options for this test's emulator; set with `test.use({ emulatorOptions: {...} })`. */
  emulatorOptions: EmulatorOptions;
  /** More environment for the preview host; set with `test.use({ hostEnv: {...} })`. */
  hostEnv: Readonly<Record<string, string>>;
  /** An Identity Center emulator on 127.0.0.1 that the app is pointed at. */
  emulator: RunningEmulator;
  sandboxDirs: { home: string; dataDir: string };
  app: AppUnderTest;
}

export const test = base.extend<Fixtures>({
  emulatorOptions: [{}, { option: true }],
  hostEnv: [{}, { option: true }],
  emulator: async ({ emulatorOptions }, use) => {
    const emulator = await startEmulator(emulatorOptions);
    await use(emulator);
    await emulator.close();
  },
  sandboxDirs: async ({}, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-e2e-'));
    const dirs = { home: path.join(root, 'home'), dataDir: path.join(root, 'data') };
    await use(dirs);
    await rm(root, { recursive: true, force: true });
  },
  app: async ({ sandboxDirs, emulator, hostEnv, playwright }, use, testInfo) => {
    const env = {
      HOME: sandboxDirs.home,
      ROLECALL_DATA_DIR: sandboxDirs.dataDir,
      ROLECALL_SIGNIN_ENDPOINT: `${emulator.url}/federation`,
      ...emulator.env,
    };
    if (testInfo.project.name === 'electron') {
      const found = findElectronBinary();
      if ('skipReason' in found) {
        console.log(`[electron] ${testInfo.title}: skipped because ${found.skipReason}`);
        testInfo.skip(true, found.skipReason);
        return;
      }
      const app = await electron.launch({ executablePath: found.path, args: ['.'], env: { ...process.env, ...env } });
      const page = await app.firstWindow();
      const restart = (): Promise<Page> => Promise.reject(new Error('restart is not implemented for the Electron app'));
      await use({ page, effects: null, origin: 'app://rolecall', restart, hostLog: () => null, ...sandboxDirs });
      await app.close();
      return;
    }
    let host = await startPreviewHost({ ...env, ...hostEnv });
    const logs = [host.log];
    const browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    const app: AppUnderTest = {
      page,
      effects: host.effects,
      origin: host.origin,
      ...sandboxDirs,
      hostLog: () => logs.map((log) => log.join('')).join(''),
      restart: async () => {
        await host.stop();
        host = await startPreviewHost({ ...env, ...hostEnv });
        logs.push(host.log);
        const next = await context.newPage();
        await next.goto(host.url);
        return next;
      },
    };
    await use(app);
    await browser.close();
    await host.stop();
  },
});

export { expect } from '@playwright/test';

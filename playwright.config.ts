import { defineConfig } from '@playwright/test';
import { browserExecutablePath } from './tools/browser/browser-path';

/** CHROMIUM_PATH, a system Chromium or Chrome, else Playwright's own (`npm test` makes sure one is there first). */
const chromiumPath = browserExecutablePath();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // One retry on CI, where a shared 2-core machine can starve a test; a retried pass is reported as flaky.
  retries: process.env['CI'] === undefined ? 0 : 1,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'preview', use: { browserName: 'chromium' } },
    { name: 'electron', use: { browserName: 'chromium' } },
  ],
});

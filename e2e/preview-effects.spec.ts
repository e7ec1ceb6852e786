/**
 * The browser preview as people use it (no ROLECALL_PREVIEW_EFFECTS=record): Copy reaches the OS
 * clipboard through its own tool, and Open console opens a browser tab, both from the host, never the
 * page. Stand-in `wl-copy` and browser programs on the host's PATH record what they were given (the real
 * X11 clipboard is exercised by src/main/web/host-effects.test.ts where xclip is installed). With no
 * clipboard tool, the window says so and where to get the text instead.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

const standIns = path.join(import.meta.dirname, 'support', 'stand-ins');

/** The host's environment: real effects, with `tools` (a stand-in directory) first on PATH. */
function realEffects(tools: string, extra: Record<string, string> = {}) {
  return async ({}, use: (env: Record<string, string>) => Promise<void>, testInfo: TestInfo): Promise<void> => {
    const log = testInfo.outputPath('stand-ins');
    mkdirSync(log, { recursive: true });
    const dir = path.join(standIns, tools);
    await use({ ROLECALL_PREVIEW_EFFECTS: 'real', ROLECALL_STAND_IN_LOG: log, PATH: `${dir}:${path.dirname(process.execPath)}:/usr/bin:/bin`, BROWSER: path.join(dir, 'browser'), ...extra });
  };
}

const logOf = (name: string): string => {
  try {
    return readFileSync(test.info().outputPath('stand-ins', `${name}.log`), 'utf8');
  } catch {
    return '';
  }
};

test.describe('the preview’s effects are real by default', () => {
  test.use({
    emulatorOptions: { accounts: 3, rolesPerAccount: 2 },
    hostEnv: realEffects('clipboard', { WAYLAND_DISPLAY: 'wayland-e2e' }),
  });

  test('Copy writes the OS clipboard and Open console opens a browser tab, through the host', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app has its own clipboard and browser; this is the preview’s');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    // The device page opened in the person's browser.
    await expect.poll(() => logOf('browser')).toContain(`${emulator.url}/device?user_code=`);
    const [account] = emulator.accounts();
    const role = account?.roles[0] ?? '';
    const name = account?.accountName ?? '';

    await app.page.getByRole('button', { name: `Copy credentials for ${name} as ${role} for a shell` }).click();
    await expect(app.page.getByText(new RegExp(`^Copied bash/zsh credentials for ${name} as ${role}, valid until`))).toBeVisible();
    await expect.poll(() => logOf('wl-copy')).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=/);
    expect(app.effects).toEqual([]);

    await app.page.getByRole('button', { name: `Open the AWS console for ${name} as ${role}` }).click();
    await expect.poll(() => logOf('browser')).toContain('/federation?Action=login&');
    // Nothing of the sign-in reached the page or the host's log.
    expect(app.hostLog()).not.toContain('SigninToken');
  });
});

test.describe('with no clipboard tool on the host', () => {
  test.use({
    emulatorOptions: { accounts: 2, rolesPerAccount: 1 },
    hostEnv: realEffects('none'),
  });

  test('the window says so, and where to get the same text', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'the Electron app has its own clipboard');
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    const [account] = emulator.accounts();
    const role = account?.roles[0] ?? '';
    const name = account?.accountName ?? '';
    await app.page.getByRole('button', { name: `Copy credentials for ${name} as ${role} for a shell` }).click();
    await expect(app.page.getByRole('alert')).toContainText(
      `Rolecall could not copy: this machine has no clipboard tool (it looks for wl-copy, xclip, xsel or (on WSL) clip.exe). Install one, or get the same lines in a terminal: rolecall export ${account?.accountId ?? ''} ${role} --format env --instance`,
    );
  });
});

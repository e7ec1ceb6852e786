/**
 * Checklist 21 and 23: secrets never reach the renderer and are never logged, proven on a full journey.
 *
 * Every WebSocket frame (both directions) and every HTTP body between the page and the preview host is
 * recorded while the person adds an instance, signs in, lists accounts, opens the console, copies
 * credentials, uses a role in a terminal and signs out. Then every secret the emulator issued (client
 * secret, device code, access and refresh tokens, role secret key and session token, sign-in token) is
 * looked for in those messages, in the page's DOM and storage, in what the preview host serves over plain
 * HTTP, and in everything the host wrote to stdout and stderr.
 */
import type { SecretKind } from '../tools/emulator/state';
import { expect, test, type AppUnderTest } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';
import { findLeaks, recordTransport } from './support/transport-recorder';

/** The kinds the journey must have made the emulator issue, or the check proves nothing. */
const expectedKinds: readonly SecretKind[] = [
  'clientSecret',
  'deviceCode',
  'accessToken',
  'refreshToken',
  'secretAccessKey',
  'sessionToken',
  'signinToken',
];

/** Fetches `paths` from the preview host over plain HTTP, as any local program could. */
async function probeHttp(origin: string, paths: readonly string[]): Promise<{ where: string; text: string }[]> {
  return Promise.all(
    paths.map(async (p) => {
      const response = await fetch(`${origin}${p}`);
      return { where: `GET ${p} (${response.status})`, text: await response.text() };
    }),
  );
}

/** "Use in terminal" from the role's menu, as a person does it; waits until the window shows it. */
async function useInTerminal(app: AppUnderTest, accountName: string, roleName: string): Promise<void> {
  await app.page.getByRole('button', { name: new RegExp(`^More for ${accountName} as ${roleName}:`) }).click();
  await app.page.getByRole('button', { name: 'Use in terminal', exact: true }).click();
  await expect(app.page.getByRole('group', { name: 'AWS CLI default profile' })).toContainText(`as ${roleName}`);
}

/** The console in a Rolecall window of its own, from the role's menu. */
async function openConsoleWindow(app: AppUnderTest, accountName: string, roleName: string): Promise<void> {
  await app.page.getByRole('button', { name: new RegExp(`^More for ${accountName} as ${roleName}:`) }).click();
  await app.page.getByRole('button', { name: 'Open in Rolecall window' }).click();
  await expect.poll(() => app.effects?.some((e) => e.kind === 'console-window')).toBe(true);
}

function lastEffect(app: AppUnderTest, kind: 'open' | 'clipboard'): string {
  const effect = app.effects?.findLast((e) => e.kind === kind);
  if (effect?.kind === 'open') return effect.url;
  return effect?.kind === 'clipboard' ? effect.text : '';
}

test.describe('secrets never reach the renderer', () => {
  test.use({ emulatorOptions: { accounts: 3, rolesPerAccount: 2 } });

  test('no secret crosses the transport or reaches a log during a full journey', async ({ app, emulator }) => {
    test.skip(app.effects === null, 'records the preview transport; Electron IPC is the same contract');
    const { page } = app;
    const recorder = recordTransport(page, app.origin);
    // The fixture opened the page before the recorder existed: reload so the WebSocket is recorded from its first frame.
    await page.reload();

    await addInstanceAndSignIn(page, emulator.startUrl, (code) => emulator.approve(code));
    await expect(page.getByText(/^3 accounts · listed/)).toBeVisible({ timeout: 15_000 });
    const [account] = emulator.accounts();
    const name = account?.accountName ?? '';
    const role = account?.roles[0] ?? '';

    await page.getByRole('button', { name: `Open the AWS console for ${name} as ${role}` }).click();
    await expect.poll(() => lastEffect(app, 'open')).toContain('SigninToken=');
    await page.getByRole('button', { name: `Copy credentials for ${name} as ${role} for a shell` }).click();
    await expect(page.getByText(new RegExp(`^Copied bash/zsh credentials for ${name} as ${role}`))).toBeVisible();

    await useInTerminal(app, name, role);
    await openConsoleWindow(app, name, role);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();

    const secrets = emulator.secrets();
    expect(new Set(secrets.map((s) => s.kind))).toEqual(new Set(expectedKinds));
    // The recorder and the secrets are real: main received and used them (the host recorded its effects).
    const clipboard = lastEffect(app, 'clipboard');
    const opened = lastEffect(app, 'open');
    expect(findLeaks(secrets, [{ where: 'clipboard', text: clipboard }]).map((l) => l.kind)).toContain('secretAccessKey');
    expect(findLeaks(secrets, [{ where: 'browser', text: opened }]).map((l) => l.kind)).toContain('signinToken');

    await recorder.settle();
    const frames = recorder.messages.filter((m) => m.channel !== 'http');
    expect(frames.filter((m) => m.channel === 'ws-sent').map((m) => JSON.parse(m.text) as { name: string }).map((m) => m.name)).toEqual(
      expect.arrayContaining(['addInstance', 'signIn', 'openConsole', 'copyCredentials', 'useProfile', 'signOut']),
    );
    expect(frames.some((m) => m.channel === 'ws-received' && m.text.includes(account?.accountId ?? '-'))).toBe(true);

    const page_ = await page.evaluate(() => ({
      dom: document.documentElement.outerHTML,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    const token = /#token=([\w-]+)/.exec(app.hostLog() ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    const served = await probeHttp(app.origin, ['/', '/index.html', '/web-bridge.js', '/ws', '/config.json', '/%2e%2e/package.json']);
    expect(served.every((s) => !s.text.includes(token)), 'the preview token is never served over HTTP').toBe(true);

    const leaks = findLeaks(secrets, [
      ...recorder.messages.map((m) => ({ where: `${m.channel} ${m.where}`, text: m.text })),
      { where: 'the page DOM', text: page_.dom },
      { where: 'the page storage', text: page_.storage },
      ...served,
      { where: 'the preview host log', text: app.hostLog() ?? '' },
    ]);
    expect(leaks).toEqual([]);
  });
});

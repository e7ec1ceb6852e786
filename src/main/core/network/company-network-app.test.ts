import { createServer } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';
import { createTestCa, type TestCa } from './test-ca.test-support';

/**
 * The desktop app's side of a company network: the core (what Electron's main process runs) signs in,
 * lists accounts and opens a console through a real forwarding proxy to the emulator served over TLS with
 * a CA made for the test, reading HTTPS_PROXY and AWS_CA_BUNDLE from its environment.
 */

let ca: TestCa;
let proxy: ProxyServer;
let proxyUrl: string;
let tunnels: string[] = [];
let rig: SignInRig | undefined;

beforeAll(async () => {
  ca = createTestCa('app');
  proxy = createProxy(createServer());
  proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  tunnels = [];
});

/** Plays the browser for a PKCE sign-in: the emulator (auto-approving) redirects to Rolecall's 127.0.0.1 listener. */
async function followSignInPage(url: string): Promise<void> {
  const location = await new Promise<string>((resolve, reject) => {
    const req = httpsRequest(url, { ca: readFileSync(ca.caFile, 'utf8') }, (res) => {
      res.resume();
      resolve(res.headers.location ?? '');
    });
    req.on('error', reject);
    req.end();
  });
  await (await fetch(location)).text();
}

/** Starts the instance's sign-in and, for a PKCE one, follows the page it opened. */
async function signIn(current: SignInRig): Promise<void> {
  const opened = current.effects.length;
  await current.core.handlers.signIn({ id: current.instanceId });
  for (let i = 0; i < 200; i += 1) {
    const status = current.core.getSnapshot().instances.find((s) => s.id === current.instanceId)?.status.kind;
    if (status === 'signedIn' || status === 'signedOut' || status === 'awaitingApproval') return;
    const page = current.effects.slice(opened).find((e) => e.kind === 'open' && e.url.includes('/authorize'));
    if (page?.kind === 'open') return followSignInPage(page.url);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the app behind a company proxy with its own CA', () => {
  it('signs in, lists the accounts and opens a console, every call through the proxy', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 3, tls: ca.server }, { env: { HTTPS_PROXY: proxyUrl, AWS_CA_BUNDLE: ca.caFile } });
    await signIn(rig);
    await waitForStatus(rig, 'signedIn');
    const host = new URL(rig.emulator.url).host;
    expect(new Set(tunnels)).toEqual(new Set([host]));

    const discovery = (): unknown => rig?.core.getSnapshot().instances.find((s) => s.id === rig?.instanceId)?.discovery;
    for (let i = 0; i < 400 && (discovery() as { state?: string } | undefined)?.state !== 'complete'; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(discovery()).toMatchObject({ state: 'complete' });
    const accounts = await rig.core.handlers.getAccounts({ id: rig.instanceId });
    expect(accounts.accounts).toHaveLength(3);

    const first = accounts.accounts[0];
    if (first === undefined) throw new Error('no account');
    tunnels = [];
    const before = rig.effects.length;
    await rig.core.handlers.openConsole({ id: rig.instanceId, accountId: first.accountId, roleName: first.roles[0] ?? '' });
    const opened = rig.effects.slice(before).find((e) => e.kind === 'open' || e.kind === 'console-window');
    expect(opened !== undefined && 'url' in opened ? opened.url : '').toContain('SigninToken=');
    expect(tunnels).toContain(host);
  });

  it('without the CA, the sign-in ends with the message that names AWS_CA_BUNDLE', async () => {
    rig = await startSignInRig({ autoApprove: true, accounts: 1, tls: ca.server }, { env: { HTTPS_PROXY: proxyUrl } });
    await signIn(rig);
    const status = await waitForStatus(rig, 'signedOut');
    expect(status.message).toContain('Rolecall does not trust the certificate');
    expect(status.message).toContain('AWS_CA_BUNDLE');
  });
});

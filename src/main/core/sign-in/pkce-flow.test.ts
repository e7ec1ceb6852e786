/**
 * The PKCE sign-in against the emulator with the real SSO OIDC client, the browser played by fetch:
 * approved (the token lists accounts), denied, timed out, cancelled, a forged `state`, a taken port,
 * no browser, and the registration cached and reused as the AWS CLI does.
 */
import { createServer } from 'node:net';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { oidcClient, portalClient } from '../../../../tools/emulator/test-support';
import { runPkceFlow, type PkceFlowDeps } from './pkce-flow';
import type { Registration } from './registration';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: 3 });
});
afterAll(() => emulator.close());

const target = { sessionName: 'acme', startUrl: '' };

/** A browser that shows the consent page and answers it, then follows the redirect to the loopback. */
function browser(decision: 'approve' | 'deny', visits: string[] = []) {
  return async (url: string): Promise<void> => {
    const consent = await fetch(url, { redirect: 'manual' });
    const request = /name="request" value="([^"]+)"/.exec(await consent.text())?.[1] ?? '';
    const answer = await fetch(`${emulator.url}/authorize/decision`, { method: 'POST', body: new URLSearchParams({ request, decision }), redirect: 'manual' });
    const location = answer.headers.get('location') ?? '';
    visits.push(location);
    // The browser follows the redirect after the click, not before openBrowser returns.
    setTimeout(() => void fetch(location).then((r) => r.text()).catch(() => undefined), 20);
  };
}

function deps(openBrowser: PkceFlowDeps['openBrowser'], overrides: Partial<PkceFlowDeps> = {}) {
  let saved: Registration | null = null;
  const flowDeps: PkceFlowDeps = {
    client: oidcClient(emulator),
    oidcBaseUrl: emulator.url,
    now: () => Date.now(),
    loadRegistration: () => Promise.resolve(saved),
    saveRegistration: (registration) => {
      saved = registration;
      return Promise.resolve();
    },
    openBrowser,
    ...overrides,
  };
  return { flowDeps, saved: () => saved };
}

const run = (flowDeps: PkceFlowDeps, signal = new AbortController().signal) => runPkceFlow(flowDeps, { ...target, startUrl: emulator.startUrl }, signal);

describe('PKCE sign-in', () => {
  it('approved: the code is redeemed with the verifier, the token lists accounts, the registration is reused', async () => {
    const visits: string[] = [];
    const { flowDeps, saved } = deps(browser('approve', visits));
    const outcome = await run(flowDeps);
    expect(outcome.kind).toBe('approved');
    if (outcome.kind !== 'approved') return;
    expect(outcome.grant.refreshToken).toBeDefined();
    expect(outcome.registration.grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(visits[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?code=/);
    const listed = await portalClient(emulator).send(new ListAccountsCommand({ accessToken: outcome.grant.accessToken }));
    expect(listed.accountList).toHaveLength(3);
    const again = await run(flowDeps);
    expect(again.kind === 'approved' && again.registration.clientId).toBe(saved()?.clientId);
    // The listener stopped with the answer.
    await expect(fetch(visits[0] ?? '')).rejects.toThrow();
  });

  it('sends state and an S256 challenge, and a device-code registration in the cache is not reused', async () => {
    let opened = '';
    const device: Registration = { clientId: 'old', clientSecret: 'x', expiresAt: new Date(Date.now() + 9e9), scopes: ['sso:account:access'], grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'] };
    const { flowDeps, saved } = deps(async (url) => {
      opened = url;
      await browser('approve')(url);
    }, { loadRegistration: () => Promise.resolve(device) });
    expect((await run(flowDeps)).kind).toBe('approved');
    const query = new URL(opened).searchParams;
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')).toMatch(/^[0-9a-f-]{36}$/);
    expect(query.get('client_id')).not.toBe('old');
    expect(saved()?.grantTypes).toContain('authorization_code');
  });

  it('denied on the consent page', async () => {
    expect(await run(deps(browser('deny')).flowDeps)).toEqual({ kind: 'denied' });
  });

  it('times out when the browser never comes back, and stops listening', async () => {
    let redirect = '';
    const { flowDeps } = deps((url) => {
      redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
      return Promise.resolve();
    }, { timeoutMs: 300 });
    expect(await run(flowDeps)).toEqual({ kind: 'timed-out' });
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('is cancelled at any moment while it waits', async () => {
    const controller = new AbortController();
    const { flowDeps } = deps(() => {
      setTimeout(() => controller.abort(), 50);
      return Promise.resolve();
    });
    expect(await run(flowDeps, controller.signal)).toEqual({ kind: 'cancelled' });
  });

  it('ends as forged on a redirect with another state, redeeming nothing, and the page says why', async () => {
    const pages: string[] = [];
    const { flowDeps } = deps((url) => {
      const redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
      setTimeout(() => {
        void (async () => {
          const forged = await fetch(`${redirect}?code=stolen&state=not-yours`);
          pages.push(`${forged.status} ${await forged.text()}`);
        })();
      }, 20);
      return Promise.resolve();
    });
    expect(await run(flowDeps)).toEqual({ kind: 'forged' });
    await expect.poll(() => pages[0] ?? '').toMatch(/^400 .*did not belong to the sign-in Rolecall started/);
  });

  it('names a taken port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      expect(await run(deps(() => Promise.resolve(), { port }).flowDeps)).toEqual({ kind: 'port-taken', port });
    } finally {
      blocker.close();
    }
  });

  it('says so when the browser cannot be opened', async () => {
    expect(await run(deps(() => Promise.reject(new Error('no browser'))).flowDeps)).toEqual({ kind: 'browser-failed' });
  });
});

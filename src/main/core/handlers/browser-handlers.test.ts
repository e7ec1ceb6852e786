/**
 * The browser an instance opens pages in, through the core's own requests: the browsers this machine has
 * (programs that write down how they were started, on a made-up PATH), the choice kept with the instance,
 * and the sign-in page and console opened in it.
 */
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { dispatchRequest } from '../../ipc/dispatch';
import { nodeCatalogFs } from '../browsers/start-program';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function machine(): Promise<{ env: Record<string, string>; home: string; bin: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-browser-choice-'));
  const bin = path.join(root, 'bin');
  const home = path.join(root, 'home');
  await mkdir(bin, { recursive: true });
  for (const name of ['chromium', 'firefox']) {
    await writeFile(path.join(bin, name), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(bin, name), 0o755);
  }
  await mkdir(path.join(home, '.config', 'chromium'), { recursive: true });
  await writeFile(path.join(home, '.config', 'chromium', 'Local State'), JSON.stringify({ profile: { info_cache: { 'Profile 1': { name: 'Work' } } } }));
  return { env: { PATH: bin }, home, bin };
}

async function startRig(): Promise<SignInRig> {
  const m = await machine();
  return startSignInRig({ autoApprove: true, accounts: 2 }, { browserMachine: { platform: 'linux', env: m.env, homedir: m.home, fs: nodeCatalogFs } });
}

describe('choosing the browser for an instance', () => {
  it('lists the browsers found, with profiles and without their paths, and opens the sign-in and the console in the chosen one', async () => {
    rig = await startRig();
    const found = await rig.core.handlers.listBrowsers(undefined);
    expect(found).toEqual([
      { id: 'chromium', name: 'Chromium', profiles: [{ directory: 'Profile 1', name: 'Work' }] },
      { id: 'firefox', name: 'Firefox', profiles: [] },
    ]);
    expect(JSON.stringify(found)).not.toContain(path.sep + 'bin');

    await rig.core.handlers.setBrowser({ id: rig.instanceId, browser: { kind: 'installed', id: 'chromium', profile: 'Profile 1' } });
    const summary = rig.core.getSnapshot().instances.find((i) => i.id === rig?.instanceId);
    expect(summary?.browser).toEqual({ kind: 'installed', id: 'chromium', profile: 'Profile 1' });
    const state = JSON.parse(await readFile(path.join(rig.dataDir, 'config.json'), 'utf8')) as { instances: { browser?: unknown }[] };
    expect(state.instances[0]?.browser).toEqual({ kind: 'installed', id: 'chromium', profile: 'Profile 1' });

    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'signedIn');
    const opened = rig.effects.filter((e) => e.kind === 'open');
    expect(opened.at(-1)).toMatchObject({ kind: 'open', browser: 'Chromium (Work)' });

    for (let i = 0; i < 200 && rig.core.getSnapshot().instances[0]?.discovery.state !== 'complete'; i += 1) await new Promise((r) => setTimeout(r, 25));
    const account = (await rig.core.handlers.getAccounts({ id: rig.instanceId })).accounts[0];
    if (account === undefined) throw new Error('no account');
    await rig.core.handlers.openConsole({ id: rig.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' });
    const consoleOpen = rig.effects.filter((e) => e.kind === 'open').at(-1);
    expect(consoleOpen).toMatchObject({ kind: 'open', browser: 'Chromium (Work)' });
    expect(consoleOpen?.kind === 'open' ? consoleOpen.url : '').toContain('SigninToken=');

    await rig.core.handlers.setBrowser({ id: rig.instanceId, browser: { kind: 'system' } });
    await rig.core.handlers.openConsole({ id: rig.instanceId, accountId: account.accountId, roleName: account.roles[0] ?? '' });
    expect(rig.effects.filter((e) => e.kind === 'open').at(-1)).not.toHaveProperty('browser');
  });

  it('refuses from the window an executable path, an option for a profile and a browser that is not installed', async () => {
    rig = await startRig();
    const handlers = rig.core.handlers;
    const id = rig.instanceId;
    expect(await dispatchRequest(handlers, 'setBrowser', { id, browser: { kind: 'executable', path: '/bin/sh' } }, silentLogger)).toMatchObject({ ok: false });
    expect(await dispatchRequest(handlers, 'setBrowser', { id, browser: { kind: 'installed', id: 'chromium', profile: '--no-sandbox' } }, silentLogger)).toMatchObject({ ok: false });
    expect(await dispatchRequest(handlers, 'setBrowser', { id, browser: { kind: 'installed', id: 'brave' } }, silentLogger)).toEqual({
      ok: false,
      error: { message: 'That browser is not installed on this machine any more. Choose another.' },
    });
    expect(rig.core.getSnapshot().instances[0]?.browser).toEqual({ kind: 'system' });
  });
});

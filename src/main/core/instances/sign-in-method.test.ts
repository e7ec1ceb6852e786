/**
 * Each instance's sign-in method: PKCE unless the person chose the device code, kept in the state file,
 * and the one every sign-in the app starts uses.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { dispatchRequest } from '../../ipc/dispatch';
import { createTestCore, type TestCore } from '../core-test-support';
import { silentLogger } from '../logger';
import { createJsonStateFile } from '../persistence/state-file';
import { rigInstance, startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

let rig: SignInRig | undefined;
let emulator: RunningEmulator | undefined;
const cores: TestCore[] = [];
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  for (const test of cores.splice(0)) test.core.dispose();
  await emulator?.close();
  emulator = undefined;
});

const lastOpened = (effects: TestCore['effects']): string => {
  const opened = effects.findLast((e) => e.kind === 'open');
  return opened?.kind === 'open' ? opened.url : '';
};

/** A core on `dirs` (a fresh HOME and data directory when absent), pointed at the emulator. */
async function coreFor(running: RunningEmulator, dirs?: { home: string; dataDir: string }): Promise<TestCore> {
  const test = await createTestCore({
    loopbackOrigins: [running.url],
    env: dirs === undefined ? running.env : { ...running.env, HOME: dirs.home },
    ...(dirs !== undefined && { homedir: dirs.home, stateFile: createJsonStateFile(dirs.dataDir) }),
  });
  cores.push(test);
  return test;
}

describe('the sign-in method', () => {
  it('is PKCE for a new instance: Sign in opens the authorization page and the browser coming back signs in', async () => {
    rig = await startSignInRig({ autoApprove: true }, {}, 'aws-cli', 'pkce');
    expect(rigInstance(rig.core.getSnapshot(), rig.instanceId).signInMethod).toBe('pkce');
    await rig.core.handlers.signIn({ id: rig.instanceId });
    await waitForStatus(rig, 'awaitingBrowser');
    const authorize = new URL(lastOpened(rig.effects));
    expect(authorize.origin + authorize.pathname).toBe(`${rig.emulator.url}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    // The emulator approves at once and redirects to Rolecall's listener on 127.0.0.1, as a browser would follow.
    const back = await fetch(authorize);
    expect(back.ok).toBe(true);
    expect(new URL(back.url).hostname).toBe('127.0.0.1');
    await waitForStatus(rig, 'signedIn');
    expect(rig.emulator.stats()['CreateToken']?.requests).toBe(1);
  });

  it('is kept with the instance across restarts, and Sign in then shows a device code', async () => {
    emulator = await startEmulator();
    const first = await coreFor(emulator);
    const added = await first.core.handlers.addInstance({ startUrl: emulator.startUrl, region: emulator.region, sessionName: 'corp', tokenStorage: 'aws-cli' });
    if (added.kind !== 'added') throw new Error('not added');
    await first.core.handlers.setSignInMethod({ id: added.id, method: 'device' });
    expect(first.core.getSnapshot().instances[0]?.signInMethod).toBe('device');
    const saved = JSON.parse(await readFile(path.join(first.dataDir, 'config.json'), 'utf8')) as { instances: Record<string, unknown>[] };
    expect(saved.instances[0]?.['signInMethod']).toBe('device');
    first.core.dispose();

    const second = await coreFor(emulator, first);
    expect(second.core.getSnapshot().instances[0]?.signInMethod).toBe('device');
    await second.core.handlers.signIn({ id: added.id });
    const waiting = await waitForStatus({ core: second.core, instanceId: added.id }, 'awaitingApproval');
    expect(lastOpened(second.effects)).toContain(`/device?user_code=${waiting.userCode}`);
    await second.core.handlers.cancelSignIn({ id: added.id });
    await waitForStatus({ core: second.core, instanceId: added.id }, 'signedOut');

    await second.core.handlers.setSignInMethod({ id: added.id, method: 'pkce' });
    await second.core.handlers.signIn({ id: added.id });
    await waitForStatus({ core: second.core, instanceId: added.id }, 'awaitingBrowser');
    expect(lastOpened(second.effects)).toContain(`${emulator.url}/authorize?`);
  });

  it('reads as PKCE for an instance saved before the choice existed', async () => {
    emulator = await startEmulator();
    const probe = await coreFor(emulator);
    const dirs = { home: probe.home, dataDir: probe.dataDir };
    probe.core.dispose();
    await mkdir(dirs.dataDir, { recursive: true });
    const instance = { id: 'old-1', sessionName: 'old', startUrl: emulator.startUrl, region: emulator.region, tokenStorage: 'aws-cli' };
    await writeFile(path.join(dirs.dataDir, 'config.json'), JSON.stringify({ version: 1, instances: [instance] }));
    const test = await coreFor(emulator, dirs);
    expect(test.core.getSnapshot().instances.map((i) => [i.sessionName, i.signInMethod])).toEqual([['old', 'pkce']]);
  });

  it('is refused for an unknown method or instance, with a message', async () => {
    emulator = await startEmulator();
    const test = await coreFor(emulator);
    const added = await test.core.handlers.addInstance({ startUrl: emulator.startUrl, region: emulator.region, sessionName: 'corp', tokenStorage: 'aws-cli' });
    if (added.kind !== 'added') throw new Error('not added');
    const send = (input: unknown) => dispatchRequest(test.core.handlers, 'setSignInMethod', input, silentLogger);
    expect(await send({ id: added.id, method: 'password' })).toEqual({ ok: false, error: { message: 'Rolecall could not read that request.' } });
    expect(await send({ id: added.id, method: 'device', extra: true })).toMatchObject({ ok: false });
    expect(await send({ id: 'gone', method: 'device' })).toEqual({ ok: false, error: { message: 'That Identity Center instance no longer exists.' } });
    expect(await send({ id: added.id, method: 'device' })).toEqual({ ok: true, value: null });
    expect(test.core.getSnapshot().instances[0]?.signInMethod).toBe('device');
  });
});

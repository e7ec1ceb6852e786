import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { createCliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: 3, interval: 1 });
});
afterAll(() => emulator.close());

/** Waits until the browser was asked to open the verification page, and returns its user code. */
async function openedCode(opened: string[]): Promise<string> {
  for (let i = 0; i < 200 && opened.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return new URL(opened[0] ?? 'http://x').searchParams.get('user_code') ?? '';
}

describe('rolecall login and logout', () => {
  it('opens the verification page in the browser, and signs in once it is approved', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login']);
    expect(emulator.approve(await openedCode(world.opened))).toBe('approved');
    const done = await run;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Opened the sign-in page in your browser.');
    expect(world.opened[0]).toMatch(new RegExp(`^${emulator.url}/device\\?user_code=`));
    const again = await world.run(['login']);
    expect(again.stdout).toMatch(/^Already signed in to acme until .*\. Use --force to sign in again\.\n$/);
  });

  it('says the sign-in was denied, with the command to try again (exit 1)', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    const run = world.run(['login']);
    expect(emulator.deny(await openedCode(world.opened))).toBe('denied');
    const done = await run;
    expect(done.code).toBe(1);
    expect(done.stderr).toBe('rolecall: The sign-in was denied in the browser. Run "rolecall login" to try again.\n');
  });

  it('needs --instance when there are several instances, and names them (exit 3)', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme');
    await world.addInstance('beta');
    const run = await world.run(['login']);
    expect(run).toEqual({ code: 3, stdout: '', stderr: 'rolecall: Rolecall has several IAM Identity Center instances (acme, beta). Choose one: rolecall login --instance NAME\n' });
    expect((await world.run(['logout', '--instance', 'gamma'])).code).toBe(3);
  });

  it('signs out at AWS and deletes the shared token file; then reports not signed in', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    const accessToken = await world.signIn(instance);
    expect(await world.run(['logout'])).toEqual({ code: 0, stdout: 'Signed out of acme.\n', stderr: '' });
    const portal = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(portal.status).toBe(401);
    expect(await world.run(['logout'])).toEqual({ code: 0, stdout: 'Not signed in to acme.\n', stderr: '' });
  });

  it('tells a person with no instance where instances come from (exit 3)', async () => {
    const world = await createCliWorld(emulator);
    const run = await world.run(['login']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Add one: rolecall add --start-url URL --region REGION');
  });
});

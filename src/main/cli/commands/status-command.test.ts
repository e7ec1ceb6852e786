import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { cliFixture } from '../cli-fixture.test-support';
import { createCliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ fixture: cliFixture });
});
afterAll(() => emulator.close());

describe('rolecall status and use', () => {
  it('shows each instance signed in or not, its saved list, and the profile "use" made the default', async () => {
    const world = await createCliWorld(emulator);
    const acme = await world.addInstance('acme');
    await world.addInstance('beta');
    await world.signIn(acme);
    const use = await world.run(['use', 'payments-prod', 'AdministratorAccess', '--instance', 'acme']);
    expect(use).toEqual({
      code: 0,
      stdout: `The AWS CLI now uses payments-prod as AdministratorAccess: [default] and [profile AdministratorAccess-222222222222] in ${path.join(world.home, '.aws', 'config')}.\n`,
      stderr: '',
    });
    const status = await world.run(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      instances: [
        { name: 'acme', signIn: { state: 'signed-in' }, accounts: { count: 6 } },
        { name: 'beta', signIn: { state: 'signed-out' }, accounts: null },
      ],
      activeProfile: { name: 'default', accountId: '222222222222', roleName: 'AdministratorAccess', session: 'acme' },
    });
    const text = await world.run(['status']);
    expect(text.stdout).toMatch(/^acme {2}https:\/\/.* \(us-east-1\)\n {2}signed in until .* left\)\n {2}accounts: 6 saved, listed .*\nbeta /);
    expect(text.stdout).toContain('beta  ');
    expect(text.stdout).toContain('  signed out; run rolecall login --instance beta\n');
    expect(text.stdout).toMatch(/\nActive profile: default: AdministratorAccess in 222222222222 via acme\n$/);
  });

  it('will not replace a [default] Rolecall did not write unless asked', async () => {
    const world = await createCliWorld(emulator);
    await world.signIn(await world.addInstance('acme'));
    await writeFile(path.join(world.home, '.aws', 'config'), '[default]\nregion = eu-west-1\naws_access_key_id = AKIAOLD\n');
    const refused = await world.run(['use', 'management', 'ReadOnlyAccess']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Run again with --replace-default');
    const replaced = await world.run(['use', 'management', 'ReadOnlyAccess', '--replace-default']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Your previous file is saved as');
  });
});

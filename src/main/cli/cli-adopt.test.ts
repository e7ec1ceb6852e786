/**
 * The terminal-only person's first command: `rolecall` adopts what `aws configure sso` wrote to
 * ~/.aws/config (or AWS_CONFIG_FILE), says so on stderr, and goes on with the command.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { readState } from '../core/terminal/state-access';
import { createCliWorld } from './cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: 2, interval: 1 });
});
afterAll(() => emulator.close());

describe('rolecall adopts the sign-ins ~/.aws/config describes', () => {
  it('adopts every [sso-session] and legacy profile when it has no instance, once, and names each', async () => {
    const world = await createCliWorld(emulator);
    const configFile = path.join(world.root, 'elsewhere', 'aws-config');
    const config = [
      '[profile legacy]',
      'sso_start_url = https://d-9999999999.awsapps.com/start',
      'sso_region = eu-west-1',
      'sso_account_id = 111111111111',
      'sso_role_name = ReadOnly',
      '',
      '[sso-session corp]',
      `sso_start_url = ${emulator.startUrl}`,
      `sso_region = ${emulator.region}`,
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n');
    await mkdir(path.dirname(configFile), { recursive: true });
    await writeFile(configFile, config);
    const env = { AWS_CONFIG_FILE: configFile };
    const status = await world.run(['status', '--json'], { env });
    expect(status.code).toBe(0);
    expect(status.stderr).toBe(
      [
        `Adopted [sso-session corp] from ${configFile} as instance corp (${emulator.startUrl}, ${emulator.region}).`,
        `Adopted [profile legacy] from ${configFile} as instance d-9999999999 (https://d-9999999999.awsapps.com/start, eu-west-1).`,
        `Added [sso-session d-9999999999] to ${configFile} so the AWS CLI shares this sign-in.`,
        '',
      ].join('\n'),
    );
    expect(JSON.parse(status.stdout)).toMatchObject({ instances: [{ name: 'corp' }, { name: 'd-9999999999' }] });
    // The person's lines stay; the legacy profile's portal gets the section the app's import writes.
    expect(await readFile(configFile, 'utf8')).toBe(
      `${config}\n[sso-session d-9999999999]\nsso_start_url = https://d-9999999999.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n`,
    );
    const again = await world.run(['status'], { env });
    expect(again.stderr).toBe('');
    expect((await readState(world.dataDir)).instances.map((i) => i.sessionName)).toEqual(['corp', 'd-9999999999']);
  });

  it('adopts the one --instance names when Rolecall already has others', async () => {
    const world = await createCliWorld(emulator);
    await world.addInstance('acme', {});
    await mkdir(path.join(world.home, '.aws'), { recursive: true });
    await writeFile(path.join(world.home, '.aws', 'config'), `[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-2\n`);
    const run = await world.run(['logout', '--instance', 'corp']);
    expect(run).toEqual({
      code: 0,
      stdout: 'Not signed in to corp.\n',
      stderr: `Adopted [sso-session corp] from ${path.join(world.home, '.aws', 'config')} as instance corp (https://corp.awsapps.com/start, us-east-2).\n`,
    });
    const unknown = await world.run(['logout', '--instance', 'nowhere']);
    expect(unknown.code).toBe(3);
  });

  it('with nothing to adopt, says how to add an instance from the terminal (exit 3)', async () => {
    const world = await createCliWorld(emulator);
    const run = await world.run(['login', '--no-browser']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('rolecall add --start-url URL --region REGION');
  });
});

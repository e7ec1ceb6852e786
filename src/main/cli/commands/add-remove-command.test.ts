/**
 * `rolecall add` and `rolecall remove`, in-process against the emulator: the app's checks with the
 * option to fix, the shared `[sso-session]`, and a removal that asks before it touches ~/.aws and then
 * leaves every line it did not own byte for byte.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { readState } from '../../core/terminal/state-access';
import { createCliWorld, type CliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: 2, interval: 1 });
});
afterAll(() => emulator.close());

const configOf = (world: CliWorld): string => path.join(world.home, '.aws', 'config');
const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

describe('rolecall add', () => {
  it('adds the instance with a name from the portal URL, shares it in ~/.aws/config, and says how to sign in', async () => {
    const world = await createCliWorld(emulator);
    const run = await world.run(['add', '--start-url', 'https://d-1234567890.awsapps.com/start', '--region', 'eu-west-1']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `Added instance d-1234567890 (https://d-1234567890.awsapps.com/start, eu-west-1) and [sso-session d-1234567890] to ${configOf(world)}.\nSign in: rolecall login\n`,
    );
    const state = await readState(world.dataDir);
    expect(state.instances).toMatchObject([{ sessionName: 'd-1234567890', region: 'eu-west-1', tokenStorage: 'aws-cli' }]);
    expect(await readFile(configOf(world), 'utf8')).toBe(
      '[sso-session d-1234567890]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n',
    );
    const second = await world.run(['add', '--start-url', emulator.startUrl, '--region', emulator.region, '--name', 'corp']);
    expect(second.stdout).toContain('Sign in: rolecall login --instance corp\n');
  });

  it('refuses bad input with the app’s own messages, each led by the option to fix (exit 2)', async () => {
    const world = await createCliWorld(emulator);
    const run = await world.run(['add', '--start-url', 'http://portal.example.com/start', '--region', 'mars-1', '--name', 'has space']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'rolecall: --start-url: The start URL must begin with https://, like https://d-1234567890.awsapps.com/start.',
        '--region: “mars-1” is not an AWS region. Choose one from the list.',
        '--name: Use up to 64 letters, digits and - _ . @ + % : / (no spaces): it names the [sso-session] section in ~/.aws/config.',
        '',
      ].join('\n'),
    );
    expect(await exists(path.join(world.dataDir, 'config.json'))).toBe(false);
    const missing = await world.run(['add', '--region', 'eu-west-1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('rolecall add needs --start-url URL and --region REGION.');
  });

  it('never takes over an [sso-session] of the same name that names another portal', async () => {
    const world = await createCliWorld(emulator);
    await mkdir(path.dirname(configOf(world)), { recursive: true });
    const mine = '[sso-session corp]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n';
    await writeFile(configOf(world), mine);
    const run = await world.run(['add', '--start-url', emulator.startUrl, '--region', emulator.region, '--name', 'corp']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rolecall: --name: ${configOf(world)} already has [sso-session corp] for https://other.awsapps.com/start. Choose another name.\n`);
    expect(await readFile(configOf(world), 'utf8')).toBe(mine);
  });
});

describe('rolecall remove', () => {
  const userLines = '# my own notes\n[profile mine]\nregion = eu-central-1\n';

  async function signedInWorld(): Promise<{ world: CliWorld; token: string }> {
    const world = await createCliWorld(emulator);
    await mkdir(path.dirname(configOf(world)), { recursive: true });
    await writeFile(configOf(world), userLines);
    expect((await world.run(['add', '--start-url', emulator.startUrl, '--region', emulator.region, '--name', 'corp'])).code).toBe(0);
    const [instance] = (await readState(world.dataDir)).instances;
    if (instance === undefined) throw new Error('no instance');
    return { world, token: await world.signIn(instance) };
  }

  it('with no one to ask, changes nothing and names --yes and --keep-aws-files (exit 2)', async () => {
    const { world } = await signedInWorld();
    const before = await readFile(configOf(world), 'utf8');
    const run = await world.run(['remove', 'corp']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Say --yes to sign out and remove them too, or --keep-aws-files to leave them.');
    expect((await readState(world.dataDir)).instances).toHaveLength(1);
    expect(await readFile(configOf(world), 'utf8')).toBe(before);
  });

  it('asks; "y" signs out at AWS and leaves only the person’s own lines, byte for byte', async () => {
    const { world, token } = await signedInWorld();
    const [instance] = (await readState(world.dataDir)).instances;
    const asked: string[] = [];
    const run = await world.run(['remove', 'corp'], { answers: ['y'], asked });
    expect(asked[0]).toContain(`[sso-session corp] in ${configOf(world)} and its sign-in in`);
    expect(asked[0]).toMatch(/Also sign out of corp and remove them\? \[y\/N\] $/);
    expect(run).toEqual({
      code: 0,
      stdout: `Signed out of corp.\nRemoved [sso-session corp] from ${configOf(world)}.\nRemoved instance corp from Rolecall.\n`,
      stderr: '',
    });
    expect(await readFile(configOf(world), 'utf8')).toBe(userLines);
    expect(instance !== undefined && (await exists(world.tokenFile(instance)))).toBe(false);
    const portal = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': token } });
    expect(portal.status).toBe(401);
    expect((await readState(world.dataDir)).instances).toEqual([]);
  });

  it('"n" (or --keep-aws-files) removes it from Rolecall only and says what it left', async () => {
    const { world } = await signedInWorld();
    const before = await readFile(configOf(world), 'utf8');
    const run = await world.run(['remove', 'corp'], { answers: ['n'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Removed instance corp from Rolecall\.\nLeft \[sso-session corp\] in .* and its sign-in in .* as they were\.\n$/);
    expect(await readFile(configOf(world), 'utf8')).toBe(before);
  });

  it('keeps the [sso-session] that the person’s own profiles use, and names them', async () => {
    const { world } = await signedInWorld();
    await writeFile(configOf(world), `${await readFile(configOf(world), 'utf8')}\n[profile deploy]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n`);
    const run = await world.run(['remove', 'corp', '--yes']);
    expect(run.stdout).toContain(`Kept [sso-session corp] in ${configOf(world)}: profiles deploy use it.\n`);
    expect(await readFile(configOf(world), 'utf8')).toContain('[sso-session corp]');
  });

  it('names the instances there are when NAME matches none (exit 3)', async () => {
    const { world } = await signedInWorld();
    expect(await world.run(['remove', 'nope'])).toEqual({ code: 3, stdout: '', stderr: 'rolecall: Rolecall has no instance named "nope". Instances: corp.\n' });
  });
});

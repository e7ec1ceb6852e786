/**
 * The real `rolecall` executable, built as `npm run build` builds it, spawned against the emulator in a
 * temporary HOME and data directory.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { buildCli, createCliWorld, spawnCli, type CliWorld } from './cli-test-support';

let emulator: RunningEmulator;
let cli: string;

beforeAll(async () => {
  [emulator, cli] = await Promise.all([startEmulator({ accounts: 12, rolesPerAccount: 1, interval: 1 }), buildCli()]);
});
afterAll(async () => {
  await emulator.close();
  await rm(path.dirname(cli), { recursive: true, force: true });
});

async function approveThroughAdminApi(userCode: string): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator/device-codes/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userCode }),
  });
  return response.json();
}

async function signedInWorld(): Promise<{ world: CliWorld; accountId: string; roleName: string }> {
  const world = await createCliWorld(emulator);
  const instance = await world.addInstance('acme');
  await world.signIn(instance);
  const account = emulator.accounts()[0];
  if (account === undefined) throw new Error('the emulator has no accounts');
  return { world, accountId: account.accountId, roleName: account.roles[0] ?? '' };
}

describe('rolecall (the built executable)', () => {
  it('signs in over SSH-style --no-browser: prints the URL and code, waits for approval, then shares the sign-in', async () => {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('acme');
    let approval: Promise<unknown> | undefined;
    const run = await spawnCli(cli, ['login', '--no-browser'], world.env, (soFar) => {
      const code = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(soFar)?.[1];
      if (code !== undefined && approval === undefined) approval = approveThroughAdminApi(code);
    });
    expect(await approval).toEqual({ result: 'approved' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`To sign in, open ${emulator.url}/device`);
    expect(run.stdout).not.toContain('Opened the sign-in page');
    expect(run.stdout).toMatch(/Signed in to acme until \d{4}-\d\d-\d\d \d\d:\d\d\.\n$/);
    expect(run.stderr).toBe('');
    expect((await stat(world.tokenFile(instance))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(world.home, '.aws', 'config'), 'utf8')).toContain('[sso-session acme]');

    const status = await spawnCli(cli, ['status', '--json'], world.env);
    expect(JSON.parse(status.stdout)).toMatchObject({ instances: [{ name: 'acme', signIn: { state: 'signed-in' } }] });
  });

  it('serves a credential_process profile that the AWS SDK resolves with fromIni, from the cache the second time', async () => {
    const { world, accountId, roleName } = await signedInWorld();
    const configFile = path.join(world.home, '.aws', 'config');
    await writeFile(configFile, `[profile via-rolecall]\ncredential_process = "${process.execPath}" "${cli}" credential-process ${accountId} ${roleName}\n`);
    const saved = { ...process.env };
    // The SDK runs the command with this process's environment.
    Object.assign(process.env, world.env);
    try {
      emulator.resetStats();
      const resolve = () => fromIni({ profile: 'via-rolecall', configFilepath: configFile, filepath: path.join(world.home, 'none'), ignoreCache: true })();
      const first = await resolve();
      const second = await resolve();
      expect(first.accessKeyId).toMatch(/^ASIA/);
      expect(second).toEqual(first);
      expect(first.expiration?.getTime()).toBeGreaterThan(Date.now() + 15 * 60_000);
      expect(emulator.stats()['GetRoleCredentials']?.requests).toBe(1);
    } finally {
      process.env = saved;
    }
    const cacheDir = path.join(world.dataDir, 'role-credentials');
    const [file] = await readdir(cacheDir);
    expect((await stat(path.join(cacheDir, file ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
  });

  it('answers credential-process with Version 1 JSON, and never prompts when signed out: stderr names the fix, exit 1', async () => {
    const { world, accountId, roleName } = await signedInWorld();
    const ok = await spawnCli(cli, ['credential-process', accountId, roleName], world.env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) as string });
    expect(ok.stdout).toMatch(/"Expiration": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"\n}\n$/);

    const logout = await spawnCli(cli, ['logout'], world.env);
    expect(logout).toMatchObject({ code: 0, stdout: 'Signed out of acme.\n' });
    const after = await spawnCli(cli, ['credential-process', accountId, roleName], world.env);
    expect(after).toEqual({ code: 1, stdout: '', stderr: 'rolecall: Not signed in to acme. Run: rolecall login\n' });
  });

  it('exports credentials that a shell can eval', async () => {
    const { world, accountId, roleName } = await signedInWorld();
    const script = `eval "$("${process.execPath}" "${cli}" export ${accountId} ${roleName})" && echo "$AWS_ACCESS_KEY_ID $AWS_REGION"`;
    const { stdout } = await promisify(execFile)('sh', ['-c', script], { env: world.env });
    expect(stdout).toMatch(new RegExp(`^ASIA\\w+ ${emulator.region}\\n$`));
  });

  it('prints help for every command and exits 2 on a wrong command line', async () => {
    const world = await createCliWorld(emulator);
    const main = await spawnCli(cli, ['--help'], world.env);
    expect(main.code).toBe(0);
    for (const command of ['add', 'remove', 'login', 'logout', 'status', 'accounts', 'export', 'console', 'use', 'credential-process']) {
      expect(main.stdout).toContain(`  ${command} `);
      const help = await world.run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: rolecall ${command}`));
    }
    const wrong = await spawnCli(cli, ['export', 'only-one'], world.env);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toContain('rolecall export needs ROLE.');
    expect((await spawnCli(cli, ['--version'], world.env)).stdout).toBe('rolecall 0.0.0-test\n');
  });
});

/**
 * The terminal-only person, end to end with the built `rolecall` and no app ever started: what
 * `aws configure sso` wrote is adopted, then login (device code, as over SSH), accounts, export, use,
 * credential-process, add, remove and logout, each against the emulator. botocore (the library under the
 * `aws` command) then resolves the default profile and `aws configure sso`'s own profile with no
 * `aws sso login`. The botocore steps skip, saying why, where Python's botocore is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { buildCli, createCliWorld, spawnCli, type CliWorld } from './cli-test-support';

const probe = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' });
const hasBotocore = probe.status === 0;
if (!hasBotocore) console.log('[terminal-journey] botocore steps skipped: python3 with botocore is not installed on this machine');

let emulator: RunningEmulator;
let cli: string;
beforeAll(async () => {
  [emulator, cli] = await Promise.all([startEmulator({ accounts: 4, rolesPerAccount: 2, interval: 1 }), buildCli()]);
});
afterAll(async () => {
  await emulator.close();
  await rm(path.dirname(cli), { recursive: true, force: true });
});

const RESOLVE = [
  'import sys, botocore.session',
  'credentials = botocore.session.Session(profile=sys.argv[1] or None).get_credentials().get_frozen_credentials()',
  'print(credentials.access_key + " " + credentials.secret_key)',
].join('\n');

/** The secret botocore resolves for a profile ("" for the default chain), or its error. */
async function botocoreSecret(world: CliWorld, profile: string): Promise<{ secret: string; stderr: string }> {
  const env = { ...world.env, AWS_SHARED_CREDENTIALS_FILE: path.join(world.home, 'none') };
  return new Promise((resolve) => {
    execFile('python3', ['-c', RESOLVE, profile], { encoding: 'utf8', env }, (_error, stdout, stderr) => {
      resolve({ secret: stdout.trim().split(' ')[1] ?? '', stderr });
    });
  });
}

async function approve(userCode: string): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator/device-codes/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userCode }),
  });
  return response.json();
}

describe('the terminal-only journey (the built rolecall, no app)', () => {
  it('adopts, signs in, lists, exports, uses, serves credential_process, adds, removes and signs out', { timeout: 60_000 }, async () => {
    const world = await createCliWorld(emulator);
    const [account] = emulator.accounts();
    const accountId = account?.accountId ?? '';
    const roleName = account?.roles[0] ?? '';
    const configFile = path.join(world.home, '.aws', 'config');
    const configureSso = [
      '[profile dev]',
      'sso_session = corp',
      `sso_account_id = ${accountId}`,
      `sso_role_name = ${roleName}`,
      'region = eu-west-1',
      'output = json',
      '[sso-session corp]',
      `sso_start_url = ${emulator.startUrl}`,
      `sso_region = ${emulator.region}`,
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n');
    await mkdir(path.dirname(configFile), { recursive: true });
    await writeFile(configFile, configureSso);

    let approval: Promise<unknown> | undefined;
    const login = await spawnCli(cli, ['login', '--instance', 'corp', '--no-browser'], world.env, (soFar) => {
      const code = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(soFar)?.[1];
      if (code !== undefined && approval === undefined) approval = approve(code);
    });
    expect(await approval).toEqual({ result: 'approved' });
    expect(login.stderr).toBe(`Adopted [sso-session corp] from ${configFile} as instance corp (${emulator.startUrl}, ${emulator.region}).\n`);
    expect(login).toMatchObject({ code: 0, stdout: expect.stringMatching(/Signed in to corp until .*\.\n$/) as string });
    expect(await readFile(configFile, 'utf8')).toBe(configureSso);

    const accounts = await spawnCli(cli, ['accounts'], world.env);
    expect(accounts).toMatchObject({ code: 0, stderr: '' });
    for (const a of emulator.accounts()) expect(accounts.stdout).toContain(a.accountId);

    const script = `eval "$("${process.execPath}" "${cli}" export ${accountId} ${roleName})" && echo "$AWS_ACCESS_KEY_ID"`;
    expect((await promisify(execFile)('sh', ['-c', script], { env: world.env })).stdout).toMatch(/^ASIA\w+\n$/);

    const use = await spawnCli(cli, ['use', accountId, roleName], world.env);
    expect(use).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(configFile, 'utf8')).toContain(configureSso.split('\n[sso-session')[0] ?? '');

    const process1 = await spawnCli(cli, ['credential-process', accountId, roleName], world.env);
    expect(JSON.parse(process1.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) as string });

    if (hasBotocore) {
      const issued = (secret: string): boolean => emulator.secrets().some((s) => s.value === secret);
      for (const profile of ['', 'dev']) {
        const resolved = await botocoreSecret(world, profile);
        expect(resolved.stderr).toBe('');
        expect(issued(resolved.secret)).toBe(true);
      }
    }

    const add = await spawnCli(cli, ['add', '--start-url', 'https://second.awsapps.com/start', '--region', 'eu-central-1'], world.env);
    expect(add).toMatchObject({ code: 0, stdout: expect.stringContaining('Sign in: rolecall login --instance second') as string });
    const remove = await spawnCli(cli, ['remove', 'second', '--yes'], world.env);
    expect(remove).toEqual({ code: 0, stdout: `Removed [sso-session second] from ${configFile}.\nRemoved instance second from Rolecall.\n`, stderr: '' });

    expect(await spawnCli(cli, ['logout'], world.env)).toEqual({ code: 0, stdout: 'Signed out of corp.\n', stderr: '' });
    if (hasBotocore) expect((await botocoreSecret(world, 'dev')).stderr).toMatch(/Token|token|SSO/);
  });
});

/**
 * `rolecall exec`, with the built rolecall against the emulator: real clients no one here wrote (the AWS
 * SDK for JavaScript's default chain and STS client in a Node child, botocore in a Python child) find the
 * role's credentials in the command's environment and STS names the role; stdin, exit status and signals
 * pass through; a nested exec is refused unless asked. botocore steps skip, saying why, without botocore.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { buildCli, createCliWorld, spawnCli, type CliRun, type CliWorld } from './cli-test-support';

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) console.log('[exec] botocore steps skipped: python3 with botocore is not installed on this machine');

const ACCOUNT = '111122223333';
const ROLE = 'AdministratorAccess';
let emulator: RunningEmulator;
let cli: string;
let world: CliWorld;
let env: Record<string, string>;

beforeAll(async () => {
  [emulator, cli] = await Promise.all([
    startEmulator({ fixture: { accounts: [{ id: ACCOUNT, name: 'payments-prod', roles: [ROLE, 'ReadOnlyAccess'] }] } }),
    buildCli(),
  ]);
  world = await createCliWorld(emulator);
  const instance = await world.addInstance('acme');
  await world.signIn(instance);
  // What the person's shell might hold: a profile that would otherwise win, and STS pointed at the emulator.
  env = { ...world.env, AWS_PROFILE: 'some-other-profile', AWS_DEFAULT_PROFILE: 'another', AWS_ENDPOINT_URL_STS: emulator.url };
}, 60_000);
afterAll(async () => {
  await emulator.close();
  await rm(path.dirname(cli), { recursive: true, force: true });
});

const exec = (command: readonly string[], extraEnv: Record<string, string> = {}, own: readonly string[] = []): Promise<CliRun> =>
  spawnCli(cli, ['exec', 'payments-prod', ROLE, ...own, '--', ...command], { ...env, ...extraEnv });

const NODE_CALLER = `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentials = await fromNodeProviderChain()();
const sts = new STSClient({ credentials });
const { Arn } = await sts.send(new GetCallerIdentityCommand({}));
console.log(JSON.stringify({ arn: Arn, region: await sts.config.region(), key: credentials.accessKeyId, expiration: credentials.expiration?.toISOString(),
  profile: process.env.AWS_PROFILE ?? null, defaultProfile: process.env.AWS_DEFAULT_PROFILE ?? null, marker: process.env.ROLECALL_EXEC }));
`;

const PYTHON_CALLER = [
  'import json, os, botocore.session',
  's = botocore.session.Session()',
  'c = s.get_credentials()',
  "r = s.create_client('sts').get_caller_identity()",
  "print(json.dumps({'arn': r['Arn'], 'method': c.method, 'region': s.get_config_variable('region')}))",
].join('\n');

describe('rolecall exec', () => {
  it('gives a Node child the role: the SDK’s default chain finds it and STS names it; no profile is left to win', async () => {
    const run = await exec([process.execPath, '--input-type=module', '-e', NODE_CALLER]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const seen = JSON.parse(run.stdout) as Record<string, string | null>;
    expect(seen['arn']).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_${ROLE}_[0-9a-f]+/`));
    expect(seen['key']).toMatch(/^ASIA/);
    expect(Date.parse(seen['expiration'] ?? '')).toBeGreaterThan(Date.now());
    expect(seen).toMatchObject({ region: emulator.region, profile: null, defaultProfile: null, marker: `${ACCOUNT}/${ROLE}` });
  });

  it.skipIf(!hasBotocore)('gives a Python child the role: botocore reads it from the environment and STS names it', async () => {
    const run = await exec(['python3', '-c', PYTHON_CALLER], {}, ['--region', 'eu-west-1']);
    expect(run.code).toBe(0);
    const seen = JSON.parse(run.stdout) as Record<string, string>;
    expect(seen).toMatchObject({ method: 'env', region: 'eu-west-1' });
    expect(seen['arn']).toContain(`:assumed-role/AWSReservedSSO_${ROLE}_`);
  });

  it('exits with the command’s status, 128+N for a signal, and 127 when the command is not found', async () => {
    expect((await exec([process.execPath, '-e', 'process.exit(7)'])).code).toBe(7);
    expect((await exec([process.execPath, '-e', "process.kill(process.pid, 'SIGKILL')"])).code).toBe(137);
    const missing = await exec(['no-such-command-rolecall-test']);
    expect(missing).toMatchObject({ code: 127, stderr: 'rolecall exec: no-such-command-rolecall-test was not found on PATH.\n' });
  });

  it('passes stdin through, and arguments exactly as given (no shell)', async () => {
    const child = spawn(process.execPath, [cli, 'exec', 'payments-prod', ROLE, '--', process.execPath, '-e', 'process.stdin.pipe(process.stdout); console.error(JSON.stringify(process.argv.slice(1)))', '$(touch /tmp/x)', "'; echo hi"], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end('piped in\n');
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'piped in\n' });
    expect(JSON.parse(stderr) as string[]).toEqual(['$(touch /tmp/x)', "'; echo hi"]);
  });

  it('forwards SIGTERM to the command and leaves with the status the command chose', async () => {
    const trap = "process.on('SIGTERM', () => process.exit(42)); console.log('ready'); setInterval(() => {}, 1000);";
    const child = spawn(process.execPath, [cli, 'exec', 'payments-prod', ROLE, '--', process.execPath, '-e', trap], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('close', resolve))).toBe(42);
  });

  it('refuses a nested exec, naming the enclosing role, unless --allow-nested', async () => {
    const nested = await exec([process.execPath, '-e', 'console.log("ran")'], { ROLECALL_EXEC: `${ACCOUNT}/ReadOnlyAccess` });
    expect(nested.code).toBe(1);
    expect(nested.stdout).toBe('');
    expect(nested.stderr).toContain(`already runs inside rolecall exec as ${ACCOUNT}/ReadOnlyAccess (ROLECALL_EXEC)`);
    expect(nested.stderr).toContain('--allow-nested');
    const allowed = await exec([process.execPath, '-e', 'console.log(process.env.ROLECALL_EXEC)'], { ROLECALL_EXEC: `${ACCOUNT}/ReadOnlyAccess` }, ['--allow-nested']);
    expect(allowed).toMatchObject({ code: 0, stdout: `${ACCOUNT}/${ROLE}\n` });
  });

  it('needs a command after --', async () => {
    const run = await spawnCli(cli, ['exec', 'payments-prod', ROLE], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rolecall exec needs a command after "--".');
  });
});

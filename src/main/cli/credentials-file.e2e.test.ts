/**
 * `rolecall credentials-file`, with the built rolecall against the emulator: readers no one here wrote
 * (botocore, and the JS SDK's fromIni with STS) use the section, the person's lines stay byte for byte,
 * refresh renews the credentials, logout removes the section, and a foreign section needs --replace.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { buildCli, createCliWorld, spawnCli, type CliWorld } from './cli-test-support';

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) console.log('[credentials-file] botocore steps skipped: python3 with botocore is not installed on this machine');

const ACCOUNT = '111122223333';
const ROLE = 'AdministratorAccess';
let emulator: RunningEmulator;
let cli: string;
let world: CliWorld;
let env: Record<string, string>;
let file: string;

const PERSON = '# my own keys\n[default]\naws_access_key_id = AKIAPERSONAL   ; mine\naws_secret_access_key = personal-secret\n\n[legacy]\naws_access_key_id=AKIALEGACY\naws_secret_access_key=legacy-secret\n';

beforeAll(async () => {
  // Role credentials live 10 minutes, under rolecall's 15-minute reuse margin: each refresh gets new ones.
  [emulator, cli] = await Promise.all([
    startEmulator({ roleCredentialsTtl: 600, fixture: { accounts: [{ id: ACCOUNT, name: 'payments-prod', roles: [ROLE] }] } }),
    buildCli(),
  ]);
  world = await createCliWorld(emulator);
  await world.signIn(await world.addInstance('acme'));
  file = path.join(world.root, 'shared-credentials');
  env = { ...world.env, AWS_SHARED_CREDENTIALS_FILE: file, AWS_CONFIG_FILE: path.join(world.root, 'no-config'), AWS_ENDPOINT_URL_STS: emulator.url };
}, 60_000);
afterAll(async () => {
  await emulator.close();
  await rm(path.dirname(cli), { recursive: true, force: true });
});

const rolecall = (...args: string[]) => spawnCli(cli, args, env);

const BOTOCORE = [
  'import json, sys, botocore.session',
  's = botocore.session.Session(profile=sys.argv[1])',
  'c = s.get_credentials()',
  "r = s.create_client('sts', region_name='us-east-1').get_caller_identity()",
  "print(json.dumps({'arn': r['Arn'], 'key': c.access_key, 'method': c.method}))",
].join('\n');

const NODE_FROM_INI = `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
const credentials = await fromIni({ profile: process.argv[1] })();
const { Arn } = await new STSClient({ region: 'us-east-1', credentials }).send(new GetCallerIdentityCommand({}));
console.log(JSON.stringify({ arn: Arn, key: credentials.accessKeyId }));
`;

// Asynchronous: the emulator answering these children runs in this process.
const run = async (command: string, args: readonly string[]): Promise<string> => (await promisify(execFile)(command, [...args], { env, encoding: 'utf8' })).stdout;

const sectionKey = async (name: string): Promise<string> => new RegExp(`\\[${name}\\]\\n[^\\n]*\\naws_access_key_id = (\\S+)`).exec(await readFile(file, 'utf8'))?.[1] ?? '';

describe('rolecall credentials-file', () => {
  it('writes a marked section that botocore and the JS SDK use, leaving the person’s lines byte for byte, mode 0600', async () => {
    await writeFile(file, PERSON, { mode: 0o644 });
    const set = await rolecall('credentials-file', 'set', 'payments-prod', ROLE, '--profile', 'pay-admin');
    expect(set.stderr).toBe('');
    expect(set.stdout).toMatch(/^\[pay-admin\] in .+ holds AdministratorAccess in 111122223333 until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\.\n$/);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(`${PERSON}\n[pay-admin]\n# Managed by Rolecall: ${ACCOUNT} ${ROLE} of acme until `)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = await sectionKey('pay-admin');
    expect(key).toMatch(/^ASIA/);
    const node = await run(process.execPath, ['--input-type=module', '-e', NODE_FROM_INI, 'pay-admin']);
    expect(JSON.parse(node) as unknown).toEqual({ arn: expect.stringContaining(`:assumed-role/AWSReservedSSO_${ROLE}_`) as string, key });
    if (hasBotocore) {
      const py = await run('python3', ['-c', BOTOCORE, 'pay-admin']);
      expect(JSON.parse(py) as unknown).toMatchObject({ key, method: 'shared-credentials-file' });
    }
    expect((await rolecall('credentials-file', 'list')).stdout).toMatch(/^\[pay-admin\] {2}AdministratorAccess in 111122223333 \(acme\), until \S+\n$/);
  });

  it('refresh puts new credentials in the section and changes nothing else', async () => {
    const before = await readFile(file, 'utf8');
    const oldKey = await sectionKey('pay-admin');
    const refreshed = await rolecall('credentials-file', 'refresh');
    expect(refreshed.code).toBe(0);
    const after = await readFile(file, 'utf8');
    const newKey = await sectionKey('pay-admin');
    expect(newKey).not.toBe(oldKey);
    expect(after.slice(0, PERSON.length)).toBe(PERSON);
    expect(after.split('\n').length).toBe(before.split('\n').length);
  });

  it('leaves a section it did not write alone unless --replace, and then saves the file first', async () => {
    const refused = await rolecall('credentials-file', 'set', 'payments-prod', ROLE, '--profile', 'legacy');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[legacy] in');
    expect(refused.stderr).toContain('was not written by Rolecall, so it was left as it is');
    expect(await readFile(file, 'utf8')).toContain('aws_access_key_id=AKIALEGACY');
    const before = await readFile(file, 'utf8');
    const replaced = await rolecall('credentials-file', 'set', 'payments-prod', ROLE, '--profile', 'legacy', '--replace');
    expect(replaced.code).toBe(0);
    const backupName = /saved in (\S+)\)/.exec(replaced.stdout)?.[1] ?? '';
    expect(await readFile(backupName, 'utf8')).toBe(before);
    expect((await stat(backupName)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain('AKIALEGACY');
  });

  it('rolecall logout removes the instance’s sections and nothing else', async () => {
    const out = await rolecall('logout');
    expect(out.stdout).toContain('Removed [pay-admin] from');
    expect(out.stdout).toContain('Removed [legacy] from');
    const text = await readFile(file, 'utf8');
    expect(text).toBe(PERSON.slice(0, PERSON.indexOf('[legacy]')).replace(/\n\n$/, '\n'));
    expect((await readdir(path.dirname(file))).some((f) => f.startsWith('shared-credentials.rolecall-backup-'))).toBe(true);
  });
});

/**
 * `rolecall serve`, the built executable against the emulator: the printed lines are all botocore and
 * `fromContainerMetadata` need; STS accepts what they resolve; Ctrl-C stops it; a restart's token is new
 * and the old one is refused.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { cliFixture } from '../cli-fixture.test-support';
import { buildCli, createCliWorld, type CliRun, type CliWorld } from '../cli-test-support';

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) console.log('[serve] botocore test skipped: python3 with botocore is not installed on this machine');

let emulator: RunningEmulator;
let cli: string;
let world: CliWorld;
beforeAll(async () => {
  [emulator, cli] = await Promise.all([startEmulator({ fixture: cliFixture }), buildCli()]);
  world = await createCliWorld(emulator);
  await world.signIn(await world.addInstance('acme'));
});
afterAll(async () => {
  await emulator.close();
  await rm(path.dirname(cli), { recursive: true, force: true });
});

interface Serving {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  stop(): Promise<CliRun>;
}

async function serve(args: readonly string[]): Promise<Serving> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve) => child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  for (let i = 0; i < 400 && !stdout.includes('TOKEN='); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  const url = /FULL_URI=(\S+)/.exec(stdout)?.[1] ?? '';
  const token = /TOKEN=(\S+)/.exec(stdout)?.[1] ?? '';
  return {
    url,
    token,
    port: Number(new URL(url).port),
    stop: () => {
      child.kill('SIGINT');
      return done;
    },
  };
}

describe('rolecall serve', () => {
  it('prints the two variables and the Docker hint, serves fromContainerMetadata and botocore, and stops on Ctrl-C', { timeout: 30_000 }, async () => {
    const serving = await serve(['payments-prod', 'ReadOnlyAccess']);
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(serving.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', serving.url);
    vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', serving.token);
    const fromSdk = await fromContainerMetadata()();
    vi.unstubAllEnvs();
    expect(fromSdk.accessKeyId).toMatch(/^ASIA/);
    if (hasBotocore) {
      const script = [
        'import botocore.session',
        's = botocore.session.get_session()',
        'c = s.get_credentials()',
        'print(c.method, s.create_client("sts", region_name="us-east-1").get_caller_identity()["Arn"].split("/")[1], c.get_frozen_credentials().access_key)',
      ].join('\n');
      const stdout = await new Promise<string>((resolve) =>
        execFile('python3', ['-c', script], {
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] ?? '', HOME: world.home, AWS_ENDPOINT_URL_STS: emulator.url, AWS_CONTAINER_CREDENTIALS_FULL_URI: serving.url, AWS_CONTAINER_AUTHORIZATION_TOKEN: serving.token },
        }, (_error, out, err) => resolve(out + err)),
      );
      expect(stdout).toMatch(/^container-role AWSReservedSSO_ReadOnlyAccess_[0-9a-f]+ /);
      expect(stdout.trim().split(' ')[2]).toBe(fromSdk.accessKeyId);
    }
    const ended = await serving.stop();
    expect(ended.code).toBe(0);
    expect(ended.stdout).toBe(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${serving.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${serving.token}\n`);
    expect(ended.stderr).toMatch(/^Serving ReadOnlyAccess in payments-prod \(222222222222\) on 127\.0\.0\.1:\d+; credentials until .+ Ctrl-C stops it\.\n/);
    expect(ended.stderr).toContain('docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN IMAGE');
    expect(ended.stderr).not.toContain(fromSdk.secretAccessKey);
    await expect(fetch(serving.url, { headers: { authorization: serving.token } })).rejects.toThrow();
  });

  it('refuses the token of a previous start on the same port, and a missing one', { timeout: 30_000 }, async () => {
    const first = await serve(['management', 'ReadOnlyAccess']);
    await first.stop();
    const second = await serve(['management', 'ReadOnlyAccess', '--port', String(first.port)]);
    try {
      expect(second.url).toBe(first.url);
      expect((await fetch(second.url, { headers: { authorization: first.token } })).status).toBe(403);
      expect((await fetch(second.url)).status).toBe(401);
      expect((await fetch(second.url, { headers: { authorization: second.token } })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('fails before listening for an unknown account, and refuses a bad port', async () => {
    expect((await world.run(['serve', 'nope', 'ReadOnlyAccess'])).code).toBe(3);
    expect((await world.run(['serve', 'management', 'ReadOnlyAccess', '--port', '70000'])).code).toBe(2);
  });
});

/**
 * The container credentials endpoint, read by the real `fromContainerMetadata` and by botocore's
 * container provider; refusing a missing, wrong and replayed token; refreshing under a fake clock.
 */
import { execFile, spawnSync } from 'node:child_process';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssuedRoleCredentials } from '../actions/credentials';
import { REFRESH_BEFORE_MS, startCredentialServer, type CredentialServer } from './credential-server';

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) console.log('[credential-server] botocore test skipped: python3 with botocore is not installed on this machine');

const HOUR = 3_600_000;
let clock = Date.UTC(2026, 11, 6, 4, 0, 0);
let issued = 0;
const fetchCredentials = (): Promise<IssuedRoleCredentials> => {
  issued += 1;
  return Promise.resolve({ accessKeyId: `ASIAFAKE${issued}`, secretAccessKey: `secret-${issued}`, sessionToken: `token-${issued}`, expiration: clock + HOUR });
};

const servers: CredentialServer[] = [];
async function start(port?: number): Promise<CredentialServer> {
  const server = await startCredentialServer({ fetchCredentials, now: () => clock, ...(port !== undefined && { port }) });
  servers.push(server);
  return server;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

describe('the container credentials endpoint', () => {
  it('serves fromContainerMetadata with the token, on 127.0.0.1', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', server.url);
    vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', server.token);
    const credentials = await fromContainerMetadata()();
    expect(credentials).toMatchObject({ accessKeyId: `ASIAFAKE${issued}`, sessionToken: `token-${issued}` });
    expect(credentials.expiration?.getTime()).toBe(Math.floor((clock + HOUR) / 1000) * 1000);
    expect(server.servedUntil()).toBe(clock + HOUR);
  });

  it.skipIf(!hasBotocore)('serves botocore’s container provider', async () => {
    clock = Date.now();
    const server = await start();
    const script = 'import botocore.session\nc = botocore.session.get_session().get_credentials()\nprint(c.method, c.get_frozen_credentials().access_key)';
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
      execFile('python3', ['-c', script], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent', AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url, AWS_CONTAINER_AUTHORIZATION_TOKEN: server.token },
      }, (_error, out, err) => resolve({ stdout: out, stderr: err })),
    );
    expect(stderr).toBe('');
    expect(stdout).toBe(`container-role ASIAFAKE${issued}\n`);
  });

  it('answers a missing token 401, a wrong one and one from a previous start 403, with nothing else', async () => {
    const first = await start();
    const oldToken = first.token;
    const port = first.port;
    await first.stop();
    const server = await start(port);
    expect(server.token).not.toBe(oldToken);
    const before = issued;
    for (const [headers, status] of [[{}, 401], [{ authorization: '' }, 401], [{ authorization: 'wrong' }, 403], [{ authorization: oldToken }, 403], [{ authorization: `${server.token}x` }, 403]] as const) {
      const response = await fetch(server.url, { headers });
      expect(response.status).toBe(status);
      expect(await response.text()).not.toMatch(/ASIA|secret|token-/);
    }
    expect(issued).toBe(before);
    expect((await fetch(server.url, { headers: { authorization: server.token } })).status).toBe(200);
  });

  it('fetches credentials again only when they have less than 15 minutes left', async () => {
    const server = await start();
    const read = async (): Promise<string> => ((await (await fetch(server.url, { headers: { authorization: server.token } })).json()) as { AccessKeyId: string }).AccessKeyId;
    const first = await read();
    clock += HOUR - REFRESH_BEFORE_MS - 1000;
    expect(await read()).toBe(first);
    clock += 2000;
    const second = await read();
    expect(second).not.toBe(first);
    expect(server.servedUntil()).toBe(clock + HOUR);
  });

  it('stops when asked: the port no longer answers', async () => {
    const server = await start();
    await server.stop();
    await expect(fetch(server.url, { headers: { authorization: server.token } })).rejects.toThrow();
  });
});

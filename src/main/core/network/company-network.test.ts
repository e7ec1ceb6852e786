import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { createCliWorld, type CliWorld } from '../../cli/cli-test-support';
import { createTestCa, type TestCa } from './test-ca.test-support';

/**
 * A company network, for real: the emulator served over TLS with a CA made for the test, reached through a
 * forwarding proxy (the `proxy` package, CONNECT tunnels) on 127.0.0.1. Every `rolecall` command's AWS calls
 * (sign-in, the account list, role credentials, the console sign-in) must go through it and trust the CA.
 */

let ca: TestCa;
let otherCa: TestCa;
let emulator: RunningEmulator;
let proxy: ProxyServer;
let proxyUrl: string;
let tunnels: string[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  ca = createTestCa('company');
  otherCa = createTestCa('other');
  emulator = await startEmulator({ accounts: 3, autoApprove: true, tls: ca.server });
  proxy = createProxy(createServer());
  proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''));
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});
afterAll(async () => {
  await emulator.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});
beforeEach(() => {
  tunnels = [];
  proxy.authenticate = undefined;
});

async function signedInWorld(env: Record<string, string>): Promise<CliWorld> {
  const world = await createCliWorld(emulator);
  await world.addInstance('corp');
  const login = await world.run(['login', '--use-device-code', '--no-browser'], { env });
  expect(login.stderr).toBe('');
  expect(login.code).toBe(0);
  return world;
}

const emulatorHost = (): string => new URL(emulator.url).host;

describe('behind a company proxy with its own CA', () => {
  it('signs in, lists accounts, gets role credentials and a console sign-in, all through the proxy', async () => {
    const env = { HTTPS_PROXY: proxyUrl, AWS_CA_BUNDLE: ca.caFile };
    const world = await signedInWorld(env);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([emulatorHost()]));

    const accounts = await world.run(['accounts'], { env });
    expect(accounts.code).toBe(0);
    const first = emulator.organization.accounts[0];
    if (first === undefined) throw new Error('the emulator has no accounts');
    expect(accounts.stdout).toContain(first.accountName);

    const role = first.roles[0] ?? '';
    const exported = await world.run(['export', first.accountId, role], { env });
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA/m);

    tunnels = [];
    const consoleRun = await world.run(['console', first.accountId, role, '--print'], { env });
    expect(consoleRun.stderr).toBe('');
    expect(consoleRun.stdout).toContain('SigninToken=');
    expect(tunnels).toEqual(expect.arrayContaining([emulatorHost()]));
  });

  it('reads the lowercase https_proxy and the profile’s ca_bundle as the AWS CLI does', async () => {
    const world = await createCliWorld(emulator);
    await mkdir(path.join(world.home, '.aws'), { recursive: true });
    await writeFile(path.join(world.home, '.aws', 'config'), `[profile work]\nca_bundle = ${ca.caFile}\n`);
    await world.addInstance('corp');
    const env = { https_proxy: proxyUrl, AWS_PROFILE: 'work' };
    const login = await world.run(['login', '--use-device-code', '--no-browser'], { env });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(tunnels.length).toBeGreaterThan(0);
  });

  it('goes direct to a host listed in NO_PROXY', async () => {
    const world = await signedInWorld({ HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1', AWS_CA_BUNDLE: ca.caFile });
    expect(tunnels).toEqual([]);
    expect((await world.run(['accounts'], { env: { HTTPS_PROXY: proxyUrl, no_proxy: '127.0.0.1', AWS_CA_BUNDLE: ca.caFile } })).code).toBe(0);
    expect(tunnels).toEqual([]);
  });
});

describe('what a person sees when the network settings are wrong', () => {
  async function loginError(env: Record<string, string>): Promise<string> {
    const world = await createCliWorld(emulator);
    await world.addInstance('corp');
    const login = await world.run(['login', '--use-device-code', '--no-browser'], { env });
    expect(login.code).not.toBe(0);
    expect(login.stderr).not.toMatch(/\n\s+at /);
    return login.stderr;
  }

  it('without the CA: the certificate is not trusted, and AWS_CA_BUNDLE is named', async () => {
    const stderr = await loginError({ HTTPS_PROXY: proxyUrl });
    expect(stderr).toContain(`Rolecall does not trust the certificate ${emulatorHost()} presented`);
    expect(stderr).toContain('set AWS_CA_BUNDLE (or ca_bundle in your AWS config profile)');
  });

  it('with the wrong CA: names the bundle that does not hold it', async () => {
    const stderr = await loginError({ HTTPS_PROXY: proxyUrl, AWS_CA_BUNDLE: otherCa.caFile });
    expect(stderr).toContain(`It is not signed by a certificate authority in ${otherCa.caFile} (AWS_CA_BUNDLE)`);
  });

  it('with a CA bundle that does not exist: says so, and makes no call', async () => {
    const missing = path.join(ca.dir, 'missing.pem');
    const stderr = await loginError({ HTTPS_PROXY: proxyUrl, AWS_CA_BUNDLE: missing });
    expect(stderr).toContain(`The CA bundle ${missing} (AWS_CA_BUNDLE) cannot be used: it could not be read (ENOENT)`);
    expect(tunnels).toEqual([]);
  });

  it('a proxy that asks for credentials: 407, HTTPS_PROXY named, the password never shown', async () => {
    proxy.authenticate = () => false;
    const withPassword = proxyUrl.replace('http://', 'http://alice:s3cret@');
    const stderr = await loginError({ HTTPS_PROXY: withPassword, AWS_CA_BUNDLE: ca.caFile });
    expect(stderr).toContain('set in HTTPS_PROXY asks for credentials (407 Proxy Authentication Required)');
    expect(stderr).toContain('alice:***@');
    expect(stderr).not.toContain('s3cret');
  });

  it('a proxy that is not there: could not reach it, HTTPS_PROXY and NO_PROXY named', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const stderr = await loginError({ HTTPS_PROXY: `http://127.0.0.1:${port}`, AWS_CA_BUNDLE: ca.caFile });
    expect(stderr).toContain(`Rolecall could not reach the proxy http://127.0.0.1:${port} set in HTTPS_PROXY (ECONNREFUSED)`);
    expect(stderr).toContain('NO_PROXY');
  });
});

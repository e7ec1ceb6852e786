import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromSSO } from '@aws-sdk/credential-providers';
import { getSSOTokenFromFile } from '@smithy/core/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ssoTokenFilePath } from './aws-paths';
import { setSection } from './config-editor';
import type { SsoTokenFile } from './sso-token-file';
import {
  deleteSsoTokenFile,
  formatSsoTokenFile,
  parseSsoTokenFile,
  readSsoTokenFile,
  writeSsoTokenFile,
} from './sso-token-file';

// Reference doc §3.1: written by AWS CLI 2.36.7.
const CLI_SAMPLE =
  '{"startUrl": "https://d-1234567890.awsapps.com/start", "region": "us-east-1", "accessToken": "AT-pkce", ' +
  '"expiresAt": "2026-11-21T18:05:21Z", "clientId": "CID-1795255521", "clientSecret": "CSECRET-1795255521", ' +
  '"registrationExpiresAt": "2027-02-19T10:05:21Z", "refreshToken": "RT-pkce"}';

// Reference doc §3.1: written by the JS SDK's refresh.
const JS_SAMPLE = `{
  "startUrl": "https://d-1234567890.awsapps.com/start",
  "region": "us-east-1",
  "accessToken": "NEW_AT",
  "expiresAt": "2026-11-21T18:03:35.779Z",
  "clientId": "cid",
  "clientSecret": "csec",
  "registrationExpiresAt": "2099-01-01T00:00:00Z",
  "refreshToken": "NEW_RT"
}`;

const cliToken: SsoTokenFile = {
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'AT-pkce',
  expiresAt: new Date('2026-11-21T18:05:21Z'),
  clientId: 'CID-1795255521',
  clientSecret: 'CSECRET-1795255521',
  registrationExpiresAt: new Date('2027-02-19T10:05:21Z'),
  refreshToken: 'RT-pkce',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-token-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('formatSsoTokenFile', () => {
  it('is byte-identical to the AWS CLI sample', () => {
    expect(formatSsoTokenFile(cliToken)).toBe(CLI_SAMPLE);
  });

  it('round-trips the CLI sample exactly', () => {
    const read = parseSsoTokenFile(CLI_SAMPLE);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(formatSsoTokenFile(read.token)).toBe(CLI_SAMPLE);
  });

  it('rewrites a JS SDK file in the CLI format, dropping milliseconds', () => {
    const read = parseSsoTokenFile(JS_SAMPLE);
    if (read.kind !== 'ok') throw new Error(`unexpected ${read.kind}`);
    expect(read.token.expiresAt.toISOString()).toBe('2026-11-21T18:03:35.779Z');
    expect(formatSsoTokenFile(read.token)).toBe(
      '{"startUrl": "https://d-1234567890.awsapps.com/start", "region": "us-east-1", "accessToken": "NEW_AT", ' +
        '"expiresAt": "2026-11-21T18:03:35Z", "clientId": "cid", "clientSecret": "csec", ' +
        '"registrationExpiresAt": "2099-01-01T00:00:00Z", "refreshToken": "NEW_RT"}',
    );
  });

  it('omits absent keys and keeps the CLI order', () => {
    const token: SsoTokenFile = { refreshToken: 'r', expiresAt: new Date(0), accessToken: 'a', region: 'eu-west-1' };
    expect(formatSsoTokenFile(token)).toBe(
      '{"region": "eu-west-1", "accessToken": "a", "expiresAt": "1970-01-01T00:00:00Z", "refreshToken": "r"}',
    );
  });

  it('escapes non-ASCII like Python json.dumps and keeps extra keys after the known ones', () => {
    const read = parseSsoTokenFile('{"identity": {"n": ["é", 1]}, "accessToken": "t\\u00e9", "expiresAt": "2030-01-01T00:00:00Z"}');
    if (read.kind !== 'ok') throw new Error(`unexpected ${read.kind}`);
    expect(formatSsoTokenFile(read.token)).toBe(
      '{"accessToken": "t\\u00e9", "expiresAt": "2030-01-01T00:00:00Z", "identity": {"n": ["\\u00e9", 1]}}',
    );
  });
});

describe('parseSsoTokenFile', () => {
  it.each([
    ['not json', 'not valid JSON'],
    ['[1]', 'not contain a JSON object'],
    ['{"expiresAt": "2030-01-01T00:00:00Z"}', '"accessToken" is missing'],
    ['{"accessToken": "", "expiresAt": "2030-01-01T00:00:00Z"}', '"accessToken"'],
    ['{"accessToken": "a", "expiresAt": "tomorrow"}', '"expiresAt" is not an ISO 8601 timestamp'],
    ['{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z", "clientId": 5}', '"clientId" must be a string'],
  ])('reports %s as invalid', (text, reason) => {
    const read = parseSsoTokenFile(text);
    expect(read.kind).toBe('invalid');
    if (read.kind === 'invalid') expect(read.reason).toContain(reason);
  });

  it('accepts explicit UTC offsets', () => {
    const read = parseSsoTokenFile('{"accessToken": "a", "expiresAt": "2030-01-01T01:00:00+01:00"}');
    expect(read.kind === 'ok' && read.token.expiresAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});

describe('token files on disk', () => {
  it('reads missing, invalid and valid files', async () => {
    const path = join(dir, 'x.json');
    expect(await readSsoTokenFile(path)).toEqual({ kind: 'missing' });
    await writeFile(path, '{');
    expect((await readSsoTokenFile(path)).kind).toBe('invalid');
    await writeSsoTokenFile(path, cliToken);
    expect(await readSsoTokenFile(path)).toEqual({ kind: 'ok', token: { ...cliToken, extra: {} } });
  });

  it('writes mode 0600 with no trailing newline, and deletes idempotently', async () => {
    const path = join(dir, 'sso', 'cache', 'x.json');
    await writeSsoTokenFile(path, cliToken);
    expect(await readFile(path, 'utf8')).toBe(CLI_SAMPLE);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    await deleteSsoTokenFile(path);
    await deleteSsoTokenFile(path);
    expect(await readSsoTokenFile(path)).toEqual({ kind: 'missing' });
  });
});

describe('the JS SDK reads what we write', () => {
  const future = new Date(Date.now() + 3_600_000);

  async function setUpHome(): Promise<string> {
    vi.stubEnv('HOME', dir);
    const configFile = join(dir, '.aws', 'config');
    await mkdir(join(dir, '.aws'), { recursive: true });
    // The config comes from the editor too, so this checks that both files Rolecall writes work together.
    const session = setSection('# written by a person\n', { kind: 'sso-session', name: 's' }, {
      sso_start_url: 'https://d-1234567890.awsapps.com/start',
      sso_region: 'us-east-1',
      sso_registration_scopes: 'sso:account:access',
    });
    if (!session.ok) throw new Error(session.error.message);
    const profile = setSection(session.value, { kind: 'profile', name: 'p' }, {
      sso_session: 's',
      sso_account_id: '111111111111',
      sso_role_name: 'ReadOnly',
      region: 'eu-west-1',
    });
    if (!profile.ok) throw new Error(profile.error.message);
    await writeFile(configFile, profile.value);
    return configFile;
  }

  it('getSSOTokenFromFile parses the file for both key kinds', async () => {
    await setUpHome();
    for (const key of ['s', 'https://d-1234567890.awsapps.com/start']) {
      await writeSsoTokenFile(ssoTokenFilePath({ env: { HOME: dir }, homedir: dir }, key), cliToken);
      const token: unknown = await getSSOTokenFromFile(key);
      expect(token).toMatchObject({ accessToken: 'AT-pkce', expiresAt: '2026-11-21T18:05:21Z' });
    }
  });

  it('fromSSO uses the token to fetch role credentials', async () => {
    const configFile = await setUpHome();
    await writeSsoTokenFile(ssoTokenFilePath({ env: { HOME: dir }, homedir: dir }, 's'), {
      ...cliToken,
      accessToken: 'AT-from-rolecall',
      expiresAt: future,
    });
    const seen: { token?: string | string[]; url?: string } = {};
    const server = createServer((req, res) => {
      seen.token = req.headers['x-amz-sso_bearer_token'];
      seen.url = req.url;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          roleCredentials: { accessKeyId: 'ASIA1', secretAccessKey: 'S', sessionToken: 'T', expiration: future.getTime() },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const credentials = await fromSSO({
        profile: 'p',
        configFilepath: configFile,
        filepath: join(dir, 'no-credentials'),
        ignoreCache: true,
        clientConfig: { endpoint: `http://127.0.0.1:${port}` },
      })();
      expect(credentials.accessKeyId).toBe('ASIA1');
      expect(seen.token).toBe('AT-from-rolecall');
      expect(seen.url).toContain('account_id=111111111111');
    } finally {
      server.close();
    }
  });
});

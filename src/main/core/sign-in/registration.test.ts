import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_CODE_GRANT,
  isUsableRegistration,
  readRegistrationFile,
  registrationFileName,
  writeRegistrationFile,
} from './registration';

describe('the registration cache file', () => {
  it('is named by the AWS CLI’s cache key', () => {
    // The AWS CLI 2.36.7 name for this sso-session, from the reference document (section 3.2).
    expect(
      registrationFileName({ sessionName: 'my-sso', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'us-east-1' }),
    ).toBe('a8343d65418848d0bc13a5f25cbb32508ceec5d1.json');
  });

  it('is written in the CLI’s format, 0600, and read back', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'rolecall-reg-')), 'sso', 'reg.json');
    const registration = {
      clientId: 'CID',
      clientSecret: 'CSECRET',
      expiresAt: new Date('2027-02-19T10:05:21.500Z'),
      scopes: ['sso:account:access'],
      grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'],
    };
    await writeRegistrationFile(file, registration);
    expect(await readFile(file, 'utf8')).toBe(
      '{"clientId": "CID", "clientSecret": "CSECRET", "expiresAt": "2027-02-19T10:05:21Z", "scopes": ["sso:account:access"], "grantTypes": ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"]}',
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readRegistrationFile(file)).toEqual({ ...registration, expiresAt: new Date('2027-02-19T10:05:21Z') });
  });

  it('reads a missing or broken file as no registration', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-reg-'));
    expect(await readRegistrationFile(path.join(dir, 'none.json'))).toBeNull();
  });
});

describe('isUsableRegistration', () => {
  const now = Date.parse('2026-11-21T10:00:00Z');
  const base = { clientId: 'c', clientSecret: 's', expiresAt: new Date('2027-01-01T00:00:00Z'), scopes: ['sso:account:access'] };

  it('reuses a scoped device-code registration with more than a day left', () => {
    expect(isUsableRegistration(base, now)).toBe(true);
    expect(isUsableRegistration({ ...base, grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'] }, now)).toBe(true);
  });

  it('replaces one that expires within a day, lacks the scope, or is the CLI’s PKCE registration', () => {
    expect(isUsableRegistration({ ...base, expiresAt: new Date(now + 23 * 3600_000) }, now)).toBe(false);
    expect(isUsableRegistration({ ...base, scopes: [] }, now)).toBe(false);
    expect(isUsableRegistration({ ...base, grantTypes: ['authorization_code', 'refresh_token'] }, now)).toBe(false);
  });
});

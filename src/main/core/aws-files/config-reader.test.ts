import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SdkOracle } from './config-oracle.test-support';
import { createSdkOracle, toSdkShape } from './config-oracle.test-support';
import { findSsoSessions, readConfig } from './config-reader';

let oracle: SdkOracle;
beforeAll(async () => {
  oracle = await createSdkOracle();
});
afterAll(async () => {
  await oracle.dispose();
});

const fixtures: Record<string, string> = {
  reference: [
    '[sso-session my-sso]',
    'sso_start_url = https://d-1234567890.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access        ; comma-separated list',
    '',
    '[profile dev]                                       ; default profile is written as default',
    'sso_session = my-sso',
    'region = eu-west-1',
    '',
    '[services local-emulator]',
    'sso =',
    '  endpoint_url = http://127.0.0.1:4566',
    'sso_oidc =',
    '  endpoint_url = http://127.0.0.1:4566',
    '',
  ].join('\n'),
  inlineComments: '[profile a]\nregion = us-east-1 # c\nx = a#b\ny = a ;b\nz=\tq\t#t\nurl = https://x/start/#/\n',
  bothDefaults: '[profile default]\nregion = p\n[default]\nregion = d\noutput = o\n',
  emptyProfileDefault: '[profile default]\n[default]\nregion = d\n',
  quirkyHeaders: '[profile.x]\nregion = a\n[profile "y"]\nregion=b\n[profile.x y]\nk=v\n[profile  z]\nk=v\n',
  duplicates: '[profile a]\nk = 1\nj = 2\n[profile b]\nk = 3\n[profile a]\nk = 4\n',
  nestedReset: '[services s]\nsso =\n  endpoint_url = http://x\nregion = r\n',
  protoKey: '[profile a]\n__proto__ = x\nk = v\n',
  crlf: '[default]\r\nregion = r\r\n[profile p]\r\noutput = json',
  continuation: '[profile a]\ncredential_process = a\n  b\nregion = r\n',
};

describe('readConfig', () => {
  it.each(Object.entries(fixtures))('reads %s exactly as loadSharedConfigFiles does', async (_name, text) => {
    const ours = readConfig(text);
    if (!ours.ok) throw new Error(ours.error.message);
    expect(toSdkShape(ours.value)).toEqual(await oracle.read(text));
  });

  it('cuts values at an inline comment only after whitespace', () => {
    const ours = readConfig(fixtures['inlineComments'] ?? '');
    if (!ours.ok) throw new Error(ours.error.message);
    expect(Object.fromEntries(ours.value.profiles.get('a') ?? [])).toEqual({
      region: 'us-east-1',
      x: 'a#b',
      y: 'a',
      z: 'q',
      url: 'https://x/start/#/',
    });
  });

  it('returns the parse error for a file it cannot read', () => {
    expect(readConfig('[profile a]\nnonsense\n')).toMatchObject({ ok: false, error: { kind: 'parse', line: 2 } });
  });
});

describe('findSsoSessions', () => {
  it('lists sso-sessions and legacy profiles for import', () => {
    const text = [
      fixtures['reference'],
      '[profile legacy]',
      'sso_start_url = https://d-1234567890.awsapps.com/start/',
      'sso_region = us-east-1',
      'sso_account_id = 111111111111',
      'sso_role_name = ReadOnly',
      '[sso-session partial]',
      'sso_registration_scopes = a , b,,',
      '',
    ].join('\n');
    const found = findSsoSessions(text);
    expect(found).toEqual({
      ok: true,
      value: {
        sessions: [
          {
            name: 'my-sso',
            startUrl: 'https://d-1234567890.awsapps.com/start',
            region: 'us-east-1',
            registrationScopes: ['sso:account:access'],
          },
          { name: 'partial', startUrl: undefined, region: undefined, registrationScopes: ['a', 'b'] },
        ],
        legacyProfiles: [
          {
            profile: 'legacy',
            startUrl: 'https://d-1234567890.awsapps.com/start/',
            region: 'us-east-1',
            accountId: '111111111111',
            roleName: 'ReadOnly',
          },
        ],
      },
    });
  });
});

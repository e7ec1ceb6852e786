import { describe, expect, it } from 'vitest';
import { enclosingExec, execEnvironment } from './exec-environment';

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret/+=', sessionToken: 'token', expiration: Date.UTC(2026, 11, 6, 5, 4, 15, 999) };
const FIXED = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'ROLECALL_EXEC'];

describe('the environment of rolecall exec', () => {
  it('sets the role’s credentials and region, removes what could win over them, and keeps the rest', () => {
    const env = execEnvironment(
      { PATH: '/bin', HOME: '/h', AWS_PROFILE: 'p', AWS_DEFAULT_PROFILE: 'q', AWS_SECURITY_TOKEN: 'old', AWS_ACCESS_KEY_ID: 'AKIAOLD', AWS_CONFIG_FILE: '/c', UNSET: undefined },
      { accountId: '111122223333', roleName: 'Admin', region: 'eu-west-1', credentials },
    );
    expect(env).toEqual({
      PATH: '/bin',
      HOME: '/h',
      AWS_CONFIG_FILE: '/c',
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret/+=',
      AWS_SESSION_TOKEN: 'token',
      AWS_CREDENTIAL_EXPIRATION: '2026-12-06T05:04:15+00:00',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      ROLECALL_EXEC: '111122223333/Admin',
    });
  });

  it('never makes a variable from a hostile account or role name', () => {
    for (const hostile of ['a\nAWS_EVIL=1', 'x=y', '$(touch /tmp/p)', 'A\u0000B', '../../etc', 'AWS_PROFILE']) {
      const env = execEnvironment({}, { accountId: hostile, roleName: hostile, region: 'us-east-1', credentials });
      expect(Object.keys(env).sort()).toEqual([...FIXED].sort());
      expect(env['ROLECALL_EXEC']).toBe(`${hostile}/${hostile}`);
    }
  });

  it('tells whether this process runs inside an exec', () => {
    expect(enclosingExec({})).toBeNull();
    expect(enclosingExec({ ROLECALL_EXEC: '' })).toBeNull();
    expect(enclosingExec({ ROLECALL_EXEC: '1/R' })).toBe('1/R');
  });
});

import { join, sep } from 'node:path';
import { getSSOTokenFilepath } from '@smithy/core/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  expandTilde,
  resolveAwsPaths,
  resolveConfigFile,
  resolveCredentialsFile,
  resolveHomeDir,
  ssoTokenFileName,
  ssoTokenFilePath,
} from './aws-paths';

const fallback = '/fallback/home';

describe('resolveHomeDir', () => {
  it('prefers HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, then the fallback', () => {
    const all = { HOME: '/h', USERPROFILE: 'C:\\Users\\u', HOMEDRIVE: 'D:', HOMEPATH: '\\p' };
    expect(resolveHomeDir({ env: all, homedir: fallback })).toBe('/h');
    expect(resolveHomeDir({ env: { ...all, HOME: undefined }, homedir: fallback })).toBe('C:\\Users\\u');
    expect(resolveHomeDir({ env: { HOMEDRIVE: 'D:', HOMEPATH: '\\p' }, homedir: fallback })).toBe('D:\\p');
    expect(resolveHomeDir({ env: {}, homedir: fallback })).toBe(fallback);
  });

  it('treats empty variables as unset and defaults the drive like the SDK', () => {
    expect(resolveHomeDir({ env: { HOME: '', USERPROFILE: '' }, homedir: fallback })).toBe(fallback);
    expect(resolveHomeDir({ env: { HOMEPATH: '\\Users\\u' }, homedir: fallback })).toBe(`C:${sep}\\Users\\u`);
  });
});

describe('config and credentials files', () => {
  it('defaults to <home>/.aws/config and <home>/.aws/credentials', () => {
    const paths = resolveAwsPaths({ env: { HOME: '/home/u' }, homedir: fallback });
    expect(paths).toEqual({
      home: '/home/u',
      configFile: join('/home/u', '.aws', 'config'),
      credentialsFile: join('/home/u', '.aws', 'credentials'),
      ssoCacheDir: join('/home/u', '.aws', 'sso', 'cache'),
    });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE with ~ expanded', () => {
    const env = { HOME: '/home/u', AWS_CONFIG_FILE: '~/cfg/aws', AWS_SHARED_CREDENTIALS_FILE: '/abs/creds' };
    expect(resolveConfigFile({ env, homedir: fallback })).toBe(join('/home/u', 'cfg', 'aws'));
    expect(resolveCredentialsFile({ env, homedir: fallback })).toBe('/abs/creds');
    expect(resolveConfigFile({ env: { ...env, AWS_CONFIG_FILE: '' }, homedir: fallback })).toBe(
      join('/home/u', '.aws', 'config'),
    );
  });

  it('expands only a leading ~ that means the current user', () => {
    expect(expandTilde('~', '/home/u')).toBe('/home/u');
    expect(expandTilde('~other/x', '/home/u')).toBe('~other/x');
    expect(expandTilde('/a/~/b', '/home/u')).toBe('/a/~/b');
  });
});

describe('ssoTokenFileName', () => {
  it('is the sha1 of the key plus .json (reference values)', () => {
    expect(ssoTokenFileName('my-sso')).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    expect(ssoTokenFileName('https://d-1234567890.awsapps.com/start')).toBe(
      '7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json',
    );
  });

  describe('against the JS SDK', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it.each(['my-sso', 'https://d-1234567890.awsapps.com/start/', 'ünïcode-session'])(
      'matches getSSOTokenFilepath for %s',
      (key) => {
        vi.stubEnv('HOME', '/tmp/rolecall-home');
        const ours = ssoTokenFilePath({ env: { HOME: '/tmp/rolecall-home' }, homedir: fallback }, key);
        expect(ours).toBe(getSSOTokenFilepath(key));
      },
    );
  });
});

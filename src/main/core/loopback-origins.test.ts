import { describe, expect, it } from 'vitest';
import { loopbackOriginsFromEnv } from './loopback-origins';

describe('loopbackOriginsFromEnv', () => {
  it('takes loopback http endpoints, once each', () => {
    expect(
      loopbackOriginsFromEnv({
        AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:4566',
        AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:4566/',
      }),
    ).toEqual(['http://127.0.0.1:4566']);
  });

  it('takes a loopback emulator served over TLS by its https origin', () => {
    expect(loopbackOriginsFromEnv({ AWS_ENDPOINT_URL_SSO_OIDC: 'https://127.0.0.1:4443' })).toEqual(['https://127.0.0.1:4443']);
  });

  it('ignores real AWS endpoints, remote hosts and garbage', () => {
    expect(
      loopbackOriginsFromEnv({
        AWS_ENDPOINT_URL_SSO_OIDC: 'https://oidc.us-east-1.amazonaws.com',
        AWS_ENDPOINT_URL_SSO: 'http://10.0.0.5:4566',
        AWS_ENDPOINT_URL: 'not a url',
      }),
    ).toEqual([]);
  });
});

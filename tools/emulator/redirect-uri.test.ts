import { describe, expect, it } from 'vitest';
import { isAcceptableRedirectUri, redirectUriMatches, withQuery } from './redirect-uri';

describe('redirect URIs', () => {
  it('accept only http loopback /oauth/callback at registration', () => {
    for (const ok of ['http://127.0.0.1/oauth/callback', 'http://127.0.0.1:4321/oauth/callback', 'http://localhost:1/oauth/callback', 'http://[::1]:80/oauth/callback']) {
      expect(isAcceptableRedirectUri(ok), ok).toBe(true);
    }
    for (const bad of [
      'https://127.0.0.1/oauth/callback', 'http://127.0.0.1/other', 'http://evil.example/oauth/callback',
      'http://user:pw@127.0.0.1/oauth/callback', 'http://127.0.0.1/oauth/callback?x=1', 'http://127.0.0.1.evil.example/oauth/callback',
      'not a url',
    ]) {
      expect(isAcceptableRedirectUri(bad), bad).toBe(false);
    }
  });

  it('match a port-less registration to any port, and a registered port only to itself', () => {
    expect(redirectUriMatches('http://127.0.0.1/oauth/callback', 'http://127.0.0.1:5555/oauth/callback')).toBe(true);
    expect(redirectUriMatches('http://127.0.0.1:5555/oauth/callback', 'http://127.0.0.1:5555/oauth/callback')).toBe(true);
    expect(redirectUriMatches('http://127.0.0.1:5555/oauth/callback', 'http://127.0.0.1:5556/oauth/callback')).toBe(false);
    expect(redirectUriMatches('http://127.0.0.1/oauth/callback', 'http://localhost:5555/oauth/callback')).toBe(false);
  });

  it('add parameters, encoded, without dropping existing ones', () => {
    expect(withQuery('http://127.0.0.1:1/oauth/callback', { code: 'a+b/c=', state: undefined })).toBe(
      'http://127.0.0.1:1/oauth/callback?code=a%2Bb%2Fc%3D',
    );
  });
});

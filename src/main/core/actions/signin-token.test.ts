import { describe, expect, it } from 'vitest';
import type { SessionCredentials } from './credentials';
import { ConsoleSigninError, requestSigninToken, signinSessionDuration, type FetchFunction } from './signin-token';

const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
const now = (): number => NOW;
const credentials: SessionCredentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'se/cr+et=',
  sessionToken: 'to/ken+=',
  expiration: NOW + 3600_000,
};

interface Recorded {
  readonly url: string;
  readonly init: RequestInit;
  readonly body: string;
}

/** A fetch that records what it was asked and answers with `reply`. */
function fakeFetch(reply: () => Response): { fetch: FetchFunction; calls: Recorded[] } {
  const calls: Recorded[] = [];
  return {
    calls,
    fetch: (url, init) => {
      calls.push({ url, init, body: typeof init.body === 'string' ? init.body : '' });
      return Promise.resolve(reply());
    },
  };
}

const ok = (): Response => new Response(JSON.stringify({ SigninToken: 'SIGNIN-TOKEN' }), { status: 200 });

describe('signinSessionDuration', () => {
  it('defaults to the credentials remaining lifetime, rounded down', () => {
    expect(signinSessionDuration(credentials, now)).toBe(3600);
    expect(signinSessionDuration({ ...credentials, expiration: NOW + 7_199_999 }, now)).toBe(7199);
  });

  it('clamps to 900..43200, chosen or default', () => {
    expect(signinSessionDuration({ ...credentials, expiration: NOW + 200_000 }, now)).toBe(900);
    expect(signinSessionDuration({ ...credentials, expiration: NOW - 1 }, now)).toBe(900);
    expect(signinSessionDuration(credentials, now, 60)).toBe(900);
    expect(signinSessionDuration(credentials, now, 86_400)).toBe(43_200);
    expect(signinSessionDuration(credentials, now, 1800.9)).toBe(1800);
    expect(signinSessionDuration(credentials, now, 43_200)).toBe(43_200);
  });

  it('sends none for credentials without an expiry when nothing was chosen', () => {
    expect(signinSessionDuration({ ...credentials, expiration: undefined }, now)).toBeUndefined();
  });

  it('refuses a duration that is not a number', () => {
    expect(() => signinSessionDuration(credentials, now, Number.NaN)).toThrow(RangeError);
  });
});

describe('requestSigninToken', () => {
  it('POSTs a form body with the credentials, and nothing in the URL', async () => {
    const { fetch, calls } = fakeFetch(ok);
    const token = await requestSigninToken({ fetch, endpoint: 'https://signin.aws.amazon.com/federation', credentials, now });
    expect(token).toBe('SIGNIN-TOKEN');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://signin.aws.amazon.com/federation');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.redirect).toBe('error');
    expect(call?.init.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
    const body = new URLSearchParams(call?.body);
    expect([...body.keys()]).toEqual(['Action', 'SessionDuration', 'Session']);
    expect(body.get('Action')).toBe('getSigninToken');
    expect(body.get('SessionDuration')).toBe('3600');
    expect(JSON.parse(body.get('Session') ?? '')).toEqual({ sessionId: 'ASIAEXAMPLE', sessionKey: 'se/cr+et=', sessionToken: 'to/ken+=' });
  });

  it('sends the chosen duration, clamped', async () => {
    const { fetch, calls } = fakeFetch(ok);
    await requestSigninToken({ fetch, endpoint: 'https://signin.aws.amazon.com/federation', credentials, now, sessionDurationSeconds: 99_999 });
    expect(new URLSearchParams(calls[0]?.body).get('SessionDuration')).toBe('43200');
  });

  it('refuses to send credentials to anything but a federation endpoint', async () => {
    const { fetch, calls } = fakeFetch(ok);
    await expect(requestSigninToken({ fetch, endpoint: 'https://evil.example/federation', credentials, now })).rejects.toThrow(
      /not an AWS sign-in endpoint/,
    );
    expect(calls).toHaveLength(0);
  });

  it('classifies failures without echoing the answer or the credentials', async () => {
    const cases: [() => Response, string][] = [
      [() => new Response('Invalid credentials parameter', { status: 400 }), 'rejected'],
      [() => new Response('oops', { status: 500 }), 'failed'],
      [() => new Response('<html>not json</html>', { status: 200 }), 'failed'],
      [() => new Response(JSON.stringify({ SigninToken: '' }), { status: 200 }), 'failed'],
    ];
    for (const [reply, kind] of cases) {
      const { fetch } = fakeFetch(reply);
      const error = await requestSigninToken({ fetch, endpoint: 'https://signin.aws.amazon.com/federation', credentials, now }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConsoleSigninError);
      expect((error as ConsoleSigninError).kind).toBe(kind);
      expect((error as Error).message).not.toMatch(/se\/cr|to\/ken|Invalid credentials|oops/);
    }
  });

  it('a fetch that fails (no network, a refused redirect) is a network error', async () => {
    const fetch: FetchFunction = () => Promise.reject(new TypeError('fetch failed'));
    const error = await requestSigninToken({ fetch, endpoint: 'https://signin.aws.amazon.com/federation', credentials, now }).catch(
      (e: unknown) => e,
    );
    expect((error as ConsoleSigninError).kind).toBe('network');
  });
});

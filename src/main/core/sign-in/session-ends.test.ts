import { describe, expect, it } from 'vitest';
import { endsFor } from './session-controller';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 9, minutes));
const refreshable = { accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 's' };

describe('when a sign-in ends for good', () => {
  it('is the token’s expiry when nothing can refresh it', () => {
    expect(endsFor({ accessToken: 'a', expiresAt: at(60) })).toEqual({ endsAt: at(60).getTime() });
  });

  it('is the registration’s end when refresh can extend the token until then', () => {
    expect(endsFor({ ...refreshable, expiresAt: at(60), registrationExpiresAt: at(600) })).toEqual({ endsAt: at(600).getTime() });
  });

  it('is the token’s expiry when the token outlives the registration that could refresh it', () => {
    expect(endsFor({ ...refreshable, expiresAt: at(60), registrationExpiresAt: at(15) })).toEqual({ endsAt: at(60).getTime() });
  });

  it('is unknown for a refreshable token whose registration end was not recorded', () => {
    expect(endsFor({ ...refreshable, expiresAt: at(60) })).toEqual({});
  });
});

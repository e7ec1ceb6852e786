import { randomBytes, randomInt } from 'node:crypto';

/**
 * Identifiers and secrets in the shapes AWS uses, from `node:crypto`.
 *
 * SECURITY: secrets are never derived from the seeded PRNG: tests assert that none leak, which only means
 * something if they cannot be predicted.
 */

function base64url(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A client id: base64url, ending with the base64 of the region as real ones do. */
export function newClientId(region: string): string {
  return `${base64url(24)}${Buffer.from(region).toString('base64url')}`;
}

/** A JWS-looking client secret (`eyJraWQi…`), as real ones are. */
export function newClientSecret(): string {
  const header = Buffer.from('{"kid":"key-1564028099","alg":"HS384"}').toString('base64url');
  return `${header}.${base64url(96)}.${base64url(48)}`;
}

/** An opaque access token (`aoa…`). */
export function newAccessToken(): string {
  return `aoa${base64url(96)}`;
}

/** An opaque refresh token (`aor…`). */
export function newRefreshToken(): string {
  return `aor${base64url(96)}`;
}

/** An opaque device code. */
export function newDeviceCode(): string {
  return base64url(64);
}

/** An authorization code for the PKCE flow. */
export function newAuthorizationCode(): string {
  return base64url(48);
}

// Consonants only, so a code cannot spell words and has no 0/O or 1/I confusion.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** A user code `ABCD-EFGH`. */
export function newUserCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Normalises what a person typed (`abcd efgh`, `ABCDEFGH`) to the `ABCD-EFGH` form. */
export function normaliseUserCode(typed: string): string {
  const letters = typed.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : typed.trim().toUpperCase();
}

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A temporary access key id: `ASIA` + 16 characters. */
export function newAccessKeyId(): string {
  let id = 'ASIA';
  for (let i = 0; i < 16; i += 1) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  return id;
}

/** A 40-character secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64').slice(0, 40);
}

/** A long session token (standard base64, with `+` and `/`, as real ones). */
export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`;
}

/** A console sign-in token. */
export function newSigninToken(): string {
  return base64url(192);
}

/** An opaque id for internal records (sessions, consent requests). */
export function newOpaqueId(): string {
  return base64url(18);
}

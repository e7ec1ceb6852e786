import { createHmac, timingSafeEqual } from 'node:crypto';
import { portalError, RESULT_SIZE_MESSAGE } from './errors';

/** Page size when `max_result` is omitted (reference §2.3: tools that forgot it showed only 20 accounts). */
export const DEFAULT_PAGE_SIZE = 20;

/** Reads `max_result`: absent → 20; anything but an integer in 1–100 → 400 InvalidRequestException. */
export function parseMaxResult(params: URLSearchParams): number {
  const raw = params.get('max_result');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw portalError('InvalidRequestException', RESULT_SIZE_MESSAGE);
  }
  return value;
}

function mac(key: Buffer, listing: string, offset: number): string {
  return createHmac('sha256', key).update(`${listing}\n${offset}`).digest('base64');
}

/**
 * Makes an opaque page token for `offset` into `listing`: `base64(offset) "+" base64(hmac)`.
 *
 * Standard base64 like AWS tokens, and it always holds a `+` (and `=`), so a client that forgets to
 * URL-encode it (a bare `+` in a query means a space) fails every time rather than now and then; the
 * HMAC binds it to one listing so it cannot be edited or reused elsewhere.
 */
export function encodePageToken(key: Buffer, listing: string, offset: number): string {
  return `${Buffer.from(String(offset)).toString('base64')}+${mac(key, listing, offset)}`;
}

/** Reads a page token for `listing`, or answers 400 InvalidRequestException. */
export function decodePageToken(key: Buffer, listing: string, token: string): number {
  // base64 of decimal digits never contains "+", so the first "+" is the separator.
  const plus = token.indexOf('+');
  const offsetText = Buffer.from(token.slice(0, plus), 'base64').toString('utf8');
  const offset = plus > 0 && /^\d{1,9}$/.test(offsetText) ? Number(offsetText) : Number.NaN;
  const tag = Buffer.from(token.slice(plus + 1));
  const expected = Buffer.from(Number.isNaN(offset) ? '' : mac(key, listing, offset));
  if (expected.length === 0 || tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
    throw portalError('InvalidRequestException', 'Invalid next token');
  }
  return offset;
}

/** One page of a listing and the token for the next, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

/** Cuts one page out of `items`, starting where `next_token` says. */
export function paginate<T>(key: Buffer, listing: string, items: readonly T[], params: URLSearchParams): Page<T> {
  const size = parseMaxResult(params);
  const token = params.get('next_token');
  const offset = token === null || token === '' ? 0 : decodePageToken(key, listing, token);
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodePageToken(key, listing, end) : undefined,
  };
}

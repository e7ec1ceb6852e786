import { SSOServiceException } from '@aws-sdk/client-sso';
import { describe, expect, it } from 'vitest';
import { classifyPortalError, isRetryable } from './portal-errors';

const sdk = (name: string, status: number): SSOServiceException =>
  new SSOServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

describe('portal errors', () => {
  it.each([
    ['TooManyRequestsException', 429, 'throttled', true],
    ['InternalServerException', 500, 'server-error', true],
    ['UnauthorizedException', 401, 'unauthorized', false],
    ['ForbiddenException', 403, 'forbidden', false],
    ['ResourceNotFoundException', 404, 'not-found', false],
    ['InvalidRequestException', 400, 'invalid-request', false],
    ['ServiceUnavailable', 503, 'server-error', true],
    ['SomethingNew', 418, 'other', false],
  ] as const)('reads %s (%d) as %s', (name, status, kind, retryable) => {
    expect(classifyPortalError(sdk(name, status))).toEqual({ kind, status, name });
    expect(isRetryable(kind)).toBe(retryable);
  });

  it('reads lost connections as network failures, and aborts as aborted', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyPortalError(reset).kind).toBe('network');
    expect(classifyPortalError(new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } })).kind).toBe('network');
    expect(classifyPortalError(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind).toBe('aborted');
  });

  it('reads anything else as other, not retryable', () => {
    expect(classifyPortalError(new TypeError('bug')).kind).toBe('other');
    expect(classifyPortalError('a string').kind).toBe('other');
    expect(classifyPortalError(undefined).kind).toBe('other');
  });
});

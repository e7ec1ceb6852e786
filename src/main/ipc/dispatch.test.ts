import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger';
import { UserFacingError } from '../core/user-facing-error';
import { dispatchRequest, GENERIC_FAILURE, type RequestHandlers } from './dispatch';
import { unusedInstanceHandlers } from './handlers-test-support';

const base: RequestHandlers = {
  getSnapshot: () => Promise.reject(new Error('unused')),
  openDocumentation: () => Promise.resolve(null),
  copyAboutInfo: () => Promise.resolve(null),
  dismissNotice: () => Promise.resolve(null),
  ...unusedInstanceHandlers,
};

describe('dispatchRequest', () => {
  it('runs a known request with parsed input', async () => {
    const dismissNotice = vi.fn(() => Promise.resolve(null));
    const result = await dispatchRequest({ ...base, dismissNotice }, 'dismissNotice', { id: 'n1' }, silentLogger);
    expect(result).toEqual({ ok: true, value: null });
    expect(dismissNotice).toHaveBeenCalledWith({ id: 'n1' });
  });

  it.each(['toString', '__proto__', 'constructor', 'nope', 42, null])('refuses the unknown request %s', async (name) => {
    expect(await dispatchRequest(base, name, undefined, silentLogger)).toEqual({
      ok: false,
      error: { message: 'Rolecall does not know that request.' },
    });
  });

  it.each([[{ id: 42 }], [{ id: 'n1', extra: true }], ['n1'], [{ id: 'x'.repeat(101) }]])('refuses bad input %j', async (input) => {
    const result = await dispatchRequest(base, 'dismissNotice', input, silentLogger);
    expect(result).toMatchObject({ ok: false });
  });

  it('passes a person-facing message through and hides anything else', async () => {
    const userError = { ...base, openDocumentation: () => Promise.reject(new UserFacingError('Try again later.')) };
    expect(await dispatchRequest(userError, 'openDocumentation', undefined, silentLogger)).toEqual({
      ok: false,
      error: { message: 'Try again later.' },
    });
    const internal = { ...base, openDocumentation: () => Promise.reject(new Error('ENOENT /secret/path')) };
    expect(await dispatchRequest(internal, 'openDocumentation', undefined, silentLogger)).toEqual({
      ok: false,
      error: { message: GENERIC_FAILURE },
    });
  });
});

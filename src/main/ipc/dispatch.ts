/**
 * The one place every request from the renderer passes through, whichever transport carried it.
 *
 * It accepts only known request names, parses the `unknown` input with the request's schema, runs the
 * handler, and turns every outcome into a {@link Result}: handlers may throw, the transport never sees
 * an exception. The transports check the sender before calling this (see `electron-ipc.ts` and the
 * preview's `ws-server.ts`).
 */
import { requestNames, type RequestInput, type RequestName, type RequestOutput } from '../../shared/ipc-contract';
import { requestInputSchemas } from '../../shared/ipc-schemas';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from '../core/logger';
import { UserFacingError } from '../core/user-facing-error';

/** One handler per request of the contract. */
export type RequestHandlers = {
  readonly [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>>;
};

const knownNames: ReadonlySet<string> = new Set(requestNames);

/** Whether a value is the name of a request in the contract (never a prototype key). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && knownNames.has(name);
}

/** Message shown when something failed that the person cannot fix from the message itself. */
export const GENERIC_FAILURE = 'Something went wrong inside Rolecall. Try again; if it keeps happening, restart Rolecall.';

/** Parses, runs and wraps one request. Never throws. */
export async function dispatchRequest(
  handlers: RequestHandlers,
  name: unknown,
  rawInput: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    logger.warn('refused an unknown request', { name: typeof name === 'string' ? name.slice(0, 100) : typeof name });
    return fail('Rolecall does not know that request.');
  }
  return runRequest(handlers, name, rawInput, logger);
}

async function runRequest<K extends RequestName>(
  handlers: RequestHandlers,
  name: K,
  rawInput: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  const parsed = requestInputSchemas[name].safeParse(rawInput);
  if (!parsed.success) {
    logger.warn('refused a request with invalid input', { name });
    return fail('Rolecall could not read that request.');
  }
  try {
    const handler = handlers[name] as (input: RequestInput<K>) => Promise<RequestOutput<K>>;
    return ok(await handler(parsed.data));
  } catch (error: unknown) {
    if (error instanceof UserFacingError) return fail(error.message);
    logger.error('request failed', { name, error: error instanceof Error ? error.name : typeof error });
    return fail(GENERIC_FAILURE);
  }
}

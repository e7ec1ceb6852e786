/**
 * Parsers for every request's input: what main checks before a handler runs.
 *
 * Input from the renderer is `unknown` until one of these accepts it.
 */
import { z } from 'zod';
import type { RequestInput, RequestName } from './ipc-contract';

const noInput = z.undefined();

/** One schema per request, typed against the contract so the two cannot drift. */
export const requestInputSchemas: { readonly [K in RequestName]: z.ZodType<RequestInput<K>> } = {
  getSnapshot: noInput,
  openDocumentation: noInput,
  copyAboutInfo: noInput,
  dismissNotice: z.strictObject({ id: z.string().min(1).max(100) }),
};

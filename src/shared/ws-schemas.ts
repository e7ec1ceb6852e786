/**
 * The parser of the browser preview's request frames (host side).
 */
import { z } from 'zod';

/** A request frame from the page, parsed on the host. */
export const wsRequestSchema = z.strictObject({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown().optional(),
});
export type WsRequest = z.infer<typeof wsRequestSchema>;

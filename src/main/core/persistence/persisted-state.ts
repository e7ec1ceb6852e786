/**
 * Rolecall's own non-secret state on disk (instances and settings), parsed with a schema before use.
 *
 * Secrets never go here in the clear: keychain-mode tokens are sealed by the OS keychain first.
 */
import { z } from 'zod';

const instanceSchema = z.object({
  id: z.string().min(1).max(100),
  sessionName: z.string().min(1).max(64),
  startUrl: z.string().url(),
  region: z.string().min(1).max(40),
  tokenStorage: z.enum(['aws-cli', 'keychain']),
});

const sealedSchema = z.object({ token: z.string().optional(), registration: z.string().optional() });

/** The schema of the state file. */
export const persistedStateSchema = z.object({
  version: z.literal(1),
  instances: z.array(instanceSchema),
  /** Keychain-sealed secrets per instance id (base64 of the OS keychain's ciphertext). */
  sealed: z.record(z.string(), sealedSchema).default({}),
});

export type PersistedState = z.infer<typeof persistedStateSchema>;
export type PersistedInstance = z.infer<typeof instanceSchema>;

/** The state of a first run. */
export const emptyPersistedState: PersistedState = { version: 1, instances: [], sealed: {} };

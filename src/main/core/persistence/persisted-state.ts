/**
 * Rolecall's own non-secret state on disk (instances and settings), parsed with a schema before use.
 *
 * Secrets never go here in the clear: keychain-mode tokens are sealed by the OS keychain first.
 */
import { z } from 'zod';
import { ACCOUNT_COLOURS } from '../../../shared/accounts';

const instanceSchema = z.object({
  id: z.string().min(1).max(100),
  sessionName: z.string().min(1).max(64),
  startUrl: z.string().url(),
  region: z.string().min(1).max(40),
  tokenStorage: z.enum(['aws-cli', 'keychain']),
});

const sealedSchema = z.object({ token: z.string().optional(), registration: z.string().optional() });

const cachedAccountSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  emailAddress: z.string(),
  roles: z.array(z.string()),
});

/** The last complete account list of an instance: shown at once on the next start. */
const accountCacheSchema = z.object({ listedAt: z.number(), accounts: z.array(cachedAccountSchema) });

const accountPrefsSchema = z.object({
  favourite: z.boolean().optional(),
  alias: z.string().max(64).optional(),
  colour: z.enum(ACCOUNT_COLOURS).optional(),
  lastUsedAt: z.number().optional(),
  lastRole: z.string().max(64).optional(),
});

/** The schema of the state file. */
export const persistedStateSchema = z.object({
  version: z.literal(1),
  instances: z.array(instanceSchema),
  /** Keychain-sealed secrets per instance id (base64 of the OS keychain's ciphertext). */
  sealed: z.record(z.string(), sealedSchema).default({}),
  /** Per instance id. */
  accountCache: z.record(z.string(), accountCacheSchema).default({}),
  /** Per instance id, then account id. */
  accountPrefs: z.record(z.string(), z.record(z.string(), accountPrefsSchema)).default({}),
  settings: z
    .object({
      accountSort: z.enum(['name', 'recent']).default('name'),
      credentialFormat: z.enum(['env', 'env-no-export', 'fish', 'powershell', 'windows-cmd', 'dotenv', 'process']).default('env'),
    })
    .default({ accountSort: 'name', credentialFormat: 'env' }),
});

export type PersistedState = z.infer<typeof persistedStateSchema>;
export type PersistedInstance = z.infer<typeof instanceSchema>;
export type CachedAccount = z.infer<typeof cachedAccountSchema>;
export type AccountCache = z.infer<typeof accountCacheSchema>;

/** The state of a first run. */
export const emptyPersistedState: PersistedState = {
  version: 1,
  instances: [],
  sealed: {},
  accountCache: {},
  accountPrefs: {},
  settings: { accountSort: 'name', credentialFormat: 'env' },
};

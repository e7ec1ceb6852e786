/**
 * Rolecall's own non-secret state on disk (instances and settings), parsed with a schema before use.
 *
 * Secrets never go here in the clear: keychain-mode tokens are sealed by the OS keychain first.
 */
import { z } from 'zod';
import { ACCOUNT_COLOURS } from '../../../shared/accounts';
import { browserChoiceSchema } from '../../../shared/browser-choice';
import { DEFAULT_PROFILE_TEMPLATE } from '../profiles/profile-names';

const instanceSchema = z.object({
  id: z.string().min(1).max(100),
  sessionName: z.string().min(1).max(64),
  startUrl: z.string().url(),
  region: z.string().min(1).max(40),
  tokenStorage: z.enum(['aws-cli', 'keychain']),
  /** How the window signs in; absent (instances saved before the choice existed, or added by `rolecall add`): PKCE. */
  signInMethod: z.enum(['pkce', 'device']).optional(),
  /** Which browser opens this instance's sign-in pages and consoles; absent: the system default. */
  browser: browserChoiceSchema.optional(),
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
  /** The console destination last chosen for the account, and its region. */
  destination: z.string().max(300).optional(),
  region: z.string().max(40).optional(),
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
      profileNameTemplate: z.string().min(1).max(200).default(DEFAULT_PROFILE_TEMPLATE),
      profileStyle: z.enum(['sso-session', 'legacy']).default('sso-session'),
      /** Seconds before copied credentials are cleared from the clipboard. */
      clipboardClearSeconds: z.number().int().min(5).max(3600).default(60),
      /** The console session length in seconds; absent: the credentials' own lifetime. */
      consoleSessionSeconds: z.number().int().min(900).max(43_200).optional(),
      /** Minutes before a session ends for good that Rolecall says so. */
      expiryNoticeMinutes: z.number().int().min(1).max(240).default(15),
      /** No desktop notifications (notices still show in the window). */
      doNotDisturb: z.boolean().default(false),
      /** The quick switcher's global shortcut (an Electron accelerator); absent: the platform default; empty: off. */
      quickSwitcherShortcut: z.string().max(100).optional(),
      /** Closing the window leaves Rolecall in the tray. */
      closeToTray: z.boolean().default(true),
      /** Start Rolecall (hidden, in the tray) when the person logs in. */
      launchAtLogin: z.boolean().default(false),
    })
    .default(defaultSettings()),
  /** The named profile "Use in terminal" wrote last, shown with the active default. */
  activeProfileName: z.string().max(200).optional(),
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
  settings: defaultSettings(),
};

function defaultSettings(): {
  accountSort: 'name';
  credentialFormat: 'env';
  profileNameTemplate: string;
  profileStyle: 'sso-session';
  clipboardClearSeconds: number;
  expiryNoticeMinutes: number;
  doNotDisturb: boolean;
  closeToTray: boolean;
  launchAtLogin: boolean;
} {
  return {
    accountSort: 'name',
    credentialFormat: 'env',
    profileNameTemplate: DEFAULT_PROFILE_TEMPLATE,
    profileStyle: 'sso-session',
    clipboardClearSeconds: 60,
    expiryNoticeMinutes: 15,
    doNotDisturb: false,
    closeToTray: true,
    launchAtLogin: false,
  };
}

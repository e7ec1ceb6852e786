/**
 * Parsers for every request's input: what main checks before a handler runs.
 *
 * Input from the renderer is `unknown` until one of these accepts it.
 */
import { z } from 'zod';
import { ACCOUNT_COLOURS } from './accounts';
import { requestedBrowserChoiceSchema } from './browser-choice';
import type { RequestInput, RequestName } from './ipc-contract';
import { SERVED_KEY } from './serving';

const noInput = z.undefined();
const instanceRef = z.strictObject({ id: z.string().min(1).max(100) });
const accountId = z.string().regex(/^\d{12}$/);
const credentialFormat = z.enum(['env', 'env-no-export', 'fish', 'powershell', 'windows-cmd', 'dotenv', 'process']);
const accountRef = z.strictObject({ id: z.string().min(1).max(100), accountId });
// Permission-set names: letters, digits and + = , . @ _ - (at most 32), as IAM Identity Center allows.
const roleRef = accountRef.extend({ roleName: z.string().regex(/^[\w+=,.@-]{1,64}$/) });
// Lengths are generous bounds against abuse; the real checks (with messages) are validateInstanceInput.
const instanceInput = z.strictObject({
  startUrl: z.string().max(2048),
  region: z.string().max(64),
  sessionName: z.string().max(256),
  tokenStorage: z.enum(['aws-cli', 'keychain']),
});

const destination = z.string().max(300).regex(/^(home|service:[a-z0-9]{1,40}|path:\/[\x21-\x7e]{0,280})$/);
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/);
const consoleRequest = roleRef.extend({ destination: destination.optional(), region: region.optional() });
// What a profile name can hold after Rolecall made it safe (see profile-names.ts).
const profileName = z.string().regex(/^[A-Za-z0-9_.@+-]{1,100}$/);

/** One schema per request, typed against the contract so the two cannot drift. */
export const requestInputSchemas: { readonly [K in RequestName]: z.ZodType<RequestInput<K>> } = {
  getSnapshot: noInput,
  openDocumentation: noInput,
  copyAboutInfo: noInput,
  dismissNotice: z.strictObject({ id: z.string().min(1).max(100) }),
  addInstance: instanceInput,
  importSession: z.strictObject({ sessionName: z.string().min(1).max(256) }),
  removeInstance: instanceRef,
  signIn: instanceRef,
  setSignInMethod: instanceRef.extend({ method: z.enum(['pkce', 'device']) }),
  listBrowsers: noInput,
  setBrowser: instanceRef.extend({ browser: requestedBrowserChoiceSchema }),
  chooseBrowserProgram: instanceRef,
  cancelSignIn: instanceRef,
  signOut: instanceRef,
  copyUserCode: instanceRef,
  openVerificationPage: instanceRef,
  getAccounts: instanceRef,
  getEncodedAccounts: instanceRef,
  refreshAccounts: instanceRef,
  cancelDiscovery: instanceRef,
  openAccount: accountRef,
  retryAccount: accountRef,
  setAccountPrefs: z.strictObject({
    id: z.string().min(1).max(100),
    accountId,
    favourite: z.boolean().optional(),
    alias: z.string().max(64).nullable().optional(),
    colour: z.enum(ACCOUNT_COLOURS).nullable().optional(),
  }),
  setAccountSort: z.strictObject({ sort: z.enum(['name', 'recent']) }),
  openConsole: consoleRequest.extend({ target: z.enum(['browser', 'window', 'portal']).optional() }),
  copyPortalLink: consoleRequest,
  copyCredentials: roleRef.extend({ format: credentialFormat.optional() }),
  setCredentialFormat: z.strictObject({ format: credentialFormat }),
  useProfile: roleRef.extend({ replaceDefault: z.boolean().optional() }),
  copyProfileExport: z.strictObject({ profileName }),
  setTerminalSettings: z.strictObject({
    profileNameTemplate: z.string().min(1).max(200).optional(),
    profileStyle: z.enum(['sso-session', 'legacy']).optional(),
  }),
  setActionSettings: z.strictObject({
    clipboardClearSeconds: z.number().int().min(5).max(3600).optional(),
    consoleSessionSeconds: z.number().int().min(900).max(43_200).nullable().optional(),
  }),
  previewProfiles: instanceRef,
  writeProfiles: instanceRef.extend({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/) }),
  getTrayMenu: noInput,
  setDesktopSettings: z.strictObject({
    expiryNoticeMinutes: z.number().int().min(1).max(240).optional(),
    doNotDisturb: z.boolean().optional(),
    // Electron accelerators: modifiers and a key joined by '+', e.g. CommandOrControl+Alt+R.
    quickSwitcherShortcut: z.string().max(100).regex(/^$|^[A-Za-z0-9]+(\+[A-Za-z0-9;=,./`'[\]\\-]+)*$/).nullable().optional(),
    closeToTray: z.boolean().optional(),
    launchAtLogin: z.boolean().optional(),
  }),
  serveToContainers: roleRef,
  copyServeLines: z.strictObject({ key: z.string().regex(SERVED_KEY) }),
  keepInCredentialsFile: roleRef.extend({ replaceForeign: z.boolean().optional() }),
  stopServing: z.strictObject({ key: z.string().regex(SERVED_KEY) }),
};

/**
 * The one IPC contract between the main process and the renderer.
 *
 * Both transports serve it: Electron IPC in the desktop app and a loopback WebSocket in the browser
 * preview. The renderer sees only {@link RendererApi}; main registers a handler per {@link RequestName}
 * through one wrapper that checks the sender and parses the input (see `ipc-schemas.ts`).
 */
import type { AccountColour, AccountSort, AccountsUpdate } from './accounts';
import type { WireAccountsUpdate } from './accounts-wire';
import type { FoundBrowser, RequestedBrowserChoice } from './browser-choice';
import type { FieldErrors, InstanceInput } from './instance-input';
import type { ProfileStyle, ProfilesPreview, UseProfileResult, WriteProfilesResult } from './profiles';
import type { Result } from './result';
import type { AppSnapshot, SignInMethod } from './snapshot';
import type { KeepResult } from './serving';
import type { TrayMenuModel } from './tray-menu';

/** Names one Identity Center instance. */
export interface InstanceRef {
  id: string;
}

/** Names one account of one instance. */
export interface AccountRef {
  id: string;
  accountId: string;
}

/** Names one role (permission set) of one account of one instance. */
export interface RoleRef extends AccountRef {
  roleName: string;
}

/** The shell formats credentials can be copied in (as `aws configure export-credentials` names them). */
export type CredentialFormat = 'env' | 'env-no-export' | 'fish' | 'powershell' | 'windows-cmd' | 'dotenv' | 'process';

/**
 * Where the console opens: the default browser, a Rolecall window of its own (side by side with other
 * accounts), or the access portal's shortcut link (no credentials on this machine).
 */
export type ConsoleTarget = 'browser' | 'window' | 'portal';

/** A console sign-in: the role, and optionally where to land (an encoded destination) and in which region. */
export interface ConsoleRequest extends RoleRef {
  /** `home`, `service:<id>` or `path:/…` (see `console-destinations.ts`); remembered for the account. */
  destination?: string;
  region?: string;
  target?: ConsoleTarget;
}

/** A change to the person's settings for an account; `null` clears a setting. */
export interface AccountPrefsChange extends AccountRef {
  favourite?: boolean;
  alias?: string | null;
  colour?: AccountColour | null;
}

/** A change to the tray, notification and startup settings; `quickSwitcherShortcut: null` restores the default, `''` turns it off. */
export interface DesktopSettingsChange {
  expiryNoticeMinutes?: number;
  doNotDisturb?: boolean;
  quickSwitcherShortcut?: string | null;
  closeToTray?: boolean;
  launchAtLogin?: boolean;
}

/** The outcome of adding an instance: added, or a message per field to fix (nothing saved). */
export type AddInstanceResult = { kind: 'added'; id: string } | { kind: 'invalid'; errors: FieldErrors };

/** Every request the renderer can make: its input and the value it resolves to. */
export interface RequestMap {
  getSnapshot: { input: undefined; output: AppSnapshot };
  openDocumentation: { input: undefined; output: null };
  copyAboutInfo: { input: undefined; output: null };
  dismissNotice: { input: { id: string }; output: null };
  addInstance: { input: InstanceInput; output: AddInstanceResult };
  importSession: { input: { sessionName: string }; output: AddInstanceResult };
  removeInstance: { input: InstanceRef; output: null };
  /** Signs in with the instance's own method (see `setSignInMethod`). */
  signIn: { input: InstanceRef; output: null };
  /** Chooses how the instance signs in from now on; kept with the instance. */
  setSignInMethod: { input: InstanceRef & { method: SignInMethod }; output: null };
  /** The browsers found on this machine (looked for again at each call), for the browser picker. */
  listBrowsers: { input: undefined; output: readonly FoundBrowser[] };
  /** Chooses the browser that opens the instance's sign-in pages and consoles: the default or a found one. */
  setBrowser: { input: InstanceRef & { browser: RequestedBrowserChoice }; output: null };
  /** Asks the person, in main's own file dialog, for a browser program for the instance; false if they cancel. */
  chooseBrowserProgram: { input: InstanceRef; output: { chosen: boolean } };
  cancelSignIn: { input: InstanceRef; output: null };
  signOut: { input: InstanceRef; output: null };
  copyUserCode: { input: InstanceRef; output: null };
  openVerificationPage: { input: InstanceRef; output: null };
  getAccounts: { input: InstanceRef; output: AccountsUpdate };
  /**
   * The instance's whole list in the transport's compact form (accounts-wire.ts). The API asks for it once
   * a window has painted the first slice main sent when it connected.
   */
  getEncodedAccounts: { input: InstanceRef; output: WireAccountsUpdate };
  refreshAccounts: { input: InstanceRef; output: null };
  cancelDiscovery: { input: InstanceRef; output: null };
  openAccount: { input: AccountRef; output: null };
  retryAccount: { input: AccountRef; output: null };
  setAccountPrefs: { input: AccountPrefsChange; output: null };
  setAccountSort: { input: { sort: AccountSort }; output: null };
  openConsole: { input: ConsoleRequest; output: null };
  copyPortalLink: { input: Omit<ConsoleRequest, 'target'>; output: null };
  copyCredentials: { input: RoleRef & { format?: CredentialFormat }; output: null };
  setCredentialFormat: { input: { format: CredentialFormat }; output: null };
  useProfile: { input: RoleRef & { replaceDefault?: boolean }; output: UseProfileResult };
  copyProfileExport: { input: { profileName: string }; output: null };
  setTerminalSettings: { input: { profileNameTemplate?: string; profileStyle?: ProfileStyle }; output: null };
  setActionSettings: { input: { clipboardClearSeconds?: number; consoleSessionSeconds?: number | null }; output: null };
  previewProfiles: { input: InstanceRef; output: ProfilesPreview };
  writeProfiles: { input: InstanceRef & { fingerprint: string }; output: WriteProfilesResult };
  /** The tray menu, built in main from its snapshot (the preview shows it as a panel). */
  getTrayMenu: { input: undefined; output: TrayMenuModel };
  setDesktopSettings: { input: DesktopSettingsChange; output: null };
  /** Starts a container credentials endpoint for the role (or finds the running one) and copies its two lines. */
  serveToContainers: { input: RoleRef; output: null };
  /** Copies a running endpoint's two `export` lines again. */
  copyServeLines: { input: { key: string }; output: null };
  /** Keeps the role's credentials in the shared credentials file; a section the person wrote needs `replaceForeign`. */
  keepInCredentialsFile: { input: RoleRef & { replaceForeign?: boolean }; output: KeepResult };
  /** Stops an endpoint, or takes a kept section out of the credentials file. */
  stopServing: { input: { key: string }; output: null };
}

export type RequestName = keyof RequestMap;
export type RequestInput<K extends RequestName> = RequestMap[K]['input'];
export type RequestOutput<K extends RequestName> = RequestMap[K]['output'];

/** The request names as values, for transports that register or forward every request. */
export const requestNames = [
  'getSnapshot',
  'openDocumentation',
  'copyAboutInfo',
  'dismissNotice',
  'addInstance',
  'importSession',
  'removeInstance',
  'signIn',
  'setSignInMethod',
  'listBrowsers',
  'setBrowser',
  'chooseBrowserProgram',
  'cancelSignIn',
  'signOut',
  'copyUserCode',
  'openVerificationPage',
  'getAccounts',
  'getEncodedAccounts',
  'refreshAccounts',
  'cancelDiscovery',
  'openAccount',
  'retryAccount',
  'setAccountPrefs',
  'setAccountSort',
  'openConsole',
  'copyPortalLink',
  'copyCredentials',
  'setCredentialFormat',
  'useProfile',
  'copyProfileExport',
  'setTerminalSettings',
  'setActionSettings',
  'previewProfiles',
  'writeProfiles',
  'getTrayMenu',
  'setDesktopSettings',
  'serveToContainers',
  'copyServeLines',
  'keepInCredentialsFile',
  'stopServing',
] as const satisfies readonly RequestName[];

// Fails to compile when a request is added to RequestMap but not to requestNames.
type MissingRequestName = Exclude<RequestName, (typeof requestNames)[number]>;
export const allRequestsListed: [MissingRequestName] extends [never] ? true : MissingRequestName = true;

/** The Electron IPC channel of a request. */
export function requestChannel(name: RequestName): string {
  return `rolecall:request:${name}`;
}

/** The channel on which main pushes a new {@link AppSnapshot}. */
export const SNAPSHOT_CHANNEL = 'rolecall:snapshot';
/** The channel on which main pushes an instance's account list when it changes. */
export const ACCOUNTS_CHANNEL = 'rolecall:accounts';

/** The global name under which the preload (or the preview's bridge) exposes the API. */
export const API_GLOBAL = 'rolecall';

type RequestMethod<K extends RequestName> = RequestInput<K> extends undefined
  ? () => Promise<Result<RequestOutput<K>>>
  : (input: RequestInput<K>) => Promise<Result<RequestOutput<K>>>;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** Exactly what the renderer can call: one method per request, and the snapshot stream. */
export type RendererApi = { readonly [K in RequestName]: RequestMethod<K> } & {
  readonly onSnapshot: (listener: (snapshot: AppSnapshot) => void) => Unsubscribe;
  readonly onAccounts: (listener: (update: AccountsUpdate) => void) => Unsubscribe;
  /**
   * The latest account list of an instance that main has pushed, or null: read as a view mounts, so its
   * first render already shows the list (a subscription hands it over only after the first paint).
   */
  readonly latestAccounts: (instanceId: string) => AccountsUpdate | null;
};

/** The keys of {@link RendererApi}, for tests that check the exposed object has exactly these. */
export const rendererApiKeys: readonly string[] = [...requestNames, 'onSnapshot', 'onAccounts', 'latestAccounts'];

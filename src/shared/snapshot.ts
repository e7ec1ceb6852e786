import type { AccountSort, DiscoveryStatus } from './accounts';
import type { TokenStorage } from './instance-input';
import type { CredentialFormat } from './ipc-contract';
import type { ActiveProfile, TerminalSettings } from './profiles';
import type { ServedRole } from './serving';
import type { BrowserChoice } from './browser-choice';

/**
 * The state the main process shows the renderer: a read-only snapshot, pushed on every change.
 *
 * Snapshots hold nothing secret: no tokens, client secrets, role credentials or sign-in URLs.
 */
export interface AppSnapshot {
  /** Increases with every change, so a view can drop stale snapshots. */
  readonly revision: number;
  readonly app: AppInfo;
  readonly instances: readonly InstanceSummary[];
  /** Sessions in `~/.aws/config` not yet added, offered with one click. */
  readonly discovered: readonly DiscoveredSession[];
  /** Whether the OS keychain is there for keychain-only mode. */
  readonly keychainAvailable: boolean;
  readonly settings: AppSettings;
  /** The account and role `[default]` in `~/.aws/config` points at, when it is one of Rolecall's instances'. */
  readonly activeProfile: ActiveProfile | null;
  /** Roles served to other tools: container endpoints and kept sections of the credentials file. */
  readonly served: readonly ServedRole[];
  readonly notices: readonly Notice[];
}

/** The person's settings, as the window shows and changes them. */
export interface AppSettings extends TerminalSettings {
  readonly accountSort: AccountSort;
  readonly credentialFormat: CredentialFormat;
  /** Seconds before Rolecall clears credentials it copied from the clipboard. */
  readonly clipboardClearSeconds: number;
  /** The console session length in seconds; absent: the credentials' own lifetime. */
  readonly consoleSessionSeconds?: number;
  readonly expiryNoticeMinutes: number;
  readonly doNotDisturb: boolean;
  /** An Electron accelerator; absent: the platform default; empty: off. */
  readonly quickSwitcherShortcut?: string;
  readonly closeToTray: boolean;
  readonly launchAtLogin: boolean;
}

/** What the app is and where it runs, for the About line and support requests. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** A short platform description such as "linux x64". */
  readonly platform: string;
}

/** An IAM Identity Center instance as the sidebar lists it. */
export interface InstanceSummary {
  readonly id: string;
  readonly sessionName: string;
  readonly startUrl: string;
  readonly region: string;
  readonly tokenStorage: TokenStorage;
  /** How the window's Sign in asks for consent. */
  readonly signInMethod: SignInMethod;
  /** Which browser opens the instance's sign-in pages and consoles. */
  readonly browser: BrowserChoice;
  readonly status: SignInStatus;
  /** Set when keychain mode has no keychain: the sign-in lasts only while Rolecall runs. */
  readonly memoryOnly: boolean;
  /** Where the account list stands; the list itself comes on the accounts stream. */
  readonly discovery: DiscoveryStatus;
}

/**
 * How an instance signs in: `pkce` (the default) opens the AWS sign-in page and the browser comes back to
 * Rolecall on 127.0.0.1; `device` shows a code to confirm on the AWS page, from this or any other device.
 */
export type SignInMethod = 'pkce' | 'device';

/** Where an instance's sign-in stands. Holds no secret: the user code is meant to be shown. */
export type SignInStatus =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signedOut'; readonly message?: string }
  | {
      /** A PKCE sign-in: the browser shows the AWS sign-in page and comes back to Rolecall on 127.0.0.1. */
      readonly kind: 'awaitingBrowser';
      /** Epoch milliseconds when Rolecall stops waiting. */
      readonly expiresAt: number;
    }
  | {
      readonly kind: 'awaitingApproval';
      readonly userCode: string;
      readonly verificationUri: string;
      /** Epoch milliseconds when the code expires. */
      readonly expiresAt: number;
    }
  | {
      readonly kind: 'signedIn';
      /** Epoch milliseconds when the access token expires. */
      readonly expiresAt: number;
      /** When refresh can no longer extend the sign-in (epoch ms), where Rolecall can know it. */
      readonly endsAt?: number;
    };

/** An `[sso-session]` or legacy SSO profile found in `~/.aws/config`, offered for import. */
export interface DiscoveredSession {
  /** The name it would get in Rolecall (the sso-session name, or one derived from the start URL). */
  readonly sessionName: string;
  readonly startUrl: string;
  readonly region: string;
  /** Where it was found, for the person: `[sso-session my-sso]` or `[profile dev]`. */
  readonly source: string;
}

/** A short message for the person, such as "Copied to the clipboard". */
export interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly text: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** One button with the notice; a notice with one stays until the person acts on or dismisses it. */
  readonly action?: NoticeAction;
}

/** What a notice's button does: sign an instance in again. */
export interface NoticeAction {
  readonly kind: 'signIn';
  readonly instanceId: string;
  readonly label: string;
}

export type NoticeKind = 'info' | 'success' | 'error';

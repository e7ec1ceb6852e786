/**
 * AWS CLI profiles as the renderer sees them: the terminal settings, the active default, the outcome of
 * "Use in terminal" and the preview of "Generate profiles for all". Nothing here is secret.
 */

/** `sso-session` (the default, with token refresh) or `legacy` (start URL in each profile, for old tools). */
export type ProfileStyle = 'sso-session' | 'legacy';

/** How profiles are written. */
export interface TerminalSettings {
  /** Placeholders: {role}, {accountId}, {account}, {alias}, {session}. */
  readonly profileNameTemplate: string;
  readonly profileStyle: ProfileStyle;
}

/** The account and role `[default]` points at, and the named profile Rolecall wrote for it. */
export interface ActiveProfile {
  readonly instanceId: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The named profile for the same account and role, when there is one. */
  readonly profileName?: string;
}

/** The outcome of "Use in terminal". */
export type UseProfileResult =
  | { readonly kind: 'done'; readonly profileName: string; readonly backupFile?: string }
  /** `[default]` holds something Rolecall did not write: shown to the person, who confirms first. */
  | { readonly kind: 'confirm-default'; readonly current: string; readonly configFile: string };

/** One generated profile in a preview. */
export interface ProfileChange {
  readonly name: string;
  readonly accountId: string;
  /** Empty when the account is gone. */
  readonly accountName: string;
  readonly roleName: string;
}

/** What "Generate profiles for all" would change, before anything is written. */
export interface ProfilesPreview {
  readonly added: readonly ProfileChange[];
  readonly removed: readonly ProfileChange[];
  readonly renamed: readonly (ProfileChange & { readonly from: string })[];
  readonly changed: readonly ProfileChange[];
  readonly unchanged: number;
  /** Account and role pairs that already have an identical profile outside the block. */
  readonly skipped: readonly ProfileChange[];
  /** Profiles in the block after writing. */
  readonly total: number;
  /** The block's new lines, as they will be written. */
  readonly blockText: string;
  /** Names the file as previewed; writing is refused if it changed since. */
  readonly fingerprint?: string;
  readonly configFile?: string;
}

/** The outcome of writing generated profiles. */
export type WriteProfilesResult = { readonly kind: 'written'; readonly total: number } | { readonly kind: 'stale' };

/** The profile name templates the settings offer. */
export const PROFILE_TEMPLATE_CHOICES = ['{role}-{accountId}', '{account}-{role}', '{session}-{account}-{role}'] as const;

/**
 * The line that makes a shell use a named profile, in the shell of the person's credential format:
 * `export AWS_PROFILE=name` (bash/zsh), `set -gx` (fish), `$Env:` (PowerShell), `set` (cmd).
 */
export function profileExportLine(format: string, profileName: string): string {
  switch (format) {
    case 'fish':
      return `set -gx AWS_PROFILE ${profileName}`;
    case 'powershell':
      return `$Env:AWS_PROFILE="${profileName}"`;
    case 'windows-cmd':
      return `set AWS_PROFILE=${profileName}`;
    case 'env-no-export':
    case 'dotenv':
      return `AWS_PROFILE=${profileName}`;
    default:
      return `export AWS_PROFILE=${profileName}`;
  }
}

/**
 * Roles Rolecall hands to tools that do not speak SSO, as the window lists them: a container credentials
 * endpoint, or a section of the shared credentials file it keeps fresh. Nothing here is secret: the
 * endpoint's token and the credentials stay in main.
 */

interface ServedRoleBase {
  /** Names this entry in `copyServeLines` and `stopServing`: `container:PORT` or `file:SECTION`. */
  readonly key: string;
  readonly instanceId: string;
  readonly accountId: string;
  /** The account's name as the window shows it. */
  readonly accountName: string;
  readonly roleName: string;
  /** When the credentials now handed out expire (epoch ms); Rolecall renews them before then. */
  readonly until: number;
}

/** A container credentials endpoint on 127.0.0.1. */
export interface ServedContainer extends ServedRoleBase {
  readonly kind: 'container';
  /** The value of `AWS_CONTAINER_CREDENTIALS_FULL_URI`. */
  readonly url: string;
}

/** A section of the shared credentials file marked as Rolecall's. */
export interface KeptSection extends ServedRoleBase {
  readonly kind: 'credentialsFile';
  readonly profileName: string;
  /** The credentials file (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`). */
  readonly file: string;
}

export type ServedRole = ServedContainer | KeptSection;

/** The outcome of "Keep in ~/.aws/credentials": kept, or a section of that name the person wrote (ask first). */
export type KeepResult =
  | { readonly kind: 'kept'; readonly profileName: string }
  | { readonly kind: 'foreign'; readonly profileName: string; readonly file: string };

/** What a served entry's key looks like: what `stopServing` and `copyServeLines` accept. */
export const SERVED_KEY = /^(container:\d{1,5}|file:[A-Za-z0-9][A-Za-z0-9_.+@-]{0,127})$/;

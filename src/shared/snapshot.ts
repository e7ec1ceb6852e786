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
  readonly notices: readonly Notice[];
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
}

/** A short message for the person, such as "Copied to the clipboard". */
export interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly text: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export type NoticeKind = 'info' | 'success' | 'error';

/**
 * Handlers of the app-wide requests: the snapshot, help, version details, notices.
 */
import type { AppInfo } from '../../../shared/snapshot';
import type { Effects } from '../../effects/effects';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { ExternalOpener } from '../external-opener';
import type { Notices } from '../notices';
import type { SnapshotStore } from '../snapshot-store';

/** The IAM Identity Center user guide, opened from the Help menu and the empty state. */
export const DOCUMENTATION_URL = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html';

type GeneralRequests = 'getSnapshot' | 'openDocumentation' | 'copyAboutInfo' | 'dismissNotice';

/** Creates the general handlers. */
export function generalHandlers(deps: {
  store: SnapshotStore;
  notices: Notices;
  effects: Effects;
  openExternal: ExternalOpener;
  appInfo: AppInfo;
}): Pick<RequestHandlers, GeneralRequests> {
  return {
    getSnapshot: () => Promise.resolve(deps.store.get()),
    openDocumentation: async () => {
      await deps.openExternal(DOCUMENTATION_URL); // eng-disable OPEN_EXTERNAL_JS_CHECK: deps.openExternal is the allowlist-checked ExternalOpener; the URL is a constant
      deps.notices.add('info', 'Opened the IAM Identity Center user guide in your browser.');
      return null;
    },
    copyAboutInfo: async () => {
      const { name, version, platform } = deps.appInfo;
      await deps.effects.writeClipboard(`${name} ${version} (${platform})`);
      deps.notices.add('success', 'Copied the version details to the clipboard.');
      return null;
    },
    dismissNotice: ({ id }) => {
      deps.notices.dismiss(id);
      return Promise.resolve(null);
    },
  };
}

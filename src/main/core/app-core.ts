/**
 * Rolecall's core services: state, and the handler of every request in the contract.
 *
 * It runs under plain Node; the Electron main process and the browser-preview host both create one and
 * serve it over their transport. Collaborators (effects, clock, logger) come in as arguments.
 */
import type { Unsubscribe } from '../../shared/ipc-contract';
import type { AppInfo, AppSnapshot } from '../../shared/snapshot';
import type { Effects } from '../effects/effects';
import type { RequestHandlers } from '../ipc/dispatch';
import { createExternalOpener } from './external-opener';
import type { Logger } from './logger';
import { createNotices } from './notices';
import { createSnapshotStore } from './snapshot-store';

/** The IAM Identity Center user guide, opened from the Help menu and the empty state. */
export const DOCUMENTATION_URL = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html';

/** What the core needs from its host. */
export interface AppCoreDeps {
  readonly appInfo: AppInfo;
  readonly effects: Effects;
  readonly logger: Logger;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Origins of a local Identity Center emulator that may be opened over http. */
  readonly loopbackOrigins?: readonly string[];
}

/** The running core: handlers for the transports, and the snapshot stream. */
export interface AppCore {
  readonly handlers: RequestHandlers;
  getSnapshot(): AppSnapshot;
  subscribe(listener: (snapshot: AppSnapshot) => void): Unsubscribe;
}

/** Creates the core with empty state. */
export function createAppCore(deps: AppCoreDeps): AppCore {
  const store = createSnapshotStore({ app: deps.appInfo, instances: [], notices: [] });
  const notices = createNotices(store, deps.now);
  const openExternal = createExternalOpener(deps.effects, deps.logger, deps.loopbackOrigins ?? []);

  const handlers: RequestHandlers = {
    getSnapshot: () => Promise.resolve(store.get()),
    openDocumentation: async () => {
      await openExternal(DOCUMENTATION_URL);
      notices.add('info', 'Opened the IAM Identity Center user guide in your browser.');
      return null;
    },
    copyAboutInfo: async () => {
      const { name, version, platform } = deps.appInfo;
      await deps.effects.writeClipboard(`${name} ${version} (${platform})`);
      notices.add('success', 'Copied the version details to the clipboard.');
      return null;
    },
    dismissNotice: ({ id }) => {
      notices.dismiss(id);
      return Promise.resolve(null);
    },
  };

  return { handlers, getSnapshot: () => store.get(), subscribe: (listener) => store.subscribe(listener) };
}

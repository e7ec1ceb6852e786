/**
 * Handlers of the one-click actions, the remembered format for copied credentials, and the action
 * settings (clipboard clearing, console session length).
 */
import { decodeDestination, type ConsoleDestination } from '../../../shared/console-destinations';
import type { ActionService } from '../actions/action-service';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { InstanceService } from '../instances/instance-service';
import type { StateRepository } from '../persistence/state-repository';
import type { SnapshotStore } from '../snapshot-store';
import { UserFacingError } from '../user-facing-error';
import { saveSettings } from './save-settings';

type ActionRequests = 'openConsole' | 'copyPortalLink' | 'copyCredentials' | 'setCredentialFormat' | 'setActionSettings';

/** Creates the action handlers; copying uses the remembered format unless the request names one. */
export function actionHandlers(deps: {
  actions: ActionService;
  instances: InstanceService;
  state: StateRepository;
  store: SnapshotStore;
}): Pick<RequestHandlers, ActionRequests> {
  const save = (change: Parameters<typeof saveSettings>[2]): Promise<void> => saveSettings(deps.state, deps.store, change);
  return {
    openConsole: async ({ destination, region, target, ...role }) => {
      await deps.actions.openConsole(role, { destination: parsedDestination(destination), region, target: target ?? 'browser' });
      // A destination or region chosen for this click is the account's next default.
      if (destination !== undefined || region !== undefined) {
        await deps.instances.accounts(role.id).rememberConsole(role.accountId, destination ?? 'home', region);
      }
      return null;
    },
    copyPortalLink: async ({ destination, region, ...role }) => {
      await deps.actions.copyPortalLink(role, { destination: parsedDestination(destination), region });
      return null;
    },
    copyCredentials: async ({ format, ...role }) => {
      await deps.actions.copyCredentials(role, format ?? deps.state.get().settings.credentialFormat);
      return null;
    },
    setCredentialFormat: async ({ format }) => {
      await save({ credentialFormat: format });
      return null;
    },
    setActionSettings: async ({ clipboardClearSeconds, consoleSessionSeconds }) => {
      await save({
        ...(clipboardClearSeconds !== undefined && { clipboardClearSeconds }),
        ...(consoleSessionSeconds !== undefined && { consoleSessionSeconds: consoleSessionSeconds ?? undefined }),
      });
      return null;
    },
  };
}

function parsedDestination(encoded: string | undefined): ConsoleDestination {
  if (encoded === undefined) return { kind: 'home' };
  const destination = decodeDestination(encoded);
  if (destination === undefined) throw new UserFacingError('Rolecall does not know that console destination. Choose another.');
  return destination;
}

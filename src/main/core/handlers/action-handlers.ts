/**
 * Handlers of the one-click actions, and the remembered format for copied credentials.
 */
import type { ActionService } from '../actions/action-service';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { StateRepository } from '../persistence/state-repository';
import type { SnapshotStore } from '../snapshot-store';

/** Creates the action handlers; copying uses the remembered format unless the request names one. */
export function actionHandlers(deps: {
  actions: ActionService;
  state: StateRepository;
  store: SnapshotStore;
}): Pick<RequestHandlers, 'openConsole' | 'copyCredentials' | 'setCredentialFormat'> {
  return {
    openConsole: async (role) => {
      await deps.actions.openConsole(role);
      return null;
    },
    copyCredentials: async ({ format, ...role }) => {
      await deps.actions.copyCredentials(role, format ?? deps.state.get().settings.credentialFormat);
      return null;
    },
    setCredentialFormat: async ({ format }) => {
      await deps.state.update((s) => ({ ...s, settings: { ...s.settings, credentialFormat: format } }));
      deps.store.update((s) => ({ ...s, settings: { ...s.settings, credentialFormat: format } }));
      return null;
    },
  };
}

/**
 * Handlers of the one-click actions.
 */
import type { ActionService } from '../actions/action-service';
import type { RequestHandlers } from '../../ipc/dispatch';

/** Creates the action handlers; copying uses `env` (`export …` lines for bash and zsh) unless told. */
export function actionHandlers(actions: ActionService): Pick<RequestHandlers, 'openConsole' | 'copyCredentials'> {
  return {
    openConsole: async (role) => {
      await actions.openConsole(role);
      return null;
    },
    copyCredentials: async ({ format, ...role }) => {
      await actions.copyCredentials(role, format ?? 'env');
      return null;
    },
  };
}

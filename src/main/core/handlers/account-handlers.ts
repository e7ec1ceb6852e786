/**
 * Handlers of the account-list requests.
 */
import { encodeAccountsUpdate } from '../../../shared/accounts-wire';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { InstanceService } from '../instances/instance-service';
import type { StateRepository } from '../persistence/state-repository';
import type { SnapshotStore } from '../snapshot-store';
import { saveSettings } from './save-settings';

type AccountRequests =
  | 'getAccounts'
  | 'getEncodedAccounts'
  | 'refreshAccounts'
  | 'cancelDiscovery'
  | 'openAccount'
  | 'retryAccount'
  | 'setAccountPrefs'
  | 'setAccountSort';

/** Creates the account-list handlers. */
export function accountHandlers(deps: {
  instances: InstanceService;
  state: StateRepository;
  store: SnapshotStore;
}): Pick<RequestHandlers, AccountRequests> {
  const { instances } = deps;
  return {
    getAccounts: ({ id }) => Promise.resolve(instances.accounts(id).current()),
    getEncodedAccounts: ({ id }) => Promise.resolve(encodeAccountsUpdate(instances.accounts(id).current())),
    refreshAccounts: ({ id }) => {
      instances.accounts(id).refresh();
      return Promise.resolve(null);
    },
    cancelDiscovery: ({ id }) => {
      instances.accounts(id).cancel();
      return Promise.resolve(null);
    },
    openAccount: async ({ id, accountId }) => {
      await instances.accounts(id).open(accountId);
      return null;
    },
    retryAccount: ({ id, accountId }) => {
      instances.accounts(id).retry(accountId);
      return Promise.resolve(null);
    },
    setAccountPrefs: async (change) => {
      await instances.accounts(change.id).setPrefs(change);
      return null;
    },
    setAccountSort: async ({ sort }) => {
      await saveSettings(deps.state, deps.store, { accountSort: sort });
      return null;
    },
  };
}

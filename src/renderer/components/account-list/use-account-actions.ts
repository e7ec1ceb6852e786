/**
 * The intents the list sends for one instance, each reporting a failure the list can show.
 */
import { useMemo, useState } from 'react';
import type { AccountColour, AccountSort } from '../../../shared/accounts';
import { credentialFormats } from '../../../shared/credential-formats';
import type { RendererApi } from '../../../shared/ipc-contract';
import type { Result } from '../../../shared/result';

/** The alias and colour a person chose in the editor; `null` clears each. */
export interface AccountLook {
  readonly alias: string | null;
  readonly colour: AccountColour | null;
}

/** Everything the list can ask main to do. Stable across renders, so memoized rows do not re-render. */
export interface AccountActions {
  readonly open: (accountId: string) => void;
  /** The primary action: the console for this account and role, in the person's browser. */
  readonly openConsole: (accountId: string, roleName: string) => void;
  readonly copyCredentials: (accountId: string, roleName: string) => void;
  readonly setCredentialFormat: (format: string) => void;
  readonly retry: (accountId: string) => void;
  readonly setFavourite: (accountId: string, favourite: boolean) => void;
  readonly setLook: (accountId: string, look: AccountLook) => Promise<boolean>;
  readonly refresh: () => void;
  readonly cancel: () => void;
  readonly sortBy: (sort: AccountSort) => void;
}

/** The actions for `instanceId`, and the last failure (cleared by the next action that succeeds). */
export function useAccountActions(api: RendererApi, instanceId: string): { actions: AccountActions; failure: string | null; dismiss: () => void } {
  const [failure, setFailure] = useState<string | null>(null);
  const actions = useMemo((): AccountActions => {
    const run = async (request: Promise<Result<unknown>>, what: string): Promise<boolean> => {
      const result = await request.catch(() => null);
      if (result?.ok === true) {
        setFailure(null);
        return true;
      }
      // Main's messages are written for a person already; only a broken transport needs our own words.
      setFailure(result === null ? `Rolecall couldn’t ${what}. Try again.` : result.error.message);
      return false;
    };
    const id = instanceId;
    return {
      open: (accountId) => void run(api.openAccount({ id, accountId }), 'open the account'),
      openConsole: (accountId, roleName) => void run(api.openConsole({ id, accountId, roleName }), 'open the console'),
      copyCredentials: (accountId, roleName) => void run(api.copyCredentials({ id, accountId, roleName }), 'copy the credentials'),
      setCredentialFormat: (format) => {
        const known = credentialFormats.find((f) => f.id === format);
        if (known !== undefined) void run(api.setCredentialFormat({ format: known.id }), 'remember the format');
      },
      retry: (accountId) => void run(api.retryAccount({ id, accountId }), 'read the roles again'),
      setFavourite: (accountId, favourite) => void run(api.setAccountPrefs({ id, accountId, favourite }), 'save the favourite'),
      setLook: (accountId, look) => run(api.setAccountPrefs({ id, accountId, ...look }), 'save the alias and colour'),
      refresh: () => void run(api.refreshAccounts({ id }), 'refresh the list'),
      cancel: () => void run(api.cancelDiscovery({ id }), 'cancel listing'),
      sortBy: (sort) => void run(api.setAccountSort({ sort }), 'change the sort'),
    };
  }, [api, instanceId]);
  return { actions, failure, dismiss: () => setFailure(null) };
}

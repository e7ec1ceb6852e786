/**
 * The intents the list sends for one instance, each reporting a failure the list can show.
 */
import { useCallback, useMemo, useState } from 'react';
import type { AccountColour, AccountSort } from '../../../shared/accounts';
import { credentialFormats } from '../../../shared/credential-formats';
import type { ConsoleTarget, CredentialFormat, RendererApi } from '../../../shared/ipc-contract';
import type { Result } from '../../../shared/result';

/** The alias and colour a person chose in the editor; `null` clears each. */
export interface AccountLook {
  readonly alias: string | null;
  readonly colour: AccountColour | null;
}

/** Where the console opens for one click: an encoded destination and, when not the default, a region. */
export interface ConsoleChoice {
  readonly destination: string;
  readonly region: string | undefined;
}

/** A role whose menu is open. */
export interface OpenRoleMenu {
  readonly accountId: string;
  readonly roleName: string;
  readonly anchor: HTMLElement;
}

/** "Use in terminal" found a `[default]` Rolecall did not write: the person sees it and confirms. */
export interface DefaultConfirmation {
  readonly accountId: string;
  readonly roleName: string;
  readonly current: string;
  readonly configFile: string;
}

/** "Keep in ~/.aws/credentials" found a section of that name Rolecall did not write: the person confirms. */
export interface ForeignSectionConfirmation {
  readonly accountId: string;
  readonly roleName: string;
  readonly profileName: string;
  readonly file: string;
}

/** Everything the list can ask main to do. Stable across renders, so memoized rows do not re-render. */
export interface AccountActions {
  readonly open: (accountId: string) => void;
  /** The primary action: the console for this account and role, in the person's browser. */
  readonly openConsole: (accountId: string, roleName: string) => void;
  readonly openConsoleAt: (accountId: string, roleName: string, choice: ConsoleChoice & { readonly target: ConsoleTarget }) => void;
  readonly copyPortalLink: (accountId: string, roleName: string, choice: ConsoleChoice) => void;
  readonly copyCredentials: (accountId: string, roleName: string) => void;
  /** Copies in a format and remembers it as the format for the copy button. */
  readonly copyAs: (accountId: string, roleName: string, format: CredentialFormat) => void;
  /** "Use in terminal"; asks through `confirmation` before replacing a `[default]` Rolecall did not write. */
  readonly useInTerminal: (accountId: string, roleName: string, replaceDefault?: boolean) => void;
  /** Starts (or reuses) a container credentials endpoint for the role; main copies its two export lines. */
  readonly serveToContainers: (accountId: string, roleName: string) => void;
  /** Keeps the role in the shared credentials file; asks through `foreignSection` before replacing one the person wrote. */
  readonly keepInCredentialsFile: (accountId: string, roleName: string, replaceForeign?: boolean) => void;
  /** A served entry (by its key): copy an endpoint's export lines again, or stop serving it. */
  readonly copyServeLines: (key: string) => void;
  readonly stopServing: (key: string) => void;
  readonly openMenu: (accountId: string, roleName: string, anchor: HTMLElement) => void;
  readonly setCredentialFormat: (format: string) => void;
  readonly retry: (accountId: string) => void;
  readonly setFavourite: (accountId: string, favourite: boolean) => void;
  readonly setLook: (accountId: string, look: AccountLook) => Promise<boolean>;
  readonly refresh: () => void;
  readonly cancel: () => void;
  readonly sortBy: (sort: AccountSort) => void;
}

/** What the list shows around the actions: the last failure, an open role menu, a pending confirmation. */
export interface AccountActionState {
  readonly actions: AccountActions;
  /** The last failure, cleared by the next action that succeeds. */
  readonly failure: string | null;
  readonly dismiss: () => void;
  readonly menu: OpenRoleMenu | null;
  readonly closeMenu: () => void;
  readonly confirmation: DefaultConfirmation | null;
  readonly closeConfirmation: () => void;
  readonly foreignSection: ForeignSectionConfirmation | null;
  readonly closeForeignSection: () => void;
}

/** The actions for `instanceId`, with the state they show. */
export function useAccountActions(api: RendererApi, instanceId: string): AccountActionState {
  const [failure, setFailure] = useState<string | null>(null);
  const [menu, setMenu] = useState<OpenRoleMenu | null>(null);
  const [confirmation, setConfirmation] = useState<DefaultConfirmation | null>(null);
  const [foreignSection, setForeignSection] = useState<ForeignSectionConfirmation | null>(null);
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
      openConsoleAt: (accountId, roleName, { destination, region, target }) =>
        void run(api.openConsole({ id, accountId, roleName, destination, target, ...(region !== undefined && { region }) }), 'open the console'),
      copyPortalLink: (accountId, roleName, { destination, region }) =>
        void run(api.copyPortalLink({ id, accountId, roleName, destination, ...(region !== undefined && { region }) }), 'copy the portal link'),
      copyCredentials: (accountId, roleName) => void run(api.copyCredentials({ id, accountId, roleName }), 'copy the credentials'),
      copyAs: (accountId, roleName, format) => {
        void run(api.setCredentialFormat({ format }), 'remember the format');
        void run(api.copyCredentials({ id, accountId, roleName, format }), 'copy the credentials');
      },
      useInTerminal: (accountId, roleName, replaceDefault) => {
        void (async () => {
          const result = await api.useProfile({ id, accountId, roleName, ...(replaceDefault === true && { replaceDefault }) }).catch(() => null);
          if (result?.ok === true && result.value.kind === 'confirm-default') {
            setConfirmation({ accountId, roleName, current: result.value.current, configFile: result.value.configFile });
          }
          setFailure(result === null ? 'Rolecall couldn’t write the AWS CLI profile. Try again.' : result.ok ? null : result.error.message);
        })();
      },
      serveToContainers: (accountId, roleName) => void run(api.serveToContainers({ id, accountId, roleName }), 'serve the role to containers'),
      keepInCredentialsFile: (accountId, roleName, replaceForeign) => {
        void (async () => {
          const result = await api.keepInCredentialsFile({ id, accountId, roleName, ...(replaceForeign === true && { replaceForeign }) }).catch(() => null);
          if (result?.ok === true && result.value.kind === 'foreign') {
            setForeignSection({ accountId, roleName, profileName: result.value.profileName, file: result.value.file });
          }
          setFailure(result === null ? 'Rolecall couldn’t write the credentials file. Try again.' : result.ok ? null : result.error.message);
        })();
      },
      copyServeLines: (key) => void run(api.copyServeLines({ key }), 'copy the export lines'),
      stopServing: (key) => void run(api.stopServing({ key }), 'stop serving the role'),
      openMenu: (accountId, roleName, anchor) => setMenu({ accountId, roleName, anchor }),
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
  // Stable, so the menu's focus handling runs once per opening.
  const closeMenu = useCallback(() => setMenu(null), []);
  const closeConfirmation = useCallback(() => setConfirmation(null), []);
  const closeForeignSection = useCallback(() => setForeignSection(null), []);
  return { actions, failure, dismiss: () => setFailure(null), menu, closeMenu, confirmation, closeConfirmation, foreignSection, closeForeignSection };
}

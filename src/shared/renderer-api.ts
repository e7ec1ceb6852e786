/**
 * Builds the {@link RendererApi} over any transport.
 *
 * The preload (Electron IPC) and the browser preview's bridge (WebSocket) both call this, so the
 * object the renderer sees is the same whichever transport carries it.
 */
import type { AccountsUpdate } from './accounts';
import type { AppSnapshot } from './snapshot';
import type { RendererApi, RequestName, RequestOutput, Unsubscribe } from './ipc-contract';
import type { Result } from './result';

/** The events main pushes, and their payloads. */
export interface PushedEvents {
  snapshot: AppSnapshot;
  accounts: AccountsUpdate;
}

/** What a transport must do: send a request and await its result; deliver pushed events. */
export interface ApiTransport {
  invoke(name: RequestName, input: unknown): Promise<unknown>;
  subscribe<E extends keyof PushedEvents>(event: E, listener: (payload: PushedEvents[E]) => void): Unsubscribe;
}

/** Creates the renderer's API object; it holds functions only, never the transport itself. */
export function createRendererApi(transport: ApiTransport): RendererApi {
  // Results come from our own main process, which already shaped them per the contract.
  const call = <K extends RequestName>(name: K, input?: unknown): Promise<Result<RequestOutput<K>>> =>
    transport.invoke(name, input) as Promise<Result<RequestOutput<K>>>;
  return {
    getSnapshot: () => call('getSnapshot'),
    openDocumentation: () => call('openDocumentation'),
    copyAboutInfo: () => call('copyAboutInfo'),
    dismissNotice: (input) => call('dismissNotice', input),
    addInstance: (input) => call('addInstance', input),
    importSession: (input) => call('importSession', input),
    removeInstance: (input) => call('removeInstance', input),
    signIn: (input) => call('signIn', input),
    cancelSignIn: (input) => call('cancelSignIn', input),
    signOut: (input) => call('signOut', input),
    copyUserCode: (input) => call('copyUserCode', input),
    openVerificationPage: (input) => call('openVerificationPage', input),
    getAccounts: (input) => call('getAccounts', input),
    refreshAccounts: (input) => call('refreshAccounts', input),
    cancelDiscovery: (input) => call('cancelDiscovery', input),
    openAccount: (input) => call('openAccount', input),
    retryAccount: (input) => call('retryAccount', input),
    setAccountPrefs: (input) => call('setAccountPrefs', input),
    setAccountSort: (input) => call('setAccountSort', input),
    onSnapshot: (listener) => transport.subscribe('snapshot', listener),
    onAccounts: (listener) => transport.subscribe('accounts', listener),
  } satisfies RendererApi;
}

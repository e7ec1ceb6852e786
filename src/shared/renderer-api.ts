/**
 * Builds the {@link RendererApi} over any transport.
 *
 * The preload (Electron IPC) and the browser preview's bridge (WebSocket) both call this, so the
 * object the renderer sees is the same whichever transport carries it.
 */
import { supersedes, type AccountsUpdate } from './accounts';
import { decodeAccountsUpdate, type WireAccountsUpdate } from './accounts-wire';
import type { AppSnapshot } from './snapshot';
import type { RendererApi, RequestName, RequestOutput, Unsubscribe } from './ipc-contract';
import type { Result } from './result';

/** The events main pushes, and their payloads as they travel. */
export interface PushedEvents {
  snapshot: AppSnapshot;
  accounts: WireAccountsUpdate;
}

/** What a transport must do: send a request and await its result; deliver pushed events. */
export interface ApiTransport {
  invoke(name: RequestName, input: unknown): Promise<unknown>;
  subscribe<E extends keyof PushedEvents>(event: E, listener: (payload: PushedEvents[E]) => void): Unsubscribe;
}

/** How the API fits into the page. */
export interface RendererApiOptions {
  /**
   * Runs work once the page's next paint has settled (the preload and the preview's bridge pass
   * `afterNextPaint` over `window`); by default, in a microtask.
   */
  readonly afterPaint?: (then: () => void) => void;
}

/**
 * Creates the renderer's API object; it holds functions only, never the transport itself.
 *
 * It listens to the transport from the start and keeps the latest snapshot and each instance's latest
 * account list, handing them to a listener as soon as it subscribes: main pushes them the moment the
 * page connects, so a big list is already here when the view mounts instead of being asked for then.
 *
 * Of a long list main pushes only the first slice (account-slice.ts). The API asks for the whole list once a
 * view has the slice and the page's paint has settled: encoding, sending, decoding and rendering 10,000
 * accounts takes main and the page the better part of 200 ms of a two-core machine, which would otherwise
 * be spent while the window is drawing its first rows.
 */
export function createRendererApi(transport: ApiTransport, options: RendererApiOptions = {}): RendererApi {
  const afterPaint = options.afterPaint ?? ((then: () => void) => void Promise.resolve().then(then));
  let latestSnapshot: AppSnapshot | undefined;
  const latestAccounts = new Map<string, AccountsUpdate>();
  // A list is decoded once, however many views listen: decoding 10,000 accounts is tens of milliseconds.
  const accountListeners = new Set<(update: AccountsUpdate) => void>();
  const deliver = (wire: WireAccountsUpdate): void => {
    const update = decodeAccountsUpdate(wire);
    const known = latestAccounts.get(update.instanceId);
    if (supersedes(update, known)) latestAccounts.set(update.instanceId, update);
    for (const listener of [...accountListeners]) listener(update);
  };
  // Results come from our own main process, which already shaped them per the contract.
  const call = <K extends RequestName>(name: K, input?: unknown): Promise<Result<RequestOutput<K>>> =>
    transport.invoke(name, input) as Promise<Result<RequestOutput<K>>>;
  // Each slice's whole list is asked for once: instance id → the slice's revision.
  const asked = new Map<string, number>();
  let pulling = false;
  const slicesNotAskedFor = (): AccountsUpdate[] => [...latestAccounts.values()].filter((u) => u.partOf !== undefined && asked.get(u.instanceId) !== u.revision);
  const pullWholeListsAfterPaint = (): void => {
    if (pulling || accountListeners.size === 0 || slicesNotAskedFor().length === 0) return;
    pulling = true;
    afterPaint(() => {
      pulling = false;
      // Read again: a whole list pushed meanwhile (a change during discovery, say) needs no asking.
      for (const slice of slicesNotAskedFor()) {
        asked.set(slice.instanceId, slice.revision);
        void call('getEncodedAccounts', { id: slice.instanceId }).then(
          (result) => {
            if (result.ok) deliver(result.value);
          },
          () => undefined,
        );
      }
    });
  };
  transport.subscribe('snapshot', (snapshot) => {
    latestSnapshot = snapshot;
  });
  transport.subscribe('accounts', (wire) => {
    deliver(wire);
    if (wire.partOf !== undefined) pullWholeListsAfterPaint();
  });
  const replay = <T>(values: readonly T[], listener: (value: T) => void): void => {
    if (values.length > 0) void Promise.resolve().then(() => values.forEach((value) => listener(value)));
  };
  return {
    getSnapshot: () => call('getSnapshot'),
    openDocumentation: () => call('openDocumentation'),
    copyAboutInfo: () => call('copyAboutInfo'),
    dismissNotice: (input) => call('dismissNotice', input),
    addInstance: (input) => call('addInstance', input),
    importSession: (input) => call('importSession', input),
    removeInstance: (input) => call('removeInstance', input),
    signIn: (input) => call('signIn', input),
    setSignInMethod: (input) => call('setSignInMethod', input),
    listBrowsers: () => call('listBrowsers'),
    setBrowser: (input) => call('setBrowser', input),
    chooseBrowserProgram: (input) => call('chooseBrowserProgram', input),
    cancelSignIn: (input) => call('cancelSignIn', input),
    signOut: (input) => call('signOut', input),
    copyUserCode: (input) => call('copyUserCode', input),
    openVerificationPage: (input) => call('openVerificationPage', input),
    getAccounts: (input) => call('getAccounts', input),
    getEncodedAccounts: (input) => call('getEncodedAccounts', input),
    refreshAccounts: (input) => call('refreshAccounts', input),
    cancelDiscovery: (input) => call('cancelDiscovery', input),
    openAccount: (input) => call('openAccount', input),
    retryAccount: (input) => call('retryAccount', input),
    setAccountPrefs: (input) => call('setAccountPrefs', input),
    setAccountSort: (input) => call('setAccountSort', input),
    openConsole: (input) => call('openConsole', input),
    copyPortalLink: (input) => call('copyPortalLink', input),
    copyCredentials: (input) => call('copyCredentials', input),
    setCredentialFormat: (input) => call('setCredentialFormat', input),
    useProfile: (input) => call('useProfile', input),
    copyProfileExport: (input) => call('copyProfileExport', input),
    setTerminalSettings: (input) => call('setTerminalSettings', input),
    setActionSettings: (input) => call('setActionSettings', input),
    previewProfiles: (input) => call('previewProfiles', input),
    writeProfiles: (input) => call('writeProfiles', input),
    getTrayMenu: () => call('getTrayMenu'),
    setDesktopSettings: (input) => call('setDesktopSettings', input),
    serveToContainers: (input) => call('serveToContainers', input),
    copyServeLines: (input) => call('copyServeLines', input),
    keepInCredentialsFile: (input) => call('keepInCredentialsFile', input),
    stopServing: (input) => call('stopServing', input),
    onSnapshot: (listener) => {
      replay(latestSnapshot === undefined ? [] : [latestSnapshot], listener);
      return transport.subscribe('snapshot', listener);
    },
    latestAccounts: (instanceId) => (typeof instanceId === 'string' ? (latestAccounts.get(instanceId) ?? null) : null),
    onAccounts: (listener) => {
      replay([...latestAccounts.values()], listener);
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const subscription = (update: AccountsUpdate): void => listener(update);
      accountListeners.add(subscription);
      pullWholeListsAfterPaint();
      return () => {
        accountListeners.delete(subscription);
      };
    },
  } satisfies RendererApi;
}

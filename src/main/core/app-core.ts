/**
 * Rolecall's core services: state, instances and sign-in, and the handler of every request.
 *
 * It runs under plain Node; the Electron main process and the browser-preview host both create one and
 * serve it over their transport. Collaborators (effects, files, keychain, SDK clients, clock) come in as
 * arguments.
 */
import type { AccountsUpdate } from '../../shared/accounts';
import type { Unsubscribe } from '../../shared/ipc-contract';
import type { AppInfo, AppSnapshot } from '../../shared/snapshot';
import type { Effects } from '../effects/effects';
import type { RequestHandlers } from '../ipc/dispatch';
import { resolveAwsPaths, type Env } from './aws-files/aws-paths';
import { createConsoleWindowOpener, createExternalOpener } from './external-opener';
import { profileHandlers } from './handlers/profile-handlers';
import { emptyPersistedState } from './persistence/persisted-state';
import { createActionService } from './actions/action-service';
import type { FetchFunction } from './actions/console-url';
import { accountHandlers } from './handlers/account-handlers';
import { actionHandlers } from './handlers/action-handlers';
import { generalHandlers } from './handlers/general-handlers';
import { instanceHandlers } from './handlers/instance-handlers';
import { buildTrayMenu } from './tray/tray-menu';
import { createInstanceService } from './instances/instance-service';
import type { Logger } from './logger';
import { createNotices } from './notices';
import { createDesktopNotifier } from './notify/desktop-notifier';
import type { WarningClock } from './notify/warning-timer';
import type { SecretVault } from './persistence/secret-vault';
import type { StateFile } from './persistence/state-file';
import { openStateRepository } from './persistence/state-repository';
import { abortableSleep } from './sign-in/device-flow';
import { createSdkClientFactory, type ClientFactory } from './sign-in/sdk-clients';
import { createNetworkFetch } from './network/aws-http';
import { findInstalledBrowsers, type CatalogMachine, type InstalledBrowser } from './browsers/browser-catalog';
import { nodeCatalogFs } from './browsers/start-program';
import { browserHandlers } from './handlers/browser-handlers';
import { loadNetworkSettings } from './network/network-settings';
import { createServingService } from './serving/serving-service';
import { createSnapshotStore } from './snapshot-store';
import { UserFacingError } from './user-facing-error';

export { DOCUMENTATION_URL } from './handlers/general-handlers';

/** What the core needs from its host. */
export interface AppCoreDeps {
  readonly appInfo: AppInfo;
  readonly effects: Effects;
  readonly logger: Logger;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** The environment (HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL_*...), passed in, never read globally. */
  readonly env: Env;
  /** `os.homedir()`, used when the environment names no home. */
  readonly homedir: string;
  /** Where to look for browsers (tests); default this machine. */
  readonly browserMachine?: CatalogMachine;
  readonly stateFile: StateFile;
  readonly vault: SecretVault;
  /** Origins of a local Identity Center emulator that may be opened over http. */
  readonly loopbackOrigins?: readonly string[];
  /** SDK clients per region; by default the real clients with endpoints from `env`. */
  readonly clients?: ClientFactory;
  /** Refresh this long before expiry (default 15 minutes, as the AWS CLI). */
  readonly refreshLeadMs?: number;
  /** How often to look for terminal sign-ins and sign-outs (default 2 s). */
  readonly watchIntervalMs?: number;
  /** The HTTP client for the console sign-in endpoint (default: the global fetch). */
  readonly fetch?: FetchFunction;
  /** How long copied credentials stay on the clipboard (default 60 s). */
  readonly clipboardClearMs?: number;
  /** Timers for the expiry warnings (default: Node's, unref'd, on `now`). */
  readonly warningClock?: WarningClock;
}

/** The running core: handlers for the transports, and the snapshot stream. */
export interface AppCore {
  readonly handlers: RequestHandlers;
  getSnapshot(): AppSnapshot;
  subscribe(listener: (snapshot: AppSnapshot) => void): Unsubscribe;
  /** Every change to any instance's account list. */
  subscribeAccounts(listener: (update: AccountsUpdate) => void): Unsubscribe;
  /** Every instance's current account list. */
  currentAccounts(): AccountsUpdate[];
  /** Stops every device sign-in in progress: nobody is left to see the code. */
  windowsClosed(): void;
  /** Shows a warning among the window's notices (the desktop shell's own failures). */
  warn(message: string): void;
  dispose(): void;
}

/** Creates the core: loads the persisted state and reads every instance's token. */
export async function createAppCore(deps: AppCoreDeps): Promise<AppCore> {
  const store = createSnapshotStore({
    app: deps.appInfo,
    instances: [],
    discovered: [],
    keychainAvailable: deps.vault.available,
    settings: emptyPersistedState.settings,
    activeProfile: null,
    served: [],
    notices: [],
  });
  const accountListeners = new Set<(update: AccountsUpdate) => void>();
  const notices = createNotices(store, deps.now);
  // Looked for again when the window lists them; opening a page uses the last list.
  let installedBrowsers: Promise<readonly InstalledBrowser[]> | undefined;
  const rescanBrowsers = (): Promise<readonly InstalledBrowser[]> => {
    installedBrowsers = findInstalledBrowsers(deps.browserMachine ?? { platform: process.platform, env: deps.env, homedir: deps.homedir, fs: nodeCatalogFs });
    return installedBrowsers;
  };
  const openExternal = createExternalOpener(deps.effects, deps.logger, deps.loopbackOrigins ?? [], () => installedBrowsers ?? rescanBrowsers());
  const state = await openStateRepository(deps.stateFile, (message) => notices.add('error', message));
  store.update((s) => ({ ...s, settings: state.get().settings }));
  const paths = resolveAwsPaths({ env: deps.env, homedir: deps.homedir });
  // The proxy variables and the CA bundle, read once at start as the AWS CLI reads them per command.
  const network = await loadNetworkSettings(deps.env, paths.configFile);
  const clients = deps.clients ?? createSdkClientFactory(deps.env, network);
  // The actions are created after the instances they act on; a sign-out reaches them through this.
  const signedOut: { forget: (instanceId: string) => void } = { forget: () => {} };
  const instances = createInstanceService({
    state,
    notices,
    logger: deps.logger,
    paths,
    vault: deps.vault,
    clients,
    now: deps.now,
    sleep: abortableSleep,
    openExternal,
    refreshLeadMs: deps.refreshLeadMs ?? 15 * 60_000,
    watchIntervalMs: deps.watchIntervalMs ?? 2000,
    onChange: () => store.update((s) => ({ ...s, instances: instances.summaries(), discovered: instances.discovered() })),
    onAccounts: (update) => accountListeners.forEach((listener) => listener(update)),
    onSignedOut: (instanceId) => signedOut.forget(instanceId),
  });
  await instances.start();
  const clock = deps.warningClock ?? nodeWarningClock(deps.now);
  const notifier = createDesktopNotifier({
    store,
    notices,
    effects: deps.effects,
    clock,
    accounts: (instanceId) => instances.accounts(instanceId).current().accounts,
    signIn: (instanceId) => {
      // A click on a notification of an instance removed since does nothing.
      if (state.get().instances.some((i) => i.id === instanceId)) void instances.signIn(instanceId);
    },
  });
  const actions = createActionService({
    instances,
    instance: (id) => {
      const found = state.get().instances.find((i) => i.id === id);
      if (found === undefined) throw new UserFacingError('That Identity Center instance no longer exists.');
      return found;
    },
    clients,
    effects: deps.effects,
    openExternal,
    openConsoleWindow: createConsoleWindowOpener(deps.effects, deps.logger, deps.loopbackOrigins ?? []),
    notices,
    fetch: deps.fetch ?? createNetworkFetch(network),
    now: deps.now,
    signinEndpointOverride: deps.env['ROLECALL_SIGNIN_ENDPOINT'],
    settings: () => {
      const { clipboardClearSeconds, consoleSessionSeconds } = state.get().settings;
      return { clipboardClearMs: deps.clipboardClearMs ?? clipboardClearSeconds * 1000, consoleSessionSeconds };
    },
    onCredentialsCopied: (copy) => notifier.credentialsCopied(copy),
  });
  const serving = createServingService({
    actions,
    store,
    notices,
    credentialsFile: paths.credentialsFile,
    clock,
    instances: () => instances.summaries().map((i) => ({ id: i.id, sessionName: i.sessionName, signedIn: i.status.kind === 'signedIn' })),
  });
  const sessionNameOf = (instanceId: string): string | undefined => state.get().instances.find((i) => i.id === instanceId)?.sessionName;
  signedOut.forget = (instanceId) => {
    actions.forget(instanceId);
    const sessionName = sessionNameOf(instanceId);
    if (sessionName !== undefined) void serving.instanceGone(instanceId, sessionName, `You signed out of ${sessionName}`).catch(() => undefined);
  };

  const currentAccounts = (): AccountsUpdate[] => state.get().instances.map((i) => instances.accounts(i.id).current());
  const instanceRequests = instanceHandlers({ instances, notices, effects: deps.effects, openExternal });
  const profiles = profileHandlers({ instances, state, store, notices, effects: deps.effects, paths, now: deps.now });
  const handlers: RequestHandlers = {
    ...generalHandlers({ store, notices, effects: deps.effects, openExternal, appInfo: deps.appInfo }),
    ...instanceRequests,
    ...browserHandlers({ instances, notices, effects: deps.effects, rescan: rescanBrowsers }),
    ...accountHandlers({ instances, state, store }),
    ...actionHandlers({ actions, instances, state, store }),
    ...profiles.handlers,
    setDesktopSettings: async ({ quickSwitcherShortcut, ...rest }) => {
      const { quickSwitcherShortcut: _old, ...settings } = state.get().settings;
      const shortcut = quickSwitcherShortcut === undefined ? _old : (quickSwitcherShortcut ?? undefined);
      await state.update((s) => ({ ...s, settings: { ...settings, ...rest, ...(shortcut !== undefined && { quickSwitcherShortcut: shortcut }) } }));
      store.update((s) => ({ ...s, settings: state.get().settings }));
      return null;
    },
    ...serving.handlers,
    removeInstance: async (ref) => {
      const sessionName = sessionNameOf(ref.id);
      if (sessionName !== undefined) await serving.instanceGone(ref.id, sessionName, `You removed ${sessionName}`);
      return instanceRequests.removeInstance(ref);
    },
    getTrayMenu: () => Promise.resolve(buildTrayMenu({ snapshot: store.get(), accounts: currentAccounts(), now: deps.now() })),
  };
  await profiles.checkActive();
  await serving.reconcile();
  const activeWatch = setInterval(() => {
    void profiles.checkActive().catch(() => undefined);
    void serving.reconcile().catch(() => undefined);
  }, deps.watchIntervalMs ?? 2000);
  activeWatch.unref();
  return {
    handlers,
    getSnapshot: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
    currentAccounts,
    subscribeAccounts: (listener) => {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
    windowsClosed: () => instances.cancelSignIns(),
    warn: (message) => notices.add('error', message),
    dispose: () => {
      clearInterval(activeWatch);
      notifier.dispose();
      void serving.dispose();
      instances.dispose();
    },
  };
}

/** Node's timers on the core's clock, unref'd so a pending warning never keeps the process alive. */
function nodeWarningClock(now: () => number): WarningClock {
  return {
    now,
    setTimer(run, ms) {
      const timer = setTimeout(run, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}

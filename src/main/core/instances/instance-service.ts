/**
 * The Identity Center instances: added, imported, removed and persisted, each with its sign-in
 * controller, and summarised into the snapshot.
 */
import type { AccountsUpdate } from '../../../shared/accounts';
import type { BrowserChoice } from '../../../shared/browser-choice';
import type { AddInstanceResult } from '../../../shared/ipc-contract';
import type { InstanceInput } from '../../../shared/instance-input';
import type { DiscoveredSession, InstanceSummary, SignInMethod, SignInStatus } from '../../../shared/snapshot';
import { ssoTokenFileName, type AwsPaths } from '../aws-files/aws-paths';
import type { ExternalOpener } from '../external-opener';
import type { Logger } from '../logger';
import type { Notices } from '../notices';
import type { PersistedInstance } from '../persistence/persisted-state';
import type { SecretVault } from '../persistence/secret-vault';
import type { StateRepository } from '../persistence/state-repository';
import { UserFacingError } from '../user-facing-error';
import { registrationFilePath } from '../sign-in/registration';
import type { ClientFactory } from '../sign-in/sdk-clients';
import { createSessionController, type SessionController } from '../sign-in/session-controller';
import { createCliTokenStore, createKeychainTokenStore, type TokenStore } from '../sign-in/token-store';
import { createInstanceAccounts, initialDiscoveryStatus, type InstanceAccounts } from '../accounts/instance-accounts';
import { discoverSessions, writeSessionSection } from './config-sessions';
import { admitInstance } from './instance-admission';
import path from 'node:path';

/** What the service needs from the app. */
export interface InstanceServiceDeps {
  readonly state: StateRepository;
  readonly notices: Notices;
  readonly logger: Logger;
  readonly paths: AwsPaths;
  readonly vault: SecretVault;
  readonly clients: ClientFactory;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly openExternal: ExternalOpener;
  readonly refreshLeadMs: number;
  readonly watchIntervalMs: number;
  /** Called whenever instances, statuses or offers change. */
  readonly onChange: () => void;
  /** Called whenever an instance's account list changes. */
  readonly onAccounts: (update: AccountsUpdate) => void;
  /** Called when an instance's sign-in ends, so its cached role credentials are dropped. */
  readonly onSignedOut: (instanceId: string) => void;
}

/** The instances and their sign-ins. */
export interface InstanceService {
  start(): Promise<void>;
  add(input: InstanceInput): Promise<AddInstanceResult>;
  importDiscovered(sessionName: string): Promise<AddInstanceResult>;
  remove(id: string): Promise<void>;
  controller(id: string): SessionController;
  /** Starts the instance's sign-in with its own method (PKCE unless the person chose the device code). */
  signIn(id: string): Promise<void>;
  /** Keeps how the instance signs in from now on. */
  setSignInMethod(id: string, method: SignInMethod): Promise<void>;
  /** Chooses which browser opens the instance's pages from now on; kept with the instance. */
  setBrowser(id: string, browser: BrowserChoice): Promise<void>;
  /** The browser the instance opens pages in. */
  browserOf(id: string): BrowserChoice;
  accounts(id: string): InstanceAccounts;
  summaries(): InstanceSummary[];
  discovered(): readonly DiscoveredSession[];
  /** Stops every sign-in in progress (the window was closed). */
  cancelSignIns(): void;
  dispose(): void;
}

const GONE = 'That Identity Center instance no longer exists.';

/** How an instance signs in; instances saved before the choice existed sign in with PKCE. */
export function signInMethodOf(instance: PersistedInstance): SignInMethod {
  return instance.signInMethod ?? 'pkce';
}

/** The browser an instance opens pages in; instances that never chose one use the system default. */
function browserOfInstance(instance: PersistedInstance | undefined): BrowserChoice {
  return instance?.browser ?? { kind: 'system' };
}

/** Creates the service; `start()` loads the persisted instances and reads their tokens. */
export function createInstanceService(deps: InstanceServiceDeps): InstanceService {
  const controllers = new Map<string, SessionController>();
  const accountsById = new Map<string, InstanceAccounts>();
  const statuses = new Map<string, SignInStatus>();
  let offers: readonly DiscoveredSession[] = [];
  const browserOf = (id: string): BrowserChoice => browserOfInstance(deps.state.get().instances.find((i) => i.id === id));
  /** Keeps a change to one instance's settings, and says so in the snapshot. */
  const updateInstance = async (id: string, change: Partial<Pick<PersistedInstance, 'signInMethod' | 'browser'>>): Promise<void> => {
    if (!deps.state.get().instances.some((i) => i.id === id)) throw new UserFacingError(GONE);
    await deps.state.update((s) => ({ ...s, instances: s.instances.map((i) => (i.id === id ? { ...i, ...change } : i)) }));
    deps.onChange();
  };

  const tokenStoreFor = (instance: PersistedInstance): TokenStore =>
    instance.tokenStorage === 'keychain'
      ? createKeychainTokenStore(instance.id, deps.vault, deps.state)
      : createCliTokenStore(
          path.join(deps.paths.ssoCacheDir, ssoTokenFileName(instance.sessionName)),
          registrationFilePath(deps.paths.ssoCacheDir, instance),
          () => (deps.state.get().settings.profileStyle === 'legacy' ? [path.join(deps.paths.ssoCacheDir, ssoTokenFileName(instance.startUrl))] : []),
        );

  const launch = async (instance: PersistedInstance): Promise<void> => {
    const clients = deps.clients(instance.region);
    // The controller and the account list refer to each other; the list is created second.
    const linked: { accounts?: InstanceAccounts } = {};
    const controller = createSessionController({
      instance,
      store: tokenStoreFor(instance),
      oidc: clients.oidc,
      oidcBaseUrl: clients.oidcBaseUrl,
      portal: clients.portal,
      logger: deps.logger,
      now: deps.now,
      sleep: deps.sleep,
      // The browser is read at each opening, so a change of browser applies to the next page.
      openVerificationPage: (url) => deps.openExternal(url, browserOf(instance.id)), // eng-disable OPEN_EXTERNAL_JS_CHECK: deps.openExternal is the allowlist-checked ExternalOpener; the page came from AWS's sign-in
      onStatus: (status) => {
        const wasSignedIn = statuses.get(instance.id)?.kind === 'signedIn';
        statuses.set(instance.id, status);
        // A new sign-in (not a token refresh) lists the accounts again, behind the cached list.
        if (status.kind === 'signedIn' && !wasSignedIn) linked.accounts?.refresh();
        if (status.kind === 'signedOut') linked.accounts?.cancel();
        deps.onChange();
      },
      onSignedIn: (fromTerminal) => onSignedIn(instance, fromTerminal),
      onSignedOut: () => deps.onSignedOut(instance.id),
      refreshLeadMs: deps.refreshLeadMs,
      watchIntervalMs: deps.watchIntervalMs,
    });
    const accounts = createInstanceAccounts({
      instanceId: instance.id,
      state: deps.state,
      portal: clients.discoveryPortal,
      logger: deps.logger,
      now: deps.now,
      accessToken: () => controller.accessToken(),
      onSessionEnded: () => controller.sessionEnded(),
      onChange: (update) => {
        deps.onAccounts(update);
        deps.onChange();
      },
    });
    linked.accounts = accounts;
    controllers.set(instance.id, controller);
    accountsById.set(instance.id, accounts);
    await controller.start();
  };

  const onSignedIn = (instance: PersistedInstance, fromTerminal: boolean): void => {
    deps.notices.add('success', fromTerminal ? `Signed in to ${instance.sessionName} from a terminal.` : `Signed in to ${instance.sessionName}.`);
    if (instance.tokenStorage === 'aws-cli') void shareWithCli(instance);
  };

  const shareWithCli = async (instance: PersistedInstance): Promise<void> => {
    const written = await writeSessionSection(deps.paths.configFile, instance);
    if (!written.ok) {
      deps.notices.add('error', `Rolecall could not add [sso-session ${instance.sessionName}] to ${deps.paths.configFile}: ${written.reason} The AWS CLI will not find this sign-in until the file is fixed.`);
    }
  };

  const refreshOffers = async (): Promise<void> => {
    offers = await discoverSessions(deps.paths.configFile, deps.state.get().instances);
    deps.onChange();
  };

  const add = async (input: InstanceInput): Promise<AddInstanceResult> => {
    const admission = await admitInstance(input, deps.state.get().instances, deps.paths.configFile);
    if (admission.kind === 'invalid') return admission;
    const { instance } = admission;
    await deps.state.update((s) => ({ ...s, instances: [...s.instances, instance] }));
    if (instance.tokenStorage === 'aws-cli') await shareWithCli(instance);
    await launch(instance);
    await refreshOffers();
    return { kind: 'added', id: instance.id };
  };

  return {
    async start() {
      await Promise.all(deps.state.get().instances.map(launch));
      await refreshOffers();
    },
    add,
    async importDiscovered(sessionName) {
      const offer = offers.find((o) => o.sessionName === sessionName);
      if (offer === undefined) throw new UserFacingError('That session is no longer offered. Add it by hand instead.');
      return add({ sessionName: offer.sessionName, startUrl: offer.startUrl, region: offer.region, tokenStorage: 'aws-cli' });
    },
    async remove(id) {
      controllers.get(id)?.dispose();
      accountsById.get(id)?.dispose();
      controllers.delete(id);
      accountsById.delete(id);
      statuses.delete(id);
      await deps.state.update((s) => {
        const { [id]: _sealed, ...sealed } = s.sealed;
        const { [id]: _cache, ...accountCache } = s.accountCache;
        const { [id]: _prefs, ...accountPrefs } = s.accountPrefs;
        return { ...s, instances: s.instances.filter((i) => i.id !== id), sealed, accountCache, accountPrefs };
      });
      await refreshOffers();
    },
    controller(id) {
      const controller = controllers.get(id);
      if (controller === undefined) throw new UserFacingError(GONE);
      return controller;
    },
    signIn(id) {
      const controller = controllers.get(id);
      const instance = deps.state.get().instances.find((i) => i.id === id);
      if (controller === undefined || instance === undefined) throw new UserFacingError(GONE);
      // Read at each sign-in: the controller's own copy of the instance predates any change of method.
      return controller.signIn(signInMethodOf(instance));
    },
    browserOf,
    setBrowser: (id, browser) => updateInstance(id, { browser }),
    setSignInMethod: (id, method) => updateInstance(id, { signInMethod: method }),
    accounts(id) {
      const accounts = accountsById.get(id);
      if (accounts === undefined) throw new UserFacingError(GONE);
      return accounts;
    },
    summaries: () =>
      deps.state.get().instances.map((i) => ({
        id: i.id,
        sessionName: i.sessionName,
        startUrl: i.startUrl,
        region: i.region,
        tokenStorage: i.tokenStorage,
        signInMethod: signInMethodOf(i),
        browser: browserOfInstance(i),
        status: statuses.get(i.id) ?? { kind: 'checking' },
        memoryOnly: i.tokenStorage === 'keychain' && !deps.vault.available,
        discovery: accountsById.get(i.id)?.status() ?? initialDiscoveryStatus(undefined),
      })),
    discovered: () => offers,
    cancelSignIns() {
      for (const controller of controllers.values()) controller.cancelSignIn();
    },
    dispose() {
      for (const controller of controllers.values()) controller.dispose();
      for (const accounts of accountsById.values()) accounts.dispose();
    },
  };
}

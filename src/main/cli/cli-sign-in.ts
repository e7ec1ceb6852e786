/**
 * An instance's sign-in for one command: the app's own session controller over the AWS CLI's token
 * files, so a token is read, refreshed and written exactly as the desktop app does it.
 */
import { silentLogger } from '../core/logger';
import type { PersistedInstance, PersistedState } from '../core/persistence/persisted-state';
import { abortableSleep } from '../core/sign-in/device-flow';
import { registrationFilePath } from '../core/sign-in/registration';
import { createSdkClientFactory, type RegionClients } from '../core/sign-in/sdk-clients';
import { createSessionController, type SessionController } from '../core/sign-in/session-controller';
import { createCliTokenStore } from '../core/sign-in/token-store';
import type { SignInStatus } from '../../shared/snapshot';
import { clearCachedCredentials } from '../core/terminal/credential-file-cache';
import { awsPathsOf, dataDirOf, networkOf, tokenFileOf, type CliContext } from './cli-context';
import { CliError, EXIT } from './cli-errors';
import { loginCommand } from './cli-state';

/** A started sign-in controller and the SDK clients of its region; `dispose()` when done. */
export interface CliSession {
  readonly controller: SessionController;
  readonly clients: RegionClients;
  /** The latest status the controller reported. */
  status(): SignInStatus;
  dispose(): void;
}

/** What to do while a device sign-in runs. */
export interface SessionHooks {
  readonly onStatus?: (status: SignInStatus) => void;
  readonly openVerificationPage?: (url: string) => Promise<void>;
}

/**
 * Creates and starts the controller of an instance's sign-in: reads its token, refreshing it first if
 * it has expired. Keychain-mode instances are refused: their secrets are sealed by the desktop app's
 * OS keychain access, which a plain Node process does not have.
 */
export async function openSession(context: CliContext, instance: PersistedInstance, hooks: SessionHooks = {}): Promise<CliSession> {
  if (instance.tokenStorage === 'keychain') {
    throw new CliError(
      `${instance.sessionName} keeps its sign-in in the desktop app’s keychain, which the command line cannot read. Use the app, or add the instance again with the AWS CLI’s token files.`,
      EXIT.failed,
    );
  }
  const paths = awsPathsOf(context);
  const clients = createSdkClientFactory(context.env, await networkOf(context))(instance.region);
  let status: SignInStatus = { kind: 'checking' };
  const controller = createSessionController({
    instance,
    store: createCliTokenStore(tokenFileOf(context, instance), registrationFilePath(paths.ssoCacheDir, instance)),
    oidc: clients.oidc,
    oidcBaseUrl: clients.oidcBaseUrl,
    portal: clients.portal,
    logger: silentLogger,
    now: context.now,
    sleep: abortableSleep,
    openVerificationPage: hooks.openVerificationPage ?? (() => Promise.resolve()),
    onStatus: (next) => {
      status = next;
      hooks.onStatus?.(next);
    },
    onSignedIn: () => {},
    onSignedOut: () => {},
    refreshLeadMs: 15 * 60_000,
    // A command is over long before this would fire; the timer does not keep the process alive.
    watchIntervalMs: 60 * 60_000,
  });
  await controller.start();
  const dispose = (): void => {
    controller.dispose();
    clients.oidc.destroy();
    clients.portal.destroy();
    clients.discoveryPortal.destroy();
  };
  return { controller, clients, status: () => status, dispose };
}

/**
 * The access token of a signed-in instance, refreshed if it had expired; otherwise a `CliError` that
 * names the command to run (and the instance's cached role credentials are dropped).
 */
export async function requireAccessToken(context: CliContext, state: PersistedState, session: CliSession, instance: PersistedInstance): Promise<string> {
  const token = session.controller.accessToken();
  const status = session.status();
  if (token !== null && status.kind === 'signedIn') return token;
  await clearCachedCredentials(dataDirOf(context), instance.id);
  const reason = status.kind === 'signedOut' && status.message !== undefined ? `${status.message.replace(/ Sign in again.*$/, '')} ` : '';
  throw new CliError(`${reason}Not signed in to ${instance.sessionName}. Run: ${loginCommand(state, instance)}`, EXIT.failed);
}

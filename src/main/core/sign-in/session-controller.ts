/**
 * One Identity Center instance's sign-in: PKCE or device-code sign-in, silent refresh before expiry, adopting
 * what the AWS CLI did in a terminal, session end and sign-out.
 *
 * It owns the instance's timers, so it is an object with a lifecycle (`start`, `dispose`).
 */
import { LogoutCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SignInStatus } from '../../../shared/snapshot';
import type { SsoTokenFile } from '../aws-files/sso-token-file';
import type { Logger } from '../logger';
import type { PersistedInstance } from '../persistence/persisted-state';
import { runDeviceFlow, type DeviceFlowOutcome } from './device-flow';
import { PKCE_TIMEOUT_MS, runPkceFlow, type PkceFlowOutcome } from './pkce-flow';
import { wholeSeconds, type TokenGrant } from './oidc-calls';
import { createRefresher, type Refresher } from './refresher';
import type { Registration } from './registration';
import {
  messageForEnding,
  SIGNED_OUT_IN_TERMINAL_MESSAGE,
  SIGNED_OUT_MESSAGE,
  unreadableTokenMessage,
} from './sign-in-messages';
import type { TokenStore } from './token-store';

/** What a controller needs from the app. */
export interface SessionControllerDeps {
  readonly instance: PersistedInstance;
  readonly store: TokenStore;
  readonly oidc: SSOOIDCClient;
  /** The OIDC endpoint's base URL, for the PKCE `/authorize` page. */
  readonly oidcBaseUrl: string;
  readonly portal: SSOClient;
  readonly logger: Logger;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Opens the verification (device) or authorization (PKCE) page through the allowlisted opener. */
  readonly openVerificationPage: (url: string) => Promise<void>;
  readonly onStatus: (status: SignInStatus) => void;
  readonly onSignedIn: (fromTerminal: boolean) => void;
  /** Called when the sign-in ends for any reason, so cached role credentials can be dropped. */
  readonly onSignedOut: () => void;
  readonly refreshLeadMs: number;
  readonly watchIntervalMs: number;
}

/** The controller of one instance's sign-in. */
export interface SessionController {
  start(): Promise<void>;
  /** Signs in with the device code (the default) or with PKCE in the browser. */
  signIn(grant?: SignInGrant): Promise<void>;
  cancelSignIn(): void;
  signOut(): Promise<void>;
  /** The portal said 401: the session is over (no browser is opened). */
  sessionEnded(): void;
  /** The current access token, for portal calls in main; `null` when signed out. */
  accessToken(): string | null;
  /** The verification page of the sign-in in progress, to open again. */
  verificationPage(): string | null;
  status(): SignInStatus;
  dispose(): void;
}

/** How a sign-in asks for consent: a code the person confirms, or the browser coming back to 127.0.0.1. */
export type SignInGrant = 'device' | 'pkce';

/** Creates the controller; call `start()` to read the stored token and begin watching. */
export function createSessionController(deps: SessionControllerDeps): SessionController {
  let status: SignInStatus = { kind: 'checking' };
  let current: SsoTokenFile | null = null;
  let flow: { abort: AbortController; page: string | null } | null = null;
  let watchTimer: ReturnType<typeof setInterval> | undefined;
  // Bumped by every sign-in, sign-out and adoption: a file read that began before one of them is stale.
  let generation = 0;

  const setStatus = (next: SignInStatus): void => {
    status = next;
    deps.onStatus(next);
  };
  const signedOut = (message?: string): void => {
    generation += 1;
    const wasSignedIn = current !== null;
    current = null;
    refresher.cancel();
    if (wasSignedIn) deps.onSignedOut();
    setStatus(message === undefined ? { kind: 'signedOut' } : { kind: 'signedOut', message });
  };
  const adopt = (token: SsoTokenFile): void => {
    generation += 1;
    current = token;
    setStatus({ kind: 'signedIn', expiresAt: token.expiresAt.getTime(), ...endsFor(token) });
    refresher.schedule(token);
  };
  const refresher: Refresher = createRefresher({
    store: deps.store,
    oidc: deps.oidc,
    logger: deps.logger,
    now: deps.now,
    refreshLeadMs: deps.refreshLeadMs,
    current: () => current,
    onRefreshed: adopt,
    onEnded: signedOut,
  });

  const watchTerminal = async (): Promise<void> => {
    if (flow !== null || status.kind === 'checking') return;
    const readAt = generation;
    const read = await deps.store.readToken();
    // Signed out, signed in or refreshed here while the file was read: what was read may be the old token.
    if (readAt !== generation || flow !== null) return;
    if (read.kind === 'missing' && current !== null) {
      signedOut(SIGNED_OUT_IN_TERMINAL_MESSAGE);
    } else if (read.kind === 'ok' && read.token.accessToken !== current?.accessToken && read.token.expiresAt.getTime() > deps.now()) {
      const fromTerminal = current === null;
      adopt(read.token);
      if (fromTerminal) deps.onSignedIn(true);
    }
  };

  const finishFlow = async (outcome: DeviceFlowOutcome | PkceFlowOutcome): Promise<void> => {
    if (outcome.kind !== 'approved') {
      const minutes = Math.max(1, Math.round((deps.now() - startedAt) / 60_000));
      signedOut(messageForEnding(outcome, deps.instance.region, minutes));
      return;
    }
    const token = tokenFrom(deps.instance, outcome.grant, outcome.registration);
    await deps.store.writeToken(token);
    adopt(token);
    deps.onSignedIn(false);
  };
  let startedAt = 0;

  const runDevice = (signal: AbortSignal): Promise<DeviceFlowOutcome> =>
    runDeviceFlow(
      { client: deps.oidc, now: deps.now, sleep: deps.sleep, loadRegistration: () => deps.store.readRegistration(), saveRegistration: (r) => deps.store.writeRegistration(r) },
      deps.instance,
      signal,
      (authorization) => {
        if (flow !== null) flow.page = authorization.verificationUriComplete;
        startedAt = deps.now();
        const { userCode, verificationUri, expiresAt } = authorization;
        setStatus({ kind: 'awaitingApproval', userCode, verificationUri, expiresAt });
        deps.openVerificationPage(authorization.verificationUriComplete).catch(() => {
          deps.logger.warn('could not open the verification page', { instance: deps.instance.sessionName });
        });
      },
    );
  const runPkce = (signal: AbortSignal): Promise<PkceFlowOutcome> =>
    runPkceFlow(
      {
        client: deps.oidc,
        oidcBaseUrl: deps.oidcBaseUrl,
        now: deps.now,
        loadRegistration: () => deps.store.readRegistration(),
        saveRegistration: (r) => deps.store.writeRegistration(r),
        openBrowser: (url) => deps.openVerificationPage(url),
      },
      deps.instance,
      signal,
      (authorizeUrl) => {
        if (flow !== null) flow.page = authorizeUrl;
        startedAt = deps.now();
        setStatus({ kind: 'awaitingBrowser', expiresAt: startedAt + PKCE_TIMEOUT_MS });
      },
    );

  return {
    async start() {
      const read = await deps.store.readToken();
      if (read.kind === 'ok') {
        current = read.token;
        if (read.token.expiresAt.getTime() > deps.now()) adopt(read.token);
        else await refresher.refreshNow();
      } else {
        signedOut(read.kind === 'invalid' ? unreadableTokenMessage(read.reason) : undefined);
      }
      if (deps.store.sharedWithCli) {
        watchTimer = setInterval(() => void watchTerminal().catch(() => {}), deps.watchIntervalMs);
        watchTimer.unref();
      }
    },
    async signIn(grant = 'device') {
      if (flow !== null) return;
      generation += 1;
      const abort = new AbortController();
      flow = { abort, page: null };
      startedAt = deps.now();
      setStatus({ kind: 'checking' });
      const outcome = grant === 'pkce' ? await runPkce(abort.signal) : await runDevice(abort.signal);
      flow = null;
      await finishFlow(outcome);
    },
    cancelSignIn() {
      flow?.abort.abort();
    },
    async signOut() {
      generation += 1;
      flow?.abort.abort();
      const token = current;
      if (token !== null) {
        // The CLI ignores a failed Logout too: the local sign-out must happen either way.
        await deps.portal.send(new LogoutCommand({ accessToken: token.accessToken })).catch(() => undefined);
      }
      await deps.store.deleteToken();
      signedOut(SIGNED_OUT_MESSAGE);
    },
    sessionEnded: () => refresher.sessionEnded(),
    accessToken: () => current?.accessToken ?? null,
    verificationPage: () => flow?.page ?? null,
    status: () => status,
    dispose() {
      flow?.abort.abort();
      refresher.cancel();
      clearInterval(watchTimer);
    },
  };
}

function tokenFrom(instance: PersistedInstance, grant: TokenGrant, registration: Registration): SsoTokenFile {
  return {
    startUrl: instance.startUrl,
    region: instance.region,
    accessToken: grant.accessToken,
    expiresAt: wholeSeconds(grant.expiresAt),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(grant.refreshToken !== undefined && { refreshToken: grant.refreshToken }),
  };
}

/**
 * When refresh can no longer extend a sign-in: a token without a refresh token (or client) ends when it
 * expires; one with them, when the client registration does (or the token in hand, if it lasts longer). Identity Center does not tell a client its
 * session duration, so a session an administrator ends early is only known when refresh fails.
 */
export function endsFor(token: SsoTokenFile): { endsAt?: number } {
  if (token.refreshToken === undefined || token.clientId === undefined || token.clientSecret === undefined) return { endsAt: token.expiresAt.getTime() };
  if (token.registrationExpiresAt === undefined) return {};
  // The token in hand still works after the registration that could refresh it has ended.
  return { endsAt: Math.max(token.expiresAt.getTime(), token.registrationExpiresAt.getTime()) };
}

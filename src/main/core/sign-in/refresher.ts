/**
 * Keeps an access token fresh: refreshes it 15 minutes before expiry (as the AWS CLI does), first
 * adopting a newer token another tool wrote, and ends the sign-in when the session is truly over.
 */
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SsoTokenFile } from '../aws-files/sso-token-file';
import type { Logger } from '../logger';
import { createTokenFromRefreshToken, wholeSeconds } from './oidc-calls';
import { classifyAwsError } from './oidc-errors';
import { OFFLINE_EXPIRED_MESSAGE, SESSION_ENDED_MESSAGE, TOKEN_EXPIRED_MESSAGE } from './sign-in-messages';
import type { TokenStore } from './token-store';

/** How long to wait before trying a refresh again after a network or server failure. */
const RETRY_DELAY_MS = 30_000;
/** The shortest wait between getting a token and refreshing it (the AWS CLI also waits 60 s). */
const MIN_REFRESH_GAP_MS = 60_000;

/** What the refresher needs. */
export interface RefresherDeps {
  readonly store: TokenStore;
  readonly oidc: SSOOIDCClient;
  readonly logger: Logger;
  readonly now: () => number;
  readonly refreshLeadMs: number;
  readonly current: () => SsoTokenFile | null;
  readonly onRefreshed: (token: SsoTokenFile) => void;
  readonly onEnded: (message: string) => void;
}

/** Schedules and runs refreshes for one instance. */
export interface Refresher {
  schedule(token: SsoTokenFile): void;
  refreshNow(): Promise<void>;
  sessionEnded(): void;
  cancel(): void;
}

/** Creates a refresher. */
export function createRefresher(deps: RefresherDeps): Refresher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  const arm = (delayMs: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresher.refreshNow(), Math.max(0, delayMs));
    timer.unref();
  };

  const refresh = async (): Promise<void> => {
    const token = await latestToken(deps);
    if (token === null) return;
    if (token !== deps.current()) {
      // Another tool (the AWS CLI) already refreshed: use its token.
      deps.onRefreshed(token);
      return;
    }
    const { clientId, clientSecret, refreshToken } = token;
    if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) {
      if (token.expiresAt.getTime() <= deps.now()) deps.onEnded(TOKEN_EXPIRED_MESSAGE);
      else arm(token.expiresAt.getTime() - deps.now());
      return;
    }
    try {
      const grant = await createTokenFromRefreshToken(deps.oidc, { clientId, clientSecret, refreshToken }, deps.now);
      const { refreshToken: _old, ...rest } = token;
      const next: SsoTokenFile = {
        ...rest,
        accessToken: grant.accessToken,
        expiresAt: wholeSeconds(grant.expiresAt),
        // As the CLI does: the response's refresh token replaces the old one (rotation).
        ...(grant.refreshToken !== undefined && { refreshToken: grant.refreshToken }),
      };
      await deps.store.writeToken(next);
      deps.onRefreshed(next);
    } catch (error: unknown) {
      handleFailure(error, token);
    }
  };

  const handleFailure = (error: unknown, token: SsoTokenFile): void => {
    const failure = classifyAwsError(error);
    deps.logger.warn('token refresh failed', { failure });
    if (failure === 'invalid-grant' || failure === 'invalid-client' || failure === 'unauthorized') {
      deps.onEnded(SESSION_ENDED_MESSAGE);
    } else if (token.expiresAt.getTime() <= deps.now()) {
      deps.onEnded(OFFLINE_EXPIRED_MESSAGE);
    } else {
      arm(Math.min(RETRY_DELAY_MS, token.expiresAt.getTime() - deps.now()));
    }
  };

  const refresher: Refresher = {
    schedule(token) {
      // A token that lives shorter than the lead time would otherwise be refreshed in a tight loop.
      const left = token.expiresAt.getTime() - deps.now();
      arm(Math.max(left - deps.refreshLeadMs, Math.min(MIN_REFRESH_GAP_MS, left / 2)));
    },
    refreshNow() {
      running ??= refresh().finally(() => {
        running = null;
      });
      return running;
    },
    sessionEnded() {
      deps.onEnded(SESSION_ENDED_MESSAGE);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
  return refresher;
}

/**
 * The token to refresh from: the file's, when another tool wrote a newer one since; else ours.
 * `null` when the sign-in is gone.
 */
async function latestToken(deps: RefresherDeps): Promise<SsoTokenFile | null> {
  const current = deps.current();
  if (current === null) return null;
  const read = await deps.store.readToken();
  if (read.kind === 'ok' && read.token.accessToken !== current.accessToken && read.token.expiresAt >= current.expiresAt) {
    return read.token;
  }
  return current;
}

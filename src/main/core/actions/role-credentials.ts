/**
 * Role credentials from Identity Center (`GetRoleCredentials`), cached in memory per instance, account and
 * role until 5 minutes before they expire, with one request in flight per key.
 *
 * SECURITY: credentials live only in this process's memory: never written to disk, never logged, never
 * put into an error (errors carry the exception name and HTTP status only) and never sent to the renderer.
 */
import { GetRoleCredentialsCommand, type SSOClient } from '@aws-sdk/client-sso';
import { z } from 'zod';
import { classifyPortalError, type PortalFailure } from '../discovery/portal-errors';
import { UserFacingError } from '../user-facing-error';
import type { IssuedRoleCredentials } from './credentials';

/** Credentials are fetched again once they have less than this long to live (as the AWS CLI and SDKs do). */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Which role's credentials to get, with the access token of the instance's sign-in. */
export interface RoleCredentialsRequest {
  /** The Identity Center instance (sign-in) these credentials belong to; `clear(instanceId)` drops them. */
  readonly instanceId: string;
  readonly accessToken: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The account's name, for messages only. */
  readonly accountName?: string | undefined;
}

/** What the cache needs: the portal client of the instance's region and a wall clock (epoch ms). */
export interface RoleCredentialsCacheOptions {
  readonly portal: SSOClient;
  readonly now: () => number;
}

/** A per-process cache of role credentials. */
export interface RoleCredentialsCache {
  /**
   * Cached credentials while they have more than `minValidMs` left (default 5 minutes), else fresh ones
   * from the portal; a credential server or a rotated file asks for more, so what it hands on lasts.
   */
  get(request: RoleCredentialsRequest, minValidMs?: number): Promise<IssuedRoleCredentials>;
  /** Drops the credentials of one instance (its sign-out), or of every instance. */
  clear(instanceId?: string): void;
}

/**
 * Why credentials could not be had.
 *
 * `session-ended` (401) means sign in again; `no-access` (403) means this one role is gone while the
 * session is fine, so it must not end the session; `signed-out` means `clear` ran while the call was out.
 */
export type RoleCredentialsErrorKind = 'session-ended' | 'no-access' | 'throttled' | 'network' | 'signed-out' | 'failed';

/** A failed `get`, with a message for a person and the portal failure (name, status) for the log. */
export class RoleCredentialsError extends UserFacingError {
  constructor(
    readonly kind: RoleCredentialsErrorKind,
    message: string,
    readonly failure: PortalFailure | undefined,
  ) {
    super(message);
  }
}

interface Cached {
  readonly instanceId: string;
  readonly credentials: IssuedRoleCredentials;
}

interface InFlight {
  readonly instanceId: string;
  readonly promise: Promise<IssuedRoleCredentials>;
}

/**
 * Creates an empty cache.
 *
 * The key is instance + account + role, not the access token: a refreshed token does not make issued
 * credentials any less valid, and sign-out is what must drop them (`clear`).
 */
export function createRoleCredentialsCache(options: RoleCredentialsCacheOptions): RoleCredentialsCache {
  const { portal, now } = options;
  const cached = new Map<string, Cached>();
  const inFlight = new Map<string, InFlight>();

  function start(key: string, request: RoleCredentialsRequest): Promise<IssuedRoleCredentials> {
    const flight: { current?: InFlight } = {};
    const settle = (): boolean => {
      // Only the flight still registered may store or clear its key: after `clear` it was dropped.
      const mine = inFlight.get(key) === flight.current;
      if (mine) inFlight.delete(key);
      return mine;
    };
    const promise = fetchRoleCredentials(portal, request).then(
      (credentials) => {
        if (!settle()) throw signedOut();
        cached.set(key, { instanceId: request.instanceId, credentials });
        return credentials;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    flight.current = { instanceId: request.instanceId, promise };
    inFlight.set(key, flight.current);
    return promise;
  }

  return {
    get(request, minValidMs = REFRESH_MARGIN_MS) {
      const key = JSON.stringify([request.instanceId, request.accountId, request.roleName]);
      const hit = cached.get(key);
      if (hit !== undefined && now() < hit.credentials.expiration - Math.max(minValidMs, REFRESH_MARGIN_MS)) {
        return Promise.resolve(hit.credentials);
      }
      cached.delete(key);
      return inFlight.get(key)?.promise ?? start(key, request);
    },
    clear(instanceId) {
      for (const map of [cached, inFlight]) {
        for (const [key, entry] of map) {
          if (instanceId === undefined || entry.instanceId === instanceId) map.delete(key);
        }
      }
    },
  };
}

const roleCredentialsSchema = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1),
  expiration: z.number().int().positive(),
});

async function fetchRoleCredentials(portal: SSOClient, request: RoleCredentialsRequest): Promise<IssuedRoleCredentials> {
  const { accessToken, accountId, roleName } = request;
  let output: unknown;
  try {
    output = (await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }))).roleCredentials;
  } catch (error) {
    throw roleCredentialsError(classifyPortalError(error), request);
  }
  const parsed = roleCredentialsSchema.safeParse(output);
  if (!parsed.success) {
    throw new RoleCredentialsError('failed', couldNot(request), { kind: 'other', status: 200, name: 'InvalidResponse' });
  }
  return parsed.data;
}

/** Maps a portal failure to what the person should know; never the SDK's own message. */
function roleCredentialsError(failure: PortalFailure, request: RoleCredentialsRequest): RoleCredentialsError {
  switch (failure.kind) {
    case 'unauthorized':
      return new RoleCredentialsError('session-ended', 'Your IAM Identity Center session has ended. Sign in again.', failure);
    case 'forbidden':
      return new RoleCredentialsError(
        'no-access',
        `You no longer have access to ${request.roleName} in ${accountLabel(request)}. Refresh the account list, or ask your administrator for access.`,
        failure,
      );
    case 'throttled':
      return new RoleCredentialsError('throttled', 'AWS is limiting requests right now. Try again in a moment.', failure);
    case 'network':
      return new RoleCredentialsError('network', failure.settingsProblem ?? 'Could not reach IAM Identity Center. Check your connection and try again.', failure);
    case 'server-error':
    case 'not-found':
    case 'invalid-request':
    case 'aborted':
    case 'other':
      return new RoleCredentialsError('failed', couldNot(request), failure);
  }
}

function signedOut(): RoleCredentialsError {
  return new RoleCredentialsError('signed-out', 'You signed out before the credentials arrived. Sign in again to continue.', undefined);
}

function couldNot(request: RoleCredentialsRequest): string {
  return `Could not get credentials for ${request.roleName} in ${accountLabel(request)}. Try again.`;
}

function accountLabel(request: RoleCredentialsRequest): string {
  const name = request.accountName ?? '';
  return name === '' ? request.accountId : `${name} (${request.accountId})`;
}

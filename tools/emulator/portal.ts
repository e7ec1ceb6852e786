import type { EmulatorContext, RequestInfo } from './context';
import { portalError } from './errors';
import { emptyReply, jsonReply, type Reply } from './http-util';
import { newAccessKeyId, newSecretAccessKey, newSessionToken } from './ids';
import type { Account } from './org';
import { paginate } from './pagination';
import { endSession, liveAccessToken } from './sessions';
import { recordSecret, type AccessTokenRecord } from './state';

/** The portal's bearer header; note the underscore (reference §2.1). */
export const BEARER_HEADER = 'x-amz-sso_bearer_token';

/** Resolves the bearer token or answers 401 UnauthorizedException (unknown, expired or logged out). */
function authenticate(context: EmulatorContext, request: RequestInfo): AccessTokenRecord {
  const header = request.headers[BEARER_HEADER];
  const record = liveAccessToken(context, typeof header === 'string' ? header : undefined);
  if (!record) throw portalError('UnauthorizedException');
  return record;
}

function requiredParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null) throw portalError('InvalidRequestException', `${name} is required`);
  return value;
}

/** ListAccounts — `GET /assignment/accounts`. */
export function listAccounts(context: EmulatorContext, request: RequestInfo): Reply {
  authenticate(context, request);
  const page = paginate(context.pageTokenKey, 'accounts', context.org.accounts, request.url.searchParams);
  return jsonReply(200, {
    nextToken: page.nextToken,
    accountList: page.items.map(accountInfo),
  });
}

function accountInfo(account: Account): Record<string, string> {
  const info: Record<string, string> = { accountId: account.accountId };
  if (account.accountName !== undefined) info.accountName = account.accountName;
  if (account.emailAddress !== undefined) info.emailAddress = account.emailAddress;
  return info;
}

/** ListAccountRoles — `GET /assignment/roles`; an account the user is not assigned to is 404. */
export function listAccountRoles(context: EmulatorContext, request: RequestInfo): Reply {
  authenticate(context, request);
  const params = request.url.searchParams;
  const accountId = requiredParam(params, 'account_id');
  const account = context.org.byId.get(accountId);
  if (!account) throw portalError('ResourceNotFoundException', 'Account not found');
  const page = paginate(context.pageTokenKey, `roles:${accountId}`, account.roles, params);
  return jsonReply(200, {
    nextToken: page.nextToken,
    roleList: page.items.map((roleName) => ({ roleName, accountId })),
  });
}

/**
 * GetRoleCredentials — `GET /federation/credentials`.
 *
 * A role (or account) the user is not assigned answers 403 ForbiddenException "No access", which AWS
 * sends for a wrong `sso_role_name` or a stale assignment (reference §2.4) — not 401, since the token is fine.
 */
export function getRoleCredentials(context: EmulatorContext, request: RequestInfo): Reply {
  authenticate(context, request);
  const params = request.url.searchParams;
  const accountId = requiredParam(params, 'account_id');
  const roleName = requiredParam(params, 'role_name');
  const account = context.org.byId.get(accountId);
  if (!account || !account.roles.includes(roleName)) throw portalError('ForbiddenException', 'No access');
  const accessKeyId = newAccessKeyId();
  const expiresAt = context.clock.now() + context.config.roleCredentialsTtl * 1000;
  const record = {
    secretAccessKey: recordSecret(context.state, 'secretAccessKey', newSecretAccessKey()),
    sessionToken: recordSecret(context.state, 'sessionToken', newSessionToken()),
    accountId,
    roleName,
    expiresAt,
  };
  context.state.roleCredentials.set(accessKeyId, record);
  return jsonReply(200, {
    roleCredentials: {
      accessKeyId,
      secretAccessKey: record.secretAccessKey,
      sessionToken: record.sessionToken,
      expiration: expiresAt,
    },
  });
}

/**
 * Logout — `POST /logout`: ends the user's session at once, so every token issued in it dies.
 *
 * Role credentials already issued stay valid until they expire, as on AWS (reference §1.8).
 */
export function logout(context: EmulatorContext, request: RequestInfo): Reply {
  const record = authenticate(context, request);
  endSession(context, record.sessionId, 'logout');
  return emptyReply(200);
}

/**
 * Role credentials for a command: from the on-disk cache while they have 15 minutes left, else from
 * Identity Center through the app's role-credentials client, then cached on disk for the next command.
 */
import type { IssuedRoleCredentials } from '../core/actions/credentials';
import { createRoleCredentialsCache, RoleCredentialsError } from '../core/actions/role-credentials';
import type { PersistedState } from '../core/persistence/persisted-state';
import { clearCachedCredentials, readCachedCredentials, writeCachedCredentials } from '../core/terminal/credential-file-cache';
import { dataDirOf, type CliContext } from './cli-context';
import { CliError, EXIT } from './cli-errors';
import { requireAccessToken } from './cli-sign-in';
import type { SessionPool } from './cli-sessions';
import { loginCommand } from './cli-state';
import type { ResolvedTarget } from './cli-target';

/** Credentials for a resolved role; a `CliError` saying what to do when there are none. */
export async function roleCredentials(
  context: CliContext,
  state: PersistedState,
  target: ResolvedTarget,
  sessions: SessionPool,
): Promise<IssuedRoleCredentials> {
  const dataDir = dataDirOf(context);
  const key = { instanceId: target.instance.id, accountId: target.accountId, roleName: target.roleName };
  const session = await sessions.get(target.instance);
  // The token is required even on a cache hit: signed out means no credentials, whatever is cached.
  const accessToken = await requireAccessToken(context, state, session, target.instance);
  const cached = await readCachedCredentials(dataDir, key, context.now());
  if (cached !== null) return cached;
  const cache = createRoleCredentialsCache({ portal: session.clients.portal, now: context.now });
  try {
    const credentials = await cache.get({ ...key, accessToken, accountName: target.account?.accountName });
    await writeCachedCredentials(dataDir, key, credentials);
    return credentials;
  } catch (error: unknown) {
    if (!(error instanceof RoleCredentialsError)) throw error;
    if (error.kind === 'session-ended') {
      session.controller.sessionEnded();
      await clearCachedCredentials(dataDir, target.instance.id);
      throw new CliError(`Your IAM Identity Center session for ${target.instance.sessionName} has ended. Run: ${loginCommand(state, target.instance)}`, EXIT.failed);
    }
    throw new CliError(error.message.replace('Refresh the account list', 'Run "rolecall accounts --refresh"'), EXIT.failed);
  }
}

/**
 * Account lists for the command line: the shared cache, and a fresh listing through the app's own
 * discovery and account book, written back to the shared cache.
 */
import { createAccountBook } from '../core/accounts/account-book';
import { listFailedMessage } from '../core/accounts/account-messages';
import { discoverAccounts } from '../core/discovery/discover-accounts';
import type { DiscoveryProgress } from '../core/discovery/discovery-types';
import { createPortalApi } from '../core/discovery/portal-api';
import type { AccountCache, PersistedInstance } from '../core/persistence/persisted-state';
import { writeAccountCache } from '../core/terminal/state-access';
import { dataDirOf, type CliContext } from './cli-context';
import { CliError, EXIT } from './cli-errors';
import type { CliSession } from './cli-sign-in';

/**
 * Lists an instance's accounts and roles again, as the app does after a sign-in, and stores the list in
 * the shared cache. Accounts whose roles could not be read keep their cached roles (the account book's
 * rule). A listing that fails or ends early is an error, and the cache is left as it was.
 */
export async function refreshAccounts(
  context: CliContext,
  instance: PersistedInstance,
  previous: AccountCache | undefined,
  session: CliSession,
  accessToken: string,
  onProgress?: (progress: DiscoveryProgress) => void,
): Promise<AccountCache> {
  const book = createAccountBook(previous);
  book.beginRun();
  const run = discoverAccounts({
    portal: createPortalApi(session.clients.discoveryPortal),
    accessToken,
    signal: context.signal,
    listeners: {
      onAccounts: (accounts) => book.listed(accounts),
      onAccountRoles: (account) => book.rolesLoaded({ ...account, roles: [...account.roles] }),
      onAccountFailed: (entry) => book.rolesFailed(entry.account.accountId),
      ...(onProgress !== undefined && { onProgress }),
    },
  });
  const outcome = await run.outcome;
  switch (outcome.kind) {
    case 'complete': {
      book.completeRun();
      const cache = book.toCache(context.now());
      await writeAccountCache(dataDirOf(context), instance.id, cache);
      return cache;
    }
    case 'cancelled':
      throw new CliError('Listing accounts was interrupted; the saved list was kept.', EXIT.interrupted);
    case 'session-ended':
      session.controller.sessionEnded();
      throw new CliError(`Your IAM Identity Center session for ${instance.sessionName} has ended. Run: rolecall login --instance ${instance.sessionName}`, EXIT.failed);
    case 'list-failed':
      throw new CliError(listFailedMessage(outcome.failure), EXIT.failed);
  }
}

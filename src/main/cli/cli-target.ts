/**
 * ACCOUNT and ROLE from the command line, resolved against the shared account lists (listed again first
 * when a name is not found in a list that is missing or stale), with a clear error otherwise.
 */
import type { PersistedInstance } from '../core/persistence/persisted-state';
import {
  resolveRoleTarget,
  type AccountCandidate,
  type RoleTargetResolution,
  type TargetAccount,
} from '../core/terminal/role-target';
import type { CliContext } from './cli-context';
import { CliError, EXIT } from './cli-errors';
import { refreshAccounts } from './cli-accounts';
import { chooseInstances, isStale, targetSource, type CliState } from './cli-state';
import type { SessionPool } from './cli-sessions';
import { formatTable, printable } from './output';

/** ACCOUNT ROLE as typed, and `--instance`. */
export interface TargetQuery {
  readonly instance?: string | undefined;
  readonly account: string;
  readonly role: string;
}

/** A resolved role. */
export interface ResolvedTarget {
  readonly instance: PersistedInstance;
  readonly accountId: string;
  readonly account: TargetAccount | null;
  readonly roleName: string;
}

/** Resolves ACCOUNT ROLE; lists stale or missing account lists again once if that could help. */
export async function resolveTarget(context: CliContext, loaded: CliState, query: TargetQuery, sessions: SessionPool): Promise<ResolvedTarget> {
  let state = loaded.state;
  let resolution = resolveRoleTarget(loaded.source, query);
  if (resolution.kind === 'account-not-found' || resolution.kind === 'role-not-found') {
    let refreshed = false;
    for (const instance of chooseInstances(state, query.instance)) {
      if (instance.tokenStorage !== 'aws-cli' || !isStale(state.accountCache[instance.id], context.now())) continue;
      const session = await sessions.get(instance);
      const token = session.controller.accessToken();
      if (token === null) continue;
      const cache = await refreshAccounts(context, instance, state.accountCache[instance.id], session, token);
      state = { ...state, accountCache: { ...state.accountCache, [instance.id]: cache } };
      refreshed = true;
    }
    if (refreshed) resolution = resolveRoleTarget(targetSource(state), query);
  }
  if (resolution.kind === 'found') {
    const instance = state.instances.find((i) => i.id === resolution.instance.id);
    if (instance !== undefined) return { ...resolution, instance };
  }
  throw resolutionError(resolution, state.instances.length > 1);
}

/** The error for a resolution that found no single role. */
export function resolutionError(resolution: RoleTargetResolution, manyInstances: boolean): CliError {
  switch (resolution.kind) {
    case 'found':
      return new CliError('That instance no longer exists.', EXIT.noMatch);
    case 'no-instances':
      return new CliError('Rolecall has no IAM Identity Center instance yet. Add one in the Rolecall app.', EXIT.noMatch);
    case 'unknown-instance':
      return new CliError(`Rolecall has no instance named "${resolution.name}". Instances: ${resolution.known.join(', ')}.`, EXIT.noMatch);
    case 'account-ambiguous':
      return new CliError(
        [`"${printable(resolution.query)}" names ${resolution.candidates.length} accounts. Use an account id${manyInstances ? ' or --instance' : ''}:`, ...candidateLines(resolution.candidates, manyInstances)].join('\n'),
        EXIT.noMatch,
      );
    case 'account-not-found': {
      const hint = resolution.suggestions.length > 0 ? ['Did you mean:', ...candidateLines(resolution.suggestions, manyInstances)] : ['Run "rolecall accounts" to see them.'];
      return new CliError([`No account has the id, name or alias "${printable(resolution.query)}".`, ...hint].join('\n'), EXIT.noMatch);
    }
    case 'id-needs-instance':
      return new CliError(`Account ${resolution.accountId} is not in any saved account list. Say which instance it is in: --instance ${resolution.instances.map((i) => i.sessionName).join(' or --instance ')}`, EXIT.noMatch);
    case 'role-not-found': {
      const name = printable(resolution.account.accountName || resolution.account.accountId);
      const roles = resolution.account.roles.map(printable).join(', ') || 'none';
      return new CliError(`${name} (${resolution.account.accountId}) has no role "${printable(resolution.roleName)}". Its roles: ${roles}.`, EXIT.noMatch);
    }
  }
}

function candidateLines(candidates: readonly AccountCandidate[], manyInstances: boolean): string[] {
  const rows = candidates.map(({ instance, account }) => [
    ...(manyInstances ? [instance.sessionName] : []),
    account.accountId,
    printable(account.accountName),
    account.alias === undefined ? '' : `alias ${printable(account.alias)}`,
  ]);
  return formatTable(rows).map((line) => `  ${line}`);
}

/**
 * What `export`, `console` and `credential-process` share: resolve ACCOUNT ROLE, then get the role's
 * credentials, with every sign-in closed at the end.
 */
import type { IssuedRoleCredentials } from '../core/actions/credentials';
import type { PersistedState } from '../core/persistence/persisted-state';
import type { CliContext } from './cli-context';
import { roleCredentials } from './cli-credentials';
import { createSessionPool } from './cli-sessions';
import { loadCliState } from './cli-state';
import { resolveTarget, type ResolvedTarget, type TargetQuery } from './cli-target';

/** A resolved role with its credentials. */
export interface RoleAction {
  readonly state: PersistedState;
  readonly target: ResolvedTarget;
  readonly credentials: IssuedRoleCredentials;
}

/** Resolves the role and gets its credentials, then runs `use` with them. */
export async function withRoleCredentials<T>(context: CliContext, query: TargetQuery, use: (action: RoleAction) => Promise<T>): Promise<T> {
  const loaded = await loadCliState(context, query.instance);
  const sessions = createSessionPool(context);
  try {
    const target = await resolveTarget(context, loaded, query, sessions);
    const credentials = await roleCredentials(context, loaded.state, target, sessions);
    return await use({ state: loaded.state, target, credentials });
  } finally {
    sessions.dispose();
  }
}

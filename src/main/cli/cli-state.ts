/**
 * The shared state as the commands read it: instances, cached account lists with the person's aliases
 * and favourites, and the instance a command is about.
 */
import type { AccountCache, PersistedInstance, PersistedState } from '../core/persistence/persisted-state';
import { readState } from '../core/terminal/state-access';
import { selectInstances, type TargetAccount, type TargetSource } from '../core/terminal/role-target';
import type { CliContext } from './cli-context';
import { dataDirOf } from './cli-context';
import { adoptWhenNeeded } from './cli-adopt';
import { CliError, EXIT } from './cli-errors';

/** The state file's contents and a resolver view of them. */
export interface CliState {
  readonly state: PersistedState;
  readonly source: TargetSource;
}

/** A saved account list older than this is listed again before use, when signed in. */
export const ACCOUNT_LIST_STALE_MS = 12 * 60 * 60_000;

/** Whether a saved list is missing or old enough to list again. */
export function isStale(cache: AccountCache | undefined, now: number): boolean {
  return cache === undefined || now - cache.listedAt > ACCOUNT_LIST_STALE_MS;
}

/**
 * Reads the state file, first adopting the sessions of `~/.aws/config` when it has no instance (or none
 * named `instanceName`).
 */
export async function loadCliState(context: CliContext, instanceName?: string): Promise<CliState> {
  const state = await adoptWhenNeeded(context, await readState(dataDirOf(context)), instanceName);
  return { state, source: targetSource(state) };
}

/** The resolver's view of a state: cached accounts with aliases and favourites. */
export function targetSource(state: PersistedState): TargetSource {
  const lists = new Map<string, TargetAccount[]>();
  for (const [instanceId, cache] of Object.entries(state.accountCache)) {
    const prefs = state.accountPrefs[instanceId] ?? {};
    lists.set(
      instanceId,
      cache.accounts.map((a) => ({ ...a, alias: prefs[a.accountId]?.alias, favourite: prefs[a.accountId]?.favourite })),
    );
  }
  return { instances: state.instances, accounts: (id) => lists.get(id) };
}

/** The instances `--instance NAME` selects, all without it; a `CliError` when there are none. */
export function chooseInstances(state: PersistedState, name: string | undefined): readonly PersistedInstance[] {
  const selection = selectInstances(state.instances, name);
  switch (selection.kind) {
    case 'selected':
      return state.instances.filter((i) => selection.instances.some((s) => s.id === i.id));
    case 'no-instances':
      throw noInstances();
    case 'unknown-instance':
      throw unknownInstance(selection.name, selection.known);
  }
}

/** Exactly one instance: the one named, or the only one there is. */
export function chooseOneInstance(state: PersistedState, name: string | undefined, command: string): PersistedInstance {
  const [first, ...others] = chooseInstances(state, name);
  if (first === undefined) throw noInstances();
  if (others.length > 0) {
    const names = [first, ...others].map((i) => i.sessionName).join(', ');
    throw new CliError(`Rolecall has several IAM Identity Center instances (${names}). Choose one: rolecall ${command} --instance NAME`, EXIT.noMatch);
  }
  return first;
}

/** The command that signs in to an instance, as a person would type it. */
export function loginCommand(state: PersistedState, instance: PersistedInstance): string {
  return state.instances.length > 1 ? `rolecall login --instance ${instance.sessionName}` : 'rolecall login';
}

/** No instance has been added yet. */
export function noInstances(): CliError {
  return new CliError(
    'Rolecall has no IAM Identity Center instance yet, and ~/.aws/config has no [sso-session] to adopt. Add one: rolecall add --start-url URL --region REGION (or in the Rolecall app, which shares its instances with this command).',
    EXIT.noMatch,
  );
}

function unknownInstance(name: string, known: readonly string[]): CliError {
  return new CliError(`Rolecall has no instance named "${name}". Instances: ${known.join(', ')}.`, EXIT.noMatch);
}

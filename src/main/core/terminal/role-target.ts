/**
 * Which instance, account and role a command line means: `rolecall export payments-prod Admin`.
 *
 * Shared by the `rolecall` commands and the `credential-process` fast path, so both read an ACCOUNT the
 * same way. Only exact matches select (an id, an alias or a name, case-insensitive): a partial match that
 * is unique today could silently mean another account tomorrow, and these are credentials. What is not an
 * exact match gets suggestions from the app's own matcher.
 */
import { filterAccounts, prepareAccounts } from '../../../shared/account-search';

/** An instance as the resolver needs it. */
export interface TargetInstance {
  readonly id: string;
  readonly sessionName: string;
  readonly startUrl: string;
  readonly region: string;
  readonly tokenStorage: 'aws-cli' | 'keychain';
}

/** A cached account with the person's alias for it. */
export interface TargetAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly alias?: string | undefined;
  readonly favourite?: boolean | undefined;
  readonly roles: readonly string[];
}

/** What the resolver reads: the instances and each one's cached list (`undefined`: never listed). */
export interface TargetSource {
  readonly instances: readonly TargetInstance[];
  accounts(instanceId: string): readonly TargetAccount[] | undefined;
}

/** An account of an instance, for candidate lists. */
export interface AccountCandidate {
  readonly instance: TargetInstance;
  readonly account: TargetAccount;
}

/** What resolving an instance selector came to. */
export type InstanceSelection =
  | { readonly kind: 'selected'; readonly instances: readonly TargetInstance[] }
  | { readonly kind: 'no-instances' }
  | { readonly kind: 'unknown-instance'; readonly name: string; readonly known: readonly string[] };

/** What resolving ACCOUNT ROLE came to. */
export type RoleTargetResolution =
  | {
      readonly kind: 'found';
      readonly instance: TargetInstance;
      readonly accountId: string;
      /** `null` when the account is given by id and is not in the cached list. */
      readonly account: TargetAccount | null;
      readonly roleName: string;
    }
  | Exclude<InstanceSelection, { kind: 'selected' }>
  | { readonly kind: 'account-not-found'; readonly query: string; readonly suggestions: readonly AccountCandidate[] }
  | { readonly kind: 'account-ambiguous'; readonly query: string; readonly candidates: readonly AccountCandidate[] }
  | { readonly kind: 'id-needs-instance'; readonly accountId: string; readonly instances: readonly TargetInstance[] }
  | { readonly kind: 'role-not-found'; readonly instance: TargetInstance; readonly account: TargetAccount; readonly roleName: string };

const ACCOUNT_ID = /^\d{12}$/;
const MAX_SUGGESTIONS = 10;

/** The instances `--instance NAME` selects (its session name or id, case-insensitive); all without one. */
export function selectInstances(instances: readonly TargetInstance[], name: string | undefined): InstanceSelection {
  if (instances.length === 0) return { kind: 'no-instances' };
  if (name === undefined) return { kind: 'selected', instances };
  const lower = name.toLowerCase();
  const found = instances.filter((i) => i.sessionName.toLowerCase() === lower || i.id === name);
  return found.length > 0
    ? { kind: 'selected', instances: found.slice(0, 1) }
    : { kind: 'unknown-instance', name, known: instances.map((i) => i.sessionName) };
}

/** Every exact match of ACCOUNT: by id first; otherwise by alias or name, case-insensitive. */
export function matchAccount(source: TargetSource, instances: readonly TargetInstance[], query: string): AccountCandidate[] {
  const all = instances.flatMap((instance) => (source.accounts(instance.id) ?? []).map((account) => ({ instance, account })));
  const byId = all.filter((c) => c.account.accountId === query);
  if (byId.length > 0) return byId;
  const lower = query.toLowerCase();
  return all.filter((c) => c.account.alias?.toLowerCase() === lower || c.account.accountName.toLowerCase() === lower);
}

/** Resolves ACCOUNT and ROLE within the instances `--instance` selects. */
export function resolveRoleTarget(source: TargetSource, query: { instance?: string | undefined; account: string; role: string }): RoleTargetResolution {
  const selection = selectInstances(source.instances, query.instance);
  if (selection.kind !== 'selected') return selection;
  const matches = matchAccount(source, selection.instances, query.account);
  if (matches.length > 1) return { kind: 'account-ambiguous', query: query.account, candidates: matches };
  const [match] = matches;
  if (match === undefined) {
    if (!ACCOUNT_ID.test(query.account)) {
      return { kind: 'account-not-found', query: query.account, suggestions: suggestAccounts(source, selection.instances, query.account) };
    }
    const [only, ...others] = selection.instances;
    if (only === undefined || others.length > 0) return { kind: 'id-needs-instance', accountId: query.account, instances: selection.instances };
    return { kind: 'found', instance: only, accountId: query.account, account: null, roleName: query.role };
  }
  const roleName = matchRole(match.account.roles, query.role);
  if (roleName === undefined) return { kind: 'role-not-found', instance: match.instance, account: match.account, roleName: query.role };
  return { kind: 'found', instance: match.instance, accountId: match.account.accountId, account: match.account, roleName };
}

/** The role as the portal spells it: exact, else the one case-insensitive match. */
export function matchRole(roles: readonly string[], wanted: string): string | undefined {
  if (roles.includes(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  const folded = roles.filter((r) => r.toLowerCase() === lower);
  return folded.length === 1 ? folded[0] : undefined;
}

/** Accounts the app's matcher finds for a query that matched nothing exactly. */
export function suggestAccounts(source: TargetSource, instances: readonly TargetInstance[], query: string): AccountCandidate[] {
  const all = instances.flatMap((instance) => (source.accounts(instance.id) ?? []).map((account) => ({ instance, account, ...account })));
  return filterAccounts(prepareAccounts(all), query)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ instance, account }) => ({ instance, account }));
}

import type { Account } from './org';
import { createRandom, randomInt, shuffled, type Random } from './random';

const TEAMS = [
  'payments', 'checkout', 'billing', 'identity', 'search', 'recommendations', 'data-platform', 'data-lake',
  'analytics', 'ml-training', 'ml-inference', 'mobile-api', 'web-frontend', 'edge', 'networking',
  'shared-services', 'observability', 'logging', 'customer-support', 'crm', 'marketing-site', 'email-delivery',
  'notifications', 'inventory', 'fulfilment', 'logistics', 'pricing', 'fraud-detection', 'risk', 'ledger',
  'treasury', 'hr-systems', 'internal-tools', 'ci-cd', 'build-farm', 'artifact-registry', 'dns', 'streaming',
  'warehouse', 'reporting', 'partner-api', 'api-gateway', 'auth', 'media-processing', 'maps', 'loyalty',
  'onboarding', 'catalog', 'orders', 'subscriptions',
] as const;

const ENVIRONMENTS = ['prod', 'staging', 'dev', 'qa', 'sandbox', 'perf', 'dr'] as const;

/** Accounts an AWS Control Tower landing zone creates first; real organizations start with these. */
const CORE_ACCOUNTS = ['management', 'log-archive', 'audit', 'security-tooling'] as const;

/** Permission-set names, most common first. */
export const ROLE_CATALOGUE = [
  'AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'ViewOnlyAccess', 'BillingAccess',
  'DeveloperAccess', 'SecurityAudit', 'DataScientist', 'DatabaseAdministrator', 'NetworkAdministrator',
  'SupportUser', 'SystemAdministrator',
] as const;

/** What to generate. */
export interface GenerateOptions {
  readonly accounts: number;
  readonly rolesPerAccount: number;
  readonly seed: number;
  readonly emailDomain?: string;
}

/**
 * Generates a realistic organization, identical for a given seed.
 *
 * Names are `<team>-<environment>` (`payments-prod`), in a shuffled order, with a numeric suffix once every
 * combination is used; ids are unique 12-digit strings; each account gets `rolesPerAccount` distinct
 * permission sets listed in catalogue order.
 */
export function generateAccounts(options: GenerateOptions): Account[] {
  const random = createRandom(options.seed);
  const names = accountNames(random, options.accounts);
  const ids = uniqueAccountIds(random, options.accounts);
  const domain = options.emailDomain ?? 'example.com';
  return names.map((name, index) => ({
    accountId: ids[index] as string,
    accountName: name,
    emailAddress: `aws+${name}@${domain}`,
    roles: pickRoles(random, options.rolesPerAccount),
  }));
}

function accountNames(random: Random, count: number): string[] {
  const combos = shuffled(
    random,
    TEAMS.flatMap((team) => ENVIRONMENTS.map((env) => `${team}-${env}`)),
  );
  const names: string[] = CORE_ACCOUNTS.slice(0, count);
  for (let round = 0; names.length < count; round += 1) {
    for (const combo of combos) {
      if (names.length >= count) break;
      names.push(round === 0 ? combo : `${combo}-${round + 1}`);
    }
  }
  return names;
}

function uniqueAccountIds(random: Random, count: number): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  while (ids.length < count) {
    // Two draws because one double gives only ~53 bits; 12 decimal digits need ~40, so six digits per draw.
    const id = `${String(randomInt(random, 1e6)).padStart(6, '0')}${String(randomInt(random, 1e6)).padStart(6, '0')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

function pickRoles(random: Random, count: number): string[] {
  const catalogue: readonly string[] = ROLE_CATALOGUE;
  if (count <= catalogue.length) {
    const chosen = new Set(shuffled(random, catalogue).slice(0, count));
    return catalogue.filter((role) => chosen.has(role));
  }
  const extra = Array.from({ length: count - catalogue.length }, (_, i) => `CustomRole${String(i + 1).padStart(3, '0')}`);
  return [...catalogue, ...extra];
}

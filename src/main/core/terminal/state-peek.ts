/**
 * A quick, read-only look at the state file for the `credential-process` fast path: the instances, the
 * cached account lists and aliases, parsed by hand.
 *
 * Loading zod alone costs about 85 ms on a slow machine, more than half of the fast path's budget, so this
 * reads only the fields the resolver needs with small explicit checks. It never decides anything on its
 * own: whatever does not look exactly right yields `null`, and the caller takes the slow path, which
 * parses the whole file with the schema and reports problems properly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TargetAccount, TargetInstance, TargetSource } from './role-target';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** Reads `<dataDir>/config.json` into a resolver source, or `null` when anything is unexpected. */
export async function peekState(dataDir: string): Promise<TargetSource | null> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, 'config.json'), 'utf8');
  } catch {
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return peekParsedState(data);
}

/** The resolver source of already-parsed state file contents, or `null`. */
export function peekParsedState(data: unknown): TargetSource | null {
  if (!isObject(data) || data['version'] !== 1 || !Array.isArray(data['instances'])) return null;
  const instances: TargetInstance[] = [];
  for (const raw of data['instances']) {
    const instance = peekInstance(raw);
    if (instance === null) return null;
    instances.push(instance);
  }
  const caches = isObject(data['accountCache']) ? data['accountCache'] : {};
  const prefs = isObject(data['accountPrefs']) ? data['accountPrefs'] : {};
  const lists = new Map<string, readonly TargetAccount[]>();
  for (const instance of instances) {
    const cache = caches[instance.id];
    if (cache === undefined) continue;
    const accounts = peekAccounts(cache, prefs[instance.id]);
    if (accounts === null) return null;
    lists.set(instance.id, accounts);
  }
  return { instances, accounts: (instanceId) => lists.get(instanceId) };
}

function peekInstance(raw: unknown): TargetInstance | null {
  if (!isObject(raw)) return null;
  const { id, sessionName, startUrl, region, tokenStorage } = raw;
  if (!isString(id) || !isString(sessionName) || !isString(startUrl) || !isString(region)) return null;
  if (tokenStorage !== 'aws-cli' && tokenStorage !== 'keychain') return null;
  return { id, sessionName, startUrl, region, tokenStorage };
}

/** One instance's cached accounts with their aliases, or `null` if any entry is not as expected. */
function peekAccounts(cache: unknown, prefs: unknown): readonly TargetAccount[] | null {
  if (!isObject(cache) || !Array.isArray(cache['accounts'])) return null;
  const prefsById = isObject(prefs) ? prefs : {};
  const accounts: TargetAccount[] = [];
  for (const raw of cache['accounts']) {
    if (!isObject(raw)) return null;
    const { accountId, accountName, emailAddress, roles } = raw;
    if (!isString(accountId) || !isString(accountName) || !isString(emailAddress) || !Array.isArray(roles) || !roles.every(isString)) {
      return null;
    }
    const accountPrefs = prefsById[accountId];
    const alias = isObject(accountPrefs) && isString(accountPrefs['alias']) ? accountPrefs['alias'] : undefined;
    accounts.push({ accountId, accountName, emailAddress, alias, roles });
  }
  return accounts;
}

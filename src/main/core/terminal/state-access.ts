/**
 * The state file as the `rolecall` command uses it: read with the app's schema, and written only where
 * the command has something new (an instance's account list), while the app may be running.
 *
 * Concurrency: the desktop app keeps the state in memory and writes all of it on each change, without a
 * lock. The command therefore never holds a copy: it re-reads the file right before writing, changes one
 * key (`accountCache[<instance id>]`, or `activeProfileName` after `rolecall use`) in the raw JSON, so keys it does not know survive, and replaces the
 * file atomically (temporary file and rename). The app or another `rolecall` never sees a half-written
 * file. What can still happen is that the app, writing its own older copy later, drops the command's
 * list: harmless, as the list is a cache that the next listing rebuilds. The command never writes
 * instances, sign-in secrets or the person's settings, and never moves an unreadable file aside (the app
 * does that, and tells the person).
 *
 * The exception is the terminal-only person's instances: `rolecall add`, `rolecall remove` and the
 * adoption of `~/.aws/config`'s sessions add or remove one entry of `instances` the same way. A desktop
 * app that is running meanwhile keeps its own copy of the list until it restarts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from '../aws-files/atomic-write';
import { emptyPersistedState, persistedStateSchema, type AccountCache, type PersistedInstance, type PersistedState } from '../persistence/persisted-state';
import { UserFacingError } from '../user-facing-error';

/** The state file's path in a data directory. */
export function stateFilePath(dataDir: string): string {
  return path.join(dataDir, 'config.json');
}

/** Reads the state file: the empty state when there is none; a `UserFacingError` when it is unreadable. */
export async function readState(dataDir: string): Promise<PersistedState> {
  const raw = await readRaw(dataDir);
  if (raw === undefined) return emptyPersistedState;
  return parse(dataDir, raw);
}

/**
 * Replaces one instance's cached account list in the state file, leaving every other byte's meaning as
 * it is. Returns `false` (and writes nothing) if the instance was removed meanwhile.
 */
export function writeAccountCache(dataDir: string, instanceId: string, cache: AccountCache): Promise<boolean> {
  return patchState(dataDir, (record, state) => {
    if (!state.instances.some((i) => i.id === instanceId)) return null;
    const caches = typeof record['accountCache'] === 'object' && record['accountCache'] !== null ? record['accountCache'] : {};
    return { ...record, accountCache: { ...caches, [instanceId]: cache } };
  });
}

/** Adds instances to the state file (creating it when there is none); ids and names already there are skipped. */
export async function addInstances(dataDir: string, instances: readonly PersistedInstance[]): Promise<void> {
  const raw = await readRaw(dataDir);
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { ...emptyPersistedState };
  const state = parse(dataDir, record);
  const fresh = instances.filter((i) => !state.instances.some((s) => s.id === i.id || s.sessionName === i.sessionName));
  const listed = Array.isArray(record['instances']) ? (record['instances'] as unknown[]) : [];
  await writeRecord(dataDir, { ...record, instances: [...listed, ...fresh] });
}

/**
 * Removes an instance and everything the state keeps per instance (sealed secrets, account list and the
 * person's aliases and favourites for it). Returns `false` when it was not there.
 */
export function removeInstance(dataDir: string, instanceId: string): Promise<boolean> {
  return patchState(dataDir, (record, state) => {
    if (!state.instances.some((i) => i.id === instanceId)) return null;
    const instances = Array.isArray(record['instances']) ? (record['instances'] as unknown[]) : [];
    return {
      ...record,
      instances: instances.filter((i) => typeof i !== 'object' || i === null || (i as { id?: unknown }).id !== instanceId),
      sealed: withoutKey(record['sealed'], instanceId),
      accountCache: withoutKey(record['accountCache'], instanceId),
      accountPrefs: withoutKey(record['accountPrefs'], instanceId),
    };
  });
}

function withoutKey(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

/** Records the named profile "Use in terminal" wrote last (the app shows it with the active default). */
export function writeActiveProfileName(dataDir: string, profileName: string): Promise<boolean> {
  return patchState(dataDir, (record) => ({ ...record, activeProfileName: profileName }));
}

/**
 * Re-reads the file, lets `change` return the new top-level object (or `null` for no change) from the raw
 * one and its parsed reading, and replaces the file atomically.
 */
async function patchState(
  dataDir: string,
  change: (record: Readonly<Record<string, unknown>>, state: PersistedState) => Record<string, unknown> | null,
): Promise<boolean> {
  const raw = await readRaw(dataDir);
  if (raw === undefined || typeof raw !== 'object' || raw === null) return false;
  const next = change(raw as Record<string, unknown>, parse(dataDir, raw));
  if (next === null) return false;
  await writeRecord(dataDir, next);
  return true;
}

/** Replaces the file atomically, in the format electron-store writes: tab-indented JSON, owner-only. */
async function writeRecord(dataDir: string, record: Readonly<Record<string, unknown>>): Promise<void> {
  await writeFileAtomic(stateFilePath(dataDir), JSON.stringify(record, null, '\t'), { mode: 0o600 });
}

async function readRaw(dataDir: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(stateFilePath(dataDir), 'utf8');
  } catch (error: unknown) {
    if (isNotFound(error)) return undefined;
    throw new UserFacingError(`Rolecall could not read its settings file ${stateFilePath(dataDir)}. Check its permissions.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadable(dataDir);
  }
}

function parse(dataDir: string, raw: unknown): PersistedState {
  const parsed = persistedStateSchema.safeParse(raw);
  if (!parsed.success) throw unreadable(dataDir);
  return parsed.data;
}

function unreadable(dataDir: string): UserFacingError {
  return new UserFacingError(
    `Rolecall’s settings file ${stateFilePath(dataDir)} could not be read. Open the Rolecall app once: it sets the file aside and starts fresh.`,
  );
}

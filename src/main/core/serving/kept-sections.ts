/**
 * The window's "Keep in ~/.aws/credentials": a role's credentials in a section of the shared credentials
 * file marked as Rolecall's, renewed 15 minutes before they expire while the app runs, and taken out when
 * the person signs out of its instance.
 *
 * The file itself is the record of what is kept: the marker under each section names the instance,
 * account and role, so sections written by `rolecall credentials-file set` (or by an earlier run) are
 * picked up and renewed too. Every other line of the file stays byte for byte (credentials-sections.ts).
 */
import type { KeptSection } from '../../../shared/serving';
import { formatExpiration } from '../actions/export-formats';
import type { IssuedRoleCredentials } from '../actions/credentials';
import { errorCode } from '../aws-files/atomic-write';
import { readCredentialsText, removeManagedFromFile, writeManagedSection, type SetOutcome } from '../aws-files/credentials-file';
import { defaultSectionName, managedSections, type ManagedSectionInfo } from '../aws-files/credentials-sections';
import { REFRESH_BEFORE_MS } from '../container/credential-server';
import type { WarningClock } from '../notify/warning-timer';
import { UserFacingError } from '../user-facing-error';
import type { RoleCredentialsSource, ServedRoleRef } from './served-role';

/** A section is renewed when its credentials have this long left (the SDKs themselves refresh at 5 minutes). */
export const ROTATE_BEFORE_MS = REFRESH_BEFORE_MS;
/** What newly written credentials must have left at least, so a renewal is not due again at once. */
const FRESH_MS = ROTATE_BEFORE_MS + 5 * 60_000;
/** A renewal that could not happen (signed out, offline) is tried again this much later. */
export const RETRY_MS = 60_000;

/** An instance as the kept sections see it. */
export interface KeptInstance {
  readonly id: string;
  readonly sessionName: string;
  readonly signedIn: boolean;
}

export interface KeptSectionsDeps {
  readonly file: string;
  readonly credentials: RoleCredentialsSource;
  readonly accountName: (role: ServedRoleRef) => string;
  readonly instances: () => readonly KeptInstance[];
  readonly clock: WarningClock;
  /** Told when the list changes. */
  readonly onChange: () => void;
  /** Told of a renewal that failed (once until one succeeds again). */
  readonly onRenewalFailed: (section: string, message: string) => void;
}

/** The outcome of keeping a role. */
export type KeepOutcome =
  | { readonly kind: 'kept'; readonly profileName: string; readonly until: number; readonly backup: string | null }
  | { readonly kind: 'foreign'; readonly profileName: string };

export interface KeptSectionsService {
  keep(role: ServedRoleRef, replaceForeign: boolean): Promise<KeepOutcome>;
  /** Takes one kept section out of the file; false when Rolecall keeps none by that name. */
  remove(profileName: string): Promise<boolean>;
  /** Takes out every section of an instance; returns their names. */
  removeInstance(sessionName: string): Promise<string[]>;
  /** Reads the file again and renews on its marks (the CLI or the person may have changed it). */
  reconcile(): Promise<void>;
  list(): KeptSection[];
  dispose(): void;
}

interface Kept {
  readonly info: ManagedSectionInfo;
  readonly role: ServedRoleRef;
  readonly until: number;
  cancel: () => void;
}

/** Creates the service; call `reconcile()` to pick up what the file already holds. */
export function createKeptSections(deps: KeptSectionsDeps): KeptSectionsService {
  const kept = new Map<string, Kept>();
  const failing = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  // One file operation at a time: a renewal, a keep and a re-read must not interleave their read and write.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const write = async (name: string, role: ServedRoleRef, sessionName: string, credentials: IssuedRoleCredentials, replace: boolean): Promise<SetOutcome> => {
    const entry = { name, accountId: role.accountId, roleName: role.roleName, instance: sessionName, ...credentials, expiration: formatExpiration(credentials.expiration) };
    try {
      return await writeManagedSection(deps.file, entry, replace, deps.clock.now());
    } catch (error: unknown) {
      throw new UserFacingError(`Rolecall could not write ${deps.file} (${errorCode(error) ?? 'I/O error'}).`);
    }
  };

  const schedule = (name: string, at: number): (() => void) =>
    deps.clock.setTimer(() => void serial(() => renew(name)), Math.max(1000, at - deps.clock.now()));

  const renew = async (name: string): Promise<void> => {
    const entry = kept.get(name);
    if (entry === undefined || disposed) return;
    const instance = deps.instances().find((i) => i.id === entry.role.id);
    if (instance === undefined) return;
    if (!instance.signedIn) {
      entry.cancel = schedule(name, deps.clock.now() + RETRY_MS);
      return;
    }
    try {
      const outcome = await write(name, entry.role, instance.sessionName, await deps.credentials(entry.role, FRESH_MS), false);
      if (outcome.kind === 'refused') throw new UserFacingError(outcome.reason);
      failing.delete(name);
    } catch (error: unknown) {
      if (!failing.has(name)) deps.onRenewalFailed(name, error instanceof UserFacingError ? error.message : 'Rolecall could not renew it.');
      failing.add(name);
      entry.cancel = schedule(name, deps.clock.now() + RETRY_MS);
      return;
    }
    await readFile();
  };

  const readFile = async (): Promise<void> => {
    const read = await readCredentialsText(deps.file);
    if (!read.ok || disposed) return;
    const instances = deps.instances();
    const found = new Map<string, { info: ManagedSectionInfo; role: ServedRoleRef }>();
    for (const info of managedSections(read.text)) {
      const instance = instances.find((i) => i.sessionName === info.instance);
      if (instance !== undefined) found.set(info.name, { info, role: { id: instance.id, accountId: info.accountId, roleName: info.roleName } });
    }
    let changed = false;
    for (const [name, entry] of kept) {
      const now = found.get(name);
      if (now === undefined || now.info.expiration !== entry.info.expiration || now.role.id !== entry.role.id) {
        entry.cancel();
        kept.delete(name);
        changed = true;
      }
    }
    for (const [name, { info, role }] of found) {
      if (kept.has(name)) continue;
      const until = Date.parse(info.expiration);
      kept.set(name, { info, role, until, cancel: schedule(name, until - ROTATE_BEFORE_MS) });
      changed = true;
    }
    if (changed) deps.onChange();
  };

  const nameFor = (role: ServedRoleRef): string => {
    const same = [...kept.values()].find((k) => k.role.id === role.id && k.role.accountId === role.accountId && k.role.roleName === role.roleName);
    if (same !== undefined) return same.info.name;
    const base = defaultSectionName(deps.accountName(role), role.roleName);
    // Another role's kept section may already have the name this one reduces to.
    let name = base;
    for (let n = 2; kept.has(name); n += 1) name = `${base.slice(0, 120)}-${n}`;
    return name;
  };

  return {
    keep: (role, replaceForeign) =>
      serial(async () => {
        const instance = deps.instances().find((i) => i.id === role.id);
        if (instance === undefined) throw new UserFacingError('That Identity Center instance no longer exists.');
        const name = nameFor(role);
        const credentials = await deps.credentials(role, FRESH_MS);
        const outcome = await write(name, role, instance.sessionName, credentials, replaceForeign);
        if (outcome.kind === 'refused') throw new UserFacingError(outcome.reason);
        if (outcome.kind === 'foreign') return { kind: 'foreign', profileName: name };
        await readFile();
        return { kind: 'kept', profileName: name, until: credentials.expiration, backup: outcome.backup };
      }),
    remove: (profileName) =>
      serial(async () => {
        if (!kept.has(profileName)) return false;
        const result = await removeManagedFromFile(deps.file, (s) => s.name === profileName);
        if (!result.ok) throw new UserFacingError(result.reason);
        await readFile();
        return result.removed.length > 0;
      }),
    removeInstance: (sessionName) =>
      serial(async () => {
        const result = await removeManagedFromFile(deps.file, (s) => s.instance === sessionName);
        await readFile();
        return result.ok ? result.removed.map((s) => s.name) : [];
      }),
    reconcile: () => serial(readFile),
    list: () =>
      [...kept.values()].map(({ info, role, until }) => ({
        kind: 'credentialsFile',
        key: `file:${info.name}`,
        instanceId: role.id,
        accountId: role.accountId,
        accountName: deps.accountName(role),
        roleName: role.roleName,
        until,
        profileName: info.name,
        file: deps.file,
      })),
    dispose() {
      disposed = true;
      for (const entry of kept.values()) entry.cancel();
      kept.clear();
    },
  };
}

/**
 * Reading and writing the shared credentials file (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`)
 * for Rolecall's managed sections: UTF-8 only, written atomically with mode 0600, through a symlink to
 * its target, and backed up before a section Rolecall did not write is replaced.
 */
import { copyFile, chmod, readFile, realpath } from 'node:fs/promises';
import { errorCode, isNotFound, writeFileAtomic } from './atomic-write';
import { removeManagedSections, setManagedSection, type ManagedCredentials, type ManagedSectionInfo } from './credentials-sections';

/** What reading the credentials file found: its text ('' when there is none), or why it cannot be edited. */
export async function readCredentialsText(path: string): Promise<{ ok: true; text: string; exists: boolean } | { ok: false; reason: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error: unknown) {
    if (isNotFound(error)) return { ok: true, text: '', exists: false };
    return { ok: false, reason: `The AWS credentials file ${path} could not be read (${errorCode(error) ?? 'I/O error'}).` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), exists: true };
  } catch {
    return { ok: false, reason: `The AWS credentials file ${path} is not UTF-8 text, so Rolecall will not edit it.` };
  }
}

async function target(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error: unknown) {
    if (isNotFound(error)) return path;
    throw error;
  }
}

// SECURITY: the file holds secrets: owner-only, whatever mode it had.
const CREDENTIALS_MODE = 0o600;

async function write(path: string, text: string): Promise<void> {
  await writeFileAtomic(await target(path), text, { mode: CREDENTIALS_MODE });
}

/** Copies the file beside itself (`credentials.rolecall-backup-20261206T043012Z`, 0600) and returns its path. */
export async function backUpCredentialsFile(path: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const backup = `${await target(path)}.rolecall-backup-${stamp}`;
  await copyFile(await target(path), backup);
  await chmod(backup, CREDENTIALS_MODE);
  return backup;
}

/** The outcome of writing a managed section. */
export type SetOutcome =
  | { readonly kind: 'written'; readonly backup: string | null }
  | { readonly kind: 'foreign'; readonly name: string }
  | { readonly kind: 'refused'; readonly reason: string };

/** Writes `entry`'s section; a section Rolecall did not write is replaced only with `replaceForeign`, after a backup. */
export async function writeManagedSection(path: string, entry: ManagedCredentials, replaceForeign: boolean, now: number): Promise<SetOutcome> {
  const read = await readCredentialsText(path);
  if (!read.ok) return { kind: 'refused', reason: read.reason };
  const plain = setManagedSection(read.text, entry);
  if (plain.kind === 'refused') return plain;
  if (plain.kind === 'ok') {
    await write(path, plain.text);
    return { kind: 'written', backup: null };
  }
  if (!replaceForeign) return plain;
  const forced = setManagedSection(read.text, entry, true);
  if (forced.kind !== 'ok') return forced;
  const backup = await backUpCredentialsFile(path, now);
  await write(path, forced.text);
  return { kind: 'written', backup };
}

/** Removes the managed sections `which` picks; returns what was removed (nothing is written if none). */
export async function removeManagedFromFile(path: string, which: (info: ManagedSectionInfo) => boolean): Promise<{ ok: true; removed: ManagedSectionInfo[] } | { ok: false; reason: string }> {
  const read = await readCredentialsText(path);
  if (!read.ok) return read;
  const { text, removed } = removeManagedSections(read.text, which);
  if (removed.length > 0) await write(path, text);
  return { ok: true, removed };
}

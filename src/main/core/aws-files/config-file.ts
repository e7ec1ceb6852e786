import { readFile, realpath } from 'node:fs/promises';
import { errorCode, existingFileMode, isNotFound, writeFileAtomic } from './atomic-write';
import type { ConfigResult } from './config-model';

/** What reading `~/.aws/config` found. */
export type ConfigFileReadResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'ok'; readonly text: string };

/** The outcome of {@link updateConfigFile}. */
export type ConfigFileUpdateResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'written' }
  | { readonly kind: 'refused'; readonly reason: string };

// The AWS CLI creates the config file owner-only; a file that exists keeps the mode its owner gave it.
const NEW_CONFIG_MODE = 0o600;

/**
 * Reads a config file as text, refusing anything that is not valid UTF-8.
 *
 * Decoding with replacement characters would silently corrupt bytes on the next write, so invalid UTF-8 is
 * `unreadable` instead. A byte-order mark is kept, so a rewrite keeps it too.
 */
export async function readConfigFile(path: string): Promise<ConfigFileReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error: unknown) {
    if (isNotFound(error)) return { kind: 'missing' };
    return { kind: 'unreadable', reason: `The AWS config file could not be read (${errorCode(error) ?? 'I/O error'}).` };
  }
  try {
    return { kind: 'ok', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { kind: 'unreadable', reason: 'The AWS config file is not UTF-8 text, so Rolecall will not edit it.' };
  }
}

/**
 * Writes a config file atomically, keeping the existing file's mode (0600 for a new file).
 *
 * A symlinked config (dotfile managers) is written through: the link's target is replaced, not the link.
 */
export async function writeConfigFile(path: string, text: string): Promise<void> {
  const target = await resolveLink(path);
  const mode = (await existingFileMode(target)) ?? NEW_CONFIG_MODE;
  await writeFileAtomic(target, text, { mode });
}

/**
 * Reads a config file, applies an edit, and writes the result only if the edit succeeded and changed it.
 *
 * A missing file is edited as empty text. If the file cannot be read or the edit is refused, the file is
 * left untouched and the reason is returned.
 */
export async function updateConfigFile(
  path: string,
  edit: (text: string) => ConfigResult<string>,
): Promise<ConfigFileUpdateResult> {
  const read = await readConfigFile(path);
  if (read.kind === 'unreadable') return { kind: 'refused', reason: read.reason };
  const before = read.kind === 'ok' ? read.text : '';
  const edited = edit(before);
  if (!edited.ok) return { kind: 'refused', reason: edited.error.message };
  if (edited.value === before && read.kind === 'ok') return { kind: 'unchanged' };
  await writeConfigFile(path, edited.value);
  return { kind: 'written' };
}

async function resolveLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error: unknown) {
    if (isNotFound(error)) return path;
    throw error;
  }
}

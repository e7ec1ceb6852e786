import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Permission bits of the written file; 0o600 unless given. */
  readonly mode?: number;
}

// SECURITY: files under ~/.aws hold tokens and client secrets; owner-only unless a caller says otherwise.
const SECRET_FILE_MODE = 0o600;
// SECURITY: directories we create under ~/.aws are owner-only (the CLI uses 0755; stricter is compatible).
const PRIVATE_DIR_MODE = 0o700;

/**
 * Writes a file atomically: a temporary file in the same directory, flushed, then renamed over the target.
 *
 * Readers (the AWS CLI, SDKs, another Rolecall window) see either the old or the new content, never a
 * half-written file. Creates missing parent directories with mode 0700. The temporary file is removed if
 * anything fails. A symlink at `path` is replaced, not followed.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const mode = options.mode ?? SECRET_FILE_MODE;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // Hidden and not `*.json`, so `aws sso logout` (which scans `*.json`) never picks up a half-written file.
  const tempPath = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // SECURITY: the file is created with its final mode (never world-readable, even for a moment), and
    // `wx` (O_EXCL) refuses to follow anything planted at the temporary name.
    handle = await open(tempPath, 'wx', mode);
    // open() applies the umask; chmod makes the mode exact (e.g. keeping a config file's 0644).
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, path);
  } catch (error: unknown) {
    await handle?.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Returns the permission bits of an existing file, or `undefined` when there is no file.
 *
 * Used to keep a user's chosen mode on `~/.aws/config` when rewriting it.
 */
export async function existingFileMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch (error: unknown) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Tells whether an error from `node:fs` means "no such file or directory". */
export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

/** Reads the `code` of an error from `node:fs` without trusting its type. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

// Makes the rename itself durable across a power loss. Directories cannot be opened for sync on
// Windows, and the write has already succeeded, so failure here is not an error.
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort, see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

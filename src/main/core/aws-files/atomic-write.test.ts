import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingFileMode, writeFileAtomic } from './atomic-write';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing parent directories 0700 and the file 0600 by default', async () => {
    const path = join(dir, 'a', 'b', 'token.json');
    await writeFileAtomic(path, 'secret');
    expect(await readFile(path, 'utf8')).toBe('secret');
    if (posix) {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'a'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'a', 'b'))).mode & 0o777).toBe(0o700);
    }
  });

  it('replaces an existing file, sets the requested mode and leaves no temporary file', async () => {
    const path = join(dir, 'config');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'new', { mode: 0o640 });
    expect(await readFile(path, 'utf8')).toBe('new');
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('tightens a world-readable secrets file to 0600', async () => {
    const path = join(dir, 'token.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'new');
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('replaces a symlink instead of writing through it', async () => {
    const elsewhere = join(dir, 'elsewhere');
    await writeFile(elsewhere, 'untouched');
    const path = join(dir, 'token.json');
    await symlink(elsewhere, path);
    await writeFileAtomic(path, 'new');
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched');
    expect((await lstat(path)).isSymbolicLink()).toBe(false);
  });

  it('removes the temporary file when the rename fails', async () => {
    const target = join(dir, 'target');
    // A non-empty directory at the target makes rename fail after the temp file is written.
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'target']);
  });
});

describe('existingFileMode', () => {
  it('returns the mode bits or undefined when there is no file', async () => {
    const path = join(dir, 'f');
    expect(await existingFileMode(path)).toBeUndefined();
    await writeFile(path, '', { mode: 0o640 });
    if (posix) expect(await existingFileMode(path)).toBe(0o640);
  });
});

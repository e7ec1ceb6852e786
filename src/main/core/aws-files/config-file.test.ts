import { mkdtemp, readFile, rm, stat, symlink, writeFile, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSection } from './config-editor';
import { readConfigFile, updateConfigFile, writeConfigFile } from './config-file';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readConfigFile', () => {
  it('reports a missing file, keeps a byte-order mark, and refuses invalid UTF-8', async () => {
    const path = join(dir, 'config');
    expect(await readConfigFile(path)).toEqual({ kind: 'missing' });
    await writeFile(path, '\ufeff[default]\n');
    expect(await readConfigFile(path)).toEqual({ kind: 'ok', text: '\ufeff[default]\n' });
    await writeFile(path, Buffer.from([0x5b, 0xff, 0x5d]));
    expect(await readConfigFile(path)).toMatchObject({ kind: 'unreadable' });
  });
});

describe('writeConfigFile', () => {
  it('creates a new config 0600 and keeps the mode of an existing one', async () => {
    const path = join(dir, '.aws', 'config');
    await writeConfigFile(path, 'a');
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFile(join(dir, 'shared'), 'x', { mode: 0o644 });
    await writeConfigFile(join(dir, 'shared'), 'b');
    if (posix) expect((await stat(join(dir, 'shared'))).mode & 0o777).toBe(0o644);
  });

  it('writes through a symlinked config, keeping the link', async () => {
    const real = join(dir, 'dotfiles-config');
    const link = join(dir, 'config');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeConfigFile(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
  });
});

describe('updateConfigFile', () => {
  const edit = (text: string) => setSection(text, { kind: 'profile', name: 'dev' }, { region: 'eu-west-1' });

  it('creates, updates, and skips writing when nothing changes', async () => {
    const path = join(dir, 'config');
    expect(await updateConfigFile(path, edit)).toEqual({ kind: 'written' });
    expect(await readFile(path, 'utf8')).toBe('[profile dev]\nregion = eu-west-1\n');
    const before = (await stat(path)).mtimeMs;
    expect(await updateConfigFile(path, edit)).toEqual({ kind: 'unchanged' });
    expect((await stat(path)).mtimeMs).toBe(before);
  });

  it('leaves a file it cannot edit untouched and says why', async () => {
    const path = join(dir, 'config');
    const broken = '[profile dev]\nregion = a\nnot ini at all\n';
    await writeFile(path, broken);
    const result = await updateConfigFile(path, edit);
    expect(result).toMatchObject({ kind: 'refused' });
    expect(result.kind === 'refused' && result.reason).toContain('Line 3');
    expect(await readFile(path, 'utf8')).toBe(broken);
  });
});

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAutostart, autostartEntry, autostartPath, HIDDEN_ARG, loginItemSettings, quoteExecArg, startedHidden } from './login-item';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

describe('launch at login', () => {
  it('asks macOS and Windows for a login item that starts hidden, and knows a login start', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, args: [HIDDEN_ARG] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: [HIDDEN_ARG] });
    expect(startedHidden(['/opt/Rolecall/rolecall', HIDDEN_ARG], false)).toBe(true);
    expect(startedHidden(['/Applications/Rolecall.app/Contents/MacOS/Rolecall'], true)).toBe(true);
    expect(startedHidden(['/opt/Rolecall/rolecall'], false)).toBe(false);
  });

  it('puts the Linux autostart entry under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/autostart/rolecall.desktop');
    expect(autostartPath({}, '/home/ana')).toBe('/home/ana/.config/autostart/rolecall.desktop');
    // The spec ignores a relative XDG_CONFIG_HOME.
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe('/home/ana/.config/autostart/rolecall.desktop');
  });

  it('writes an entry that starts Rolecall hidden, and removes it when the setting goes off', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'rolecall-autostart-'));
    dirs.push(home);
    const file = autostartPath({}, home);
    await applyAutostart(file, true, '/opt/Rolecall/rolecall');
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\n');
    expect(entry).toContain('\nExec=/opt/Rolecall/rolecall --hidden\n');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await applyAutostart(file, false, '/opt/Rolecall/rolecall');
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Off when already off is not an error.
    await applyAutostart(file, false, '/opt/Rolecall/rolecall');
  });

  it('quotes a path with spaces, quotes, dollars and percents as the Desktop Entry spec asks', () => {
    expect(quoteExecArg('/opt/Rolecall/rolecall')).toBe('/opt/Rolecall/rolecall');
    expect(quoteExecArg('/home/ana/My Apps/Rolecall')).toBe('"/home/ana/My Apps/Rolecall"');
    expect(quoteExecArg('/tmp/a"b$c`d\\e%f')).toBe('"/tmp/a\\"b\\$c\\`d\\\\e%%f"');
    // On top of the quoting, the string value doubles each backslash.
    expect(autostartEntry('/tmp/x\\y z')).toContain('Exec="/tmp/x\\\\\\\\y z" --hidden\n');
  });
});

/**
 * Launch at login, started hidden in the tray. macOS and Windows keep a login item (Electron's
 * `setLoginItemSettings`); Linux desktops read an XDG autostart entry, which Rolecall writes and removes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from 'electron';

/** The argument a login launch carries, so the app starts in the tray with no window. */
export const HIDDEN_ARG = '--hidden';

/** The login item for the setting, as Electron's `setLoginItemSettings` takes it (macOS and Windows). */
export function loginItemSettings(launchAtLogin: boolean): Settings {
  // Windows passes the argument on; macOS's login items do not, and say so with `wasOpenedAtLogin`.
  return { openAtLogin: launchAtLogin, args: [HIDDEN_ARG] };
}

/** Whether this start came from a login launch: our argument, or macOS's own flag. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}

/** Where the XDG autostart entry goes: `$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  const base = configHome !== undefined && path.isAbsolute(configHome) ? configHome : path.join(homedir, '.config');
  return path.join(base, 'autostart', 'rolecall.desktop');
}

/** The desktop entry that starts `execPath` hidden at login (Desktop Entry Specification 1.5). */
export function autostartEntry(execPath: string, extraArgs: readonly string[] = []): string {
  const exec = [execPath, ...extraArgs, HIDDEN_ARG].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Rolecall',
    'Comment=AWS IAM Identity Center, in the tray',
    // The value's own escaping (a backslash doubled) comes on top of the argument quoting.
    `Exec=${exec.replaceAll('\\', '\\\\')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the autostart entry to match the setting. */
export async function applyAutostart(file: string, launchAtLogin: boolean, execPath: string, extraArgs: readonly string[] = []): Promise<void> {
  if (!launchAtLogin) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, autostartEntry(execPath, extraArgs), { mode: 0o644 });
}

/**
 * Quotes one argument of `Exec=` as the spec asks: inside double quotes, `"`, `` ` ``, `$` and `\`
 * are escaped with a backslash, and a literal `%` is doubled (field codes start with it).
 */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`).replaceAll('%', '%%')}"`;
}

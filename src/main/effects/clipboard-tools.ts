/**
 * The clipboard outside Electron (the browser preview's host): through the operating system's own tool,
 * found at run time, as a person would use it from a terminal: `pbcopy` on macOS, `clip.exe` on Windows
 * and WSL, `wl-copy` on Wayland, `xclip` or `xsel` on X11.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../core/user-facing-error';

type Env = Readonly<Record<string, string | undefined>>;

/** A command line: the program and its arguments. */
export interface ToolCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** The tool that writes the clipboard, and the one that reads it back (`undefined` where there is none). */
export interface ClipboardTool {
  readonly name: string;
  readonly write: ToolCommand;
  readonly read: ToolCommand | undefined;
}

/** Finds the clipboard tool for this platform and session; `isOnPath` tells whether a program is installed. */
export function findClipboardTool(env: Env, platform: NodeJS.Platform, isOnPath: (program: string) => boolean): ClipboardTool | undefined {
  if (platform === 'darwin') return { name: 'pbcopy', write: { command: 'pbcopy', args: [] }, read: { command: 'pbpaste', args: [] } };
  const powershellRead = { command: 'powershell.exe', args: ['-NoProfile', '-Command', 'Get-Clipboard -Raw'] };
  if (platform === 'win32') return { name: 'clip.exe', write: { command: 'clip.exe', args: [] }, read: powershellRead };
  const candidates: ClipboardTool[] = [];
  if (nonEmpty(env['WAYLAND_DISPLAY'])) {
    candidates.push({ name: 'wl-copy', write: { command: 'wl-copy', args: [] }, read: { command: 'wl-paste', args: ['--no-newline'] } });
  }
  if (nonEmpty(env['DISPLAY'])) {
    candidates.push({ name: 'xclip', write: { command: 'xclip', args: ['-selection', 'clipboard'] }, read: { command: 'xclip', args: ['-selection', 'clipboard', '-o'] } });
    candidates.push({ name: 'xsel', write: { command: 'xsel', args: ['--clipboard', '--input'] }, read: { command: 'xsel', args: ['--clipboard', '--output'] } });
  }
  if (nonEmpty(env['WSL_DISTRO_NAME'])) candidates.push({ name: 'clip.exe', write: { command: 'clip.exe', args: [] }, read: powershellRead });
  return candidates.find((tool) => isOnPath(tool.write.command));
}

/** Whether an executable of that name is on `PATH`. */
export function onPath(env: Env, platform: NodeJS.Platform): (program: string) => boolean {
  const dirs = (env['PATH'] ?? '').split(platform === 'win32' ? ';' : ':').filter((d) => d !== '');
  return (program) =>
    dirs.some((dir) => {
      try {
        accessSync(path.join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** Writes `text` to the tool's standard input; fails with a message naming the tool. */
export function runWrite(tool: ClipboardTool, text: string, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    // SECURITY: no shell, and the text goes through stdin, never the command line (where `ps` would show it).
    // xclip and xsel stay behind to serve the selection; only the first process's exit is awaited.
    const child = spawn(tool.write.command, [...tool.write.args], { env: { ...env }, stdio: ['pipe', 'ignore', 'ignore'], shell: false });
    child.once('error', () => reject(new UserFacingError(`Rolecall could not start ${tool.name} to copy.`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new UserFacingError(`${tool.name} could not copy (it exited with ${String(code)}).`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** Reads the clipboard back; `undefined` when the tool cannot. */
export function runRead(tool: ClipboardTool, env: Env): Promise<string | undefined> {
  const read = tool.read;
  if (read === undefined) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = spawn(read.command, [...read.args], { env: { ...env }, stdio: ['ignore', 'pipe', 'ignore'], shell: false });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', () => resolve(undefined));
    child.once('close', (code) => resolve(code === 0 ? output : undefined));
  });
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

/**
 * Opening a URL in the person's browser from a terminal: only after the app's allowlist accepted it,
 * with the program named by `BROWSER` or the platform's opener, never through a shell.
 */
import type { Env } from '../core/aws-files/aws-paths';
import { startDetached } from '../core/browsers/start-program';
import { loopbackOriginsFromEnv } from '../core/loopback-origins';
import { parseAllowedExternalUrl } from '../security/external-url';
import type { CliContext } from './cli-context';
import { CliError, EXIT } from './cli-errors';

/**
 * Opens `raw` if the allowlist accepts it (AWS sign-in, console and portal pages, and a local emulator
 * the environment points at).
 */
export async function openAllowedUrl(context: CliContext, raw: string): Promise<void> {
  // SECURITY: the same allowlist as the desktop app's `openExternal` (checklist item 15).
  const url = parseAllowedExternalUrl(raw, loopbackOriginsFromEnv(context.env));
  if (url === null) throw new CliError('Rolecall will not open that address: it is not an AWS sign-in, console or portal page.', EXIT.failed);
  await context.openUrl(url);
}

/** The program and arguments that open a URL on this platform. */
export function browserCommand(env: Env, platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  const browser = env['BROWSER'];
  if (browser !== undefined && browser !== '') return { command: browser, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd.exe built-in that reads `&` in a URL as a command separator; the URL handler does not.
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** The real opener: starts the browser program detached, and fails if it cannot be started. */
export function createBrowserOpener(env: Env, platform: NodeJS.Platform): (url: URL) => Promise<void> {
  return async (url) => {
    const { command, args } = browserCommand(env, platform, url.href);
    await startDetached(command, args).catch(() => {
      throw new CliError(`Could not start ${command} to open the browser.`, EXIT.failed);
    });
  };
}

/**
 * The browser preview's effects for people (the default): real, through the host (the main side) and
 * never the page. URLs, already accepted by the app's allowlist, open through the same opener the
 * `rolecall` command uses (`BROWSER`, else the platform's opener); console windows open as browser tabs;
 * the clipboard goes through the OS's own tool; notifications are printed on the host's terminal.
 */
import { createBrowserOpener } from '../cli/browser';
import { startDetached } from '../core/browsers/start-program';
import { UserFacingError } from '../core/user-facing-error';
import { NoClipboardError } from '../effects/clipboard-error';
import { findClipboardTool, onPath, runRead, runWrite } from '../effects/clipboard-tools';
import type { Effects } from '../effects/effects';

type Env = Readonly<Record<string, string | undefined>>;

/** What the host's effects need from the process. */
export interface HostEffectsDeps {
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  /** A line for the person on the host's terminal (never a secret). */
  readonly say: (line: string) => void;
}

/** Creates the preview host's real effects. */
export function createHostEffects(deps: HostEffectsDeps): Effects {
  const browser = createBrowserOpener(deps.env, deps.platform);
  const open = async (url: URL): Promise<void> => {
    try {
      await browser(url);
    } catch {
      throw new UserFacingError('Rolecall could not start a browser to open the page. Set BROWSER to your browser’s program and start the preview again.');
    }
  };
  // Looked up at each use, so a tool installed while the preview runs is found.
  const tool = () => findClipboardTool(deps.env, deps.platform, onPath(deps.env, deps.platform));
  return {
    openExternal: open,
    openConsoleWindow: open,
    openInBrowser: async (_url, program) => {
      await startDetached(program.command, program.args).catch(() => {
        throw new UserFacingError(`Rolecall could not start ${program.name}. Choose another browser for this instance.`);
      });
    },
    // The preview's page cannot hand main a file path; the program comes from the host's environment.
    chooseProgram: () => Promise.resolve(deps.env['ROLECALL_PREVIEW_PICKED_PROGRAM']),
    async writeClipboard(text) {
      const found = tool();
      if (found === undefined) throw new NoClipboardError(deps.platform);
      await runWrite(found, text, deps.env);
    },
    async readClipboard() {
      const found = tool();
      // Unreadable: never "still ours", so the clearing of copied credentials leaves the clipboard alone.
      return (found === undefined ? undefined : await runRead(found, deps.env)) ?? '';
    },
    notify: (title, body) => deps.say(`Rolecall: ${title}: ${body}`),
  };
}

/**
 * Handlers of the browser choice: which browsers this machine has, and the one an instance opens pages in.
 */
import path from 'node:path';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { Effects } from '../../effects/effects';
import type { InstalledBrowser } from '../browsers/browser-catalog';
import type { InstanceService } from '../instances/instance-service';
import type { Notices } from '../notices';
import { UserFacingError } from '../user-facing-error';

type BrowserRequests = 'listBrowsers' | 'setBrowser' | 'chooseBrowserProgram';

/** Creates the browser handlers; `rescan` looks for the installed browsers again. */
export function browserHandlers(deps: {
  instances: InstanceService;
  notices: Notices;
  effects: Effects;
  rescan: () => Promise<readonly InstalledBrowser[]>;
}): Pick<RequestHandlers, BrowserRequests> {
  const { instances } = deps;
  return {
    // The window gets names and profiles only: the programs' paths stay in main.
    listBrowsers: async () => (await deps.rescan()).map(({ id, name, profiles }) => ({ id, name, profiles })),
    setBrowser: async ({ id, browser }) => {
      if (browser.kind === 'installed' && !(await deps.rescan()).some((b) => b.id === browser.id)) {
        throw new UserFacingError('That browser is not installed on this machine any more. Choose another.');
      }
      await instances.setBrowser(id, browser);
      return null;
    },
    chooseBrowserProgram: async ({ id }) => {
      instances.controller(id); // throws for an instance gone, before any dialog opens
      // SECURITY: the program's path comes from main's own file dialog, never from the window.
      const program = await deps.effects.chooseProgram('Choose the browser Rolecall opens pages in');
      if (program === undefined) return { chosen: false };
      await instances.setBrowser(id, { kind: 'executable', path: program });
      deps.notices.add('success', `Pages of this instance now open in ${path.basename(program)}.`);
      return { chosen: true };
    },
  };
}

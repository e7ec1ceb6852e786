/**
 * The application menu: the platform's usual menus plus Rolecall's Help entries.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu needs from the app. */
export interface MenuActions {
  readonly isMac: boolean;
  readonly openDocumentation: () => void;
  readonly copyAboutInfo: () => void;
}

/** Builds the menu template; pure, so it can be tested without Electron. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = actions.isMac ? [{ label: 'Rolecall', role: 'appMenu' }] : [];
  return [
    ...appMenu,
    actions.isMac ? { role: 'fileMenu' } : { label: '&File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'IAM Identity Center User Guide', click: actions.openDocumentation },
        { label: 'Copy Version Details', click: actions.copyAboutInfo },
      ],
    },
  ];
}

/**
 * Maps the tray model onto Electron's menu template: a pure function, so the mapping is tested under
 * plain Node and the shell only hands the result to `Menu.buildFromTemplate`.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayIntent, TrayMenuItem } from '../../shared/tray-menu';
import { electronMenuLabel } from '../core/tray/tray-labels';

/** Builds the template; every click runs its item's intent. */
export function trayMenuTemplate(
  items: readonly TrayMenuItem[],
  platform: string,
  run: (intent: TrayIntent) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => templateItem(item, platform, run));
}

function templateItem(item: TrayMenuItem, platform: string, run: (intent: TrayIntent) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { id: item.id, type: 'separator' };
    case 'label':
      return { id: item.id, label: menuLabel(item.label, platform), enabled: false };
    case 'action':
      return { id: item.id, label: menuLabel(item.label, platform), click: () => run(item.intent) };
    case 'submenu':
      return { id: item.id, label: menuLabel(item.label, platform), submenu: trayMenuTemplate(item.items, platform, run) };
  }
}

/** A label shown as written: "R&D" would otherwise lose its ampersand on Windows and Linux (and steal a key). */
export function menuLabel(label: string, platform: string): string {
  return platform === 'darwin' ? label : electronMenuLabel(label);
}

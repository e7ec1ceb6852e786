/**
 * Which picture the tray shows for each state. macOS gets template images (black and clear, tinted by
 * the menu bar); Windows and Linux get coloured ones. Each has a 2x version beside it (`@2x`), which
 * Electron picks on high-density screens.
 */
import path from 'node:path';
import type { TrayIconState } from '../../shared/tray-menu';

/** The file names, without the `@2x` suffix, under `assets/tray/`. */
export const trayIconFiles: Readonly<Record<TrayIconState, { readonly template: string; readonly colour: string }>> = {
  signedIn: { template: 'trayTemplate.png', colour: 'tray.png' },
  needsSignIn: { template: 'tray-needs-sign-inTemplate.png', colour: 'tray-needs-sign-in.png' },
  noInstances: { template: 'tray-idleTemplate.png', colour: 'tray-idle.png' },
};

/** The icon file for a state on a platform. */
export function trayIconPath(state: TrayIconState, platform: string, assetsDir: string): string {
  const files = trayIconFiles[state];
  return path.join(assetsDir, 'tray', platform === 'darwin' ? files.template : files.colour);
}

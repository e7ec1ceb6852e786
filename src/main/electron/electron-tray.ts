/**
 * The tray icon: Electron's `Tray` behind the controller's {@link TrayPort}. The menu is rebuilt from
 * the controller's template; the icon picture and tooltip change only when the state does.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { TrayPort } from '../desktop/desktop-controller';

export interface ElectronTray extends TrayPort {
  destroy(): void;
}

/** Creates the tray icon; `onClick` runs on a plain click (Windows opens the window this way). */
export function createElectronTray(firstIcon: string, platform: string, onClick: () => void): ElectronTray {
  const tray = new Tray(trayImage(firstIcon, platform));
  // macOS and Linux show the menu on click; Windows shows it on right-click, and a click opens the window.
  if (platform === 'win32') tray.on('click', onClick);
  return {
    setMenu: (template) => tray.setContextMenu(Menu.buildFromTemplate(template)),
    setImage: (file) => tray.setImage(trayImage(file, platform)),
    setToolTip: (text) => tray.setToolTip(text),
    destroy: () => tray.destroy(),
  };
}

function trayImage(file: string, platform: string): Electron.NativeImage {
  const image = nativeImage.createFromPath(file);
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

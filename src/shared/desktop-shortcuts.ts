/**
 * The quick switcher's global shortcut: a default per platform that the desktop leaves free, and how
 * the person's setting resolves against it.
 */

/** The default accelerator for a Node platform name (`darwin`, `win32`, `linux`, …). */
export function defaultSwitcherShortcut(platform: string): string {
  // macOS keeps Cmd+Space for Spotlight and Ctrl+Space for input sources; Windows keeps Alt+Space for the window menu.
  return platform === 'darwin' ? 'Command+Shift+Space' : 'Control+Alt+Space';
}

/** The accelerator in force: the person's own, none when they turned it off (''), else the default. */
export function switcherShortcut(setting: string | undefined, platform: string): string | null {
  if (setting === '') return null;
  return setting ?? defaultSwitcherShortcut(platform);
}

/** The Node platform name at the start of the app's platform line ("linux x64" → "linux"). */
export function platformOf(appPlatform: string): string {
  return appPlatform.split(' ')[0] ?? appPlatform;
}

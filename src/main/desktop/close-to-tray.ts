/**
 * Whether closing the main window hides it in the tray or really closes it.
 */

export interface CloseContext {
  /** The person's setting. */
  readonly closeToTray: boolean;
  /** Whether a tray icon is up (some Linux desktops have no tray). */
  readonly hasTray: boolean;
  /** Quit was asked for (menu, tray, Cmd+Q, the OS logging out): nothing is kept. */
  readonly quitting: boolean;
}

/** `hide` keeps the app, its sign-ins and its timers running behind the tray icon. */
export function closeAction(context: CloseContext): 'hide' | 'close' {
  return context.closeToTray && context.hasTray && !context.quitting ? 'hide' : 'close';
}

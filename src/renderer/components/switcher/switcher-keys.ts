/**
 * What a key in the quick switcher does: Enter opens the console, Ctrl/⌘+Enter copies credentials (in
 * the remembered format), Shift+Enter makes the role the terminal's default, Esc closes.
 */
export type SwitcherKeyAction = 'openConsole' | 'copyCredentials' | 'useInTerminal' | 'close' | 'up' | 'down' | null;

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export function switcherKeyAction(event: KeyLike): SwitcherKeyAction {
  switch (event.key) {
    case 'Escape':
      return 'close';
    case 'ArrowDown':
      return 'down';
    case 'ArrowUp':
      return 'up';
    case 'Enter':
      if (event.ctrlKey || event.metaKey) return 'copyCredentials';
      return event.shiftKey ? 'useInTerminal' : 'openConsole';
    default:
      return null;
  }
}

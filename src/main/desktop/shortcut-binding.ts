/**
 * Keeps the quick switcher's global shortcut registered as the settings say: one accelerator at a
 * time, re-registered only when it changes, and a shortcut another app holds reported once.
 */

/** The part of Electron's `globalShortcut` this needs. */
export interface GlobalShortcutPort {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface ShortcutBinding {
  /** Registers `accelerator` (or nothing, for `null`) in place of the current one. */
  bind(accelerator: string | null): void;
  dispose(): void;
}

/** Creates the binding; `onTaken` hears of an accelerator that could not be registered. */
export function createShortcutBinding(
  port: GlobalShortcutPort,
  onPress: () => void,
  onTaken: (accelerator: string) => void,
): ShortcutBinding {
  let wanted: string | null = null;
  let registered: string | null = null;
  const release = (): void => {
    if (registered !== null) port.unregister(registered);
    registered = null;
  };
  return {
    bind(accelerator) {
      if (accelerator === wanted) return;
      wanted = accelerator;
      release();
      if (accelerator === null) return;
      // Electron throws on an accelerator it cannot parse, and returns false when another app holds it.
      let done = false;
      try {
        done = port.register(accelerator, onPress);
      } catch {
        done = false;
      }
      if (done) registered = accelerator;
      else onTaken(accelerator);
    },
    dispose() {
      release();
      wanted = null;
    },
  };
}

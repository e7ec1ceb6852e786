import { describe, expect, it } from 'vitest';
import { createShortcutBinding, type GlobalShortcutPort } from './shortcut-binding';

/** Electron's globalShortcut as a fake: `taken` accelerators belong to another app; `Bogus` does not parse. */
function fakeShortcuts(taken: string[] = []) {
  const registered = new Map<string, () => void>();
  const log: string[] = [];
  const port: GlobalShortcutPort = {
    register(accelerator, callback) {
      log.push(`register ${accelerator}`);
      if (accelerator.includes('Bogus')) throw new TypeError('conversion failure');
      if (taken.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    },
    unregister(accelerator) {
      log.push(`unregister ${accelerator}`);
      registered.delete(accelerator);
    },
  };
  return { port, registered, log };
}

describe('createShortcutBinding', () => {
  it('registers the accelerator, re-registers only on a change, and unregisters when turned off', () => {
    const shortcuts = fakeShortcuts();
    let presses = 0;
    const binding = createShortcutBinding(shortcuts.port, () => presses++, () => {});
    binding.bind('Control+Alt+Space');
    binding.bind('Control+Alt+Space');
    shortcuts.registered.get('Control+Alt+Space')?.();
    expect(presses).toBe(1);
    binding.bind('Control+Alt+K');
    binding.bind(null);
    expect(shortcuts.log).toEqual(['register Control+Alt+Space', 'unregister Control+Alt+Space', 'register Control+Alt+K', 'unregister Control+Alt+K']);
    expect(shortcuts.registered.size).toBe(0);
  });

  it('says once that a shortcut another app holds, or one that does not parse, could not be registered', () => {
    const shortcuts = fakeShortcuts(['Control+Alt+Space']);
    const taken: string[] = [];
    const binding = createShortcutBinding(shortcuts.port, () => {}, (accelerator) => taken.push(accelerator));
    binding.bind('Control+Alt+Space');
    binding.bind('Control+Alt+Space');
    binding.bind('Control+Bogus');
    binding.bind('Control+Alt+K');
    expect(taken).toEqual(['Control+Alt+Space', 'Control+Bogus']);
    expect([...shortcuts.registered.keys()]).toEqual(['Control+Alt+K']);
    binding.dispose();
    expect(shortcuts.registered.size).toBe(0);
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

function findItem(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, label);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe('the application menu', () => {
  it('has the platform menus and Rolecall’s help entries', () => {
    const openDocumentation = vi.fn();
    const copyAboutInfo = vi.fn();
    const mac = buildMenuTemplate({ isMac: true, openDocumentation, copyAboutInfo });
    expect(mac[0]).toMatchObject({ role: 'appMenu' });
    expect(mac.map((m) => m.role)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help']));
    const linux = buildMenuTemplate({ isMac: false, openDocumentation, copyAboutInfo });
    expect(linux.some((m) => m.role === 'appMenu')).toBe(false);

    const guide = findItem(linux, 'IAM Identity Center User Guide');
    (guide?.click as (() => void) | undefined)?.();
    expect(openDocumentation).toHaveBeenCalledOnce();
    (findItem(linux, 'Copy Version Details')?.click as (() => void) | undefined)?.();
    expect(copyAboutInfo).toHaveBeenCalledOnce();
  });
});

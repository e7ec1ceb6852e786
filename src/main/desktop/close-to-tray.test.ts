import { describe, expect, it } from 'vitest';
import { closeAction } from './close-to-tray';

describe('closeAction', () => {
  it('hides the window in the tray only when the setting is on, a tray is up and no quit was asked for', () => {
    expect(closeAction({ closeToTray: true, hasTray: true, quitting: false })).toBe('hide');
    expect(closeAction({ closeToTray: false, hasTray: true, quitting: false })).toBe('close');
    expect(closeAction({ closeToTray: true, hasTray: false, quitting: false })).toBe('close');
    expect(closeAction({ closeToTray: true, hasTray: true, quitting: true })).toBe('close');
  });
});

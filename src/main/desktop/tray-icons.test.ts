import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayIconState } from '../../shared/tray-menu';
import { trayIconFiles, trayIconPath } from './tray-icons';

const assetsDir = path.join(import.meta.dirname, '..', '..', '..', 'assets');
const states = Object.keys(trayIconFiles) as TrayIconState[];

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('tray icons', () => {
  it('has a picture for every state on every platform, at 16 px and at 32 px for @2x screens', async () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const state of states) {
        const file = trayIconPath(state, platform, assetsDir);
        expect(await pngSize(file)).toEqual([16, 16]);
        expect(await pngSize(file.replace(/\.png$/, '@2x.png'))).toEqual([32, 32]);
      }
    }
  });

  it('gives macOS template images (named …Template so Electron tints them) and each state its own picture', () => {
    for (const state of states) expect(path.basename(trayIconPath(state, 'darwin', assetsDir))).toMatch(/Template\.png$/);
    for (const platform of ['darwin', 'linux']) expect(new Set(states.map((s) => trayIconPath(s, platform, assetsDir))).size).toBe(states.length);
  });

  it('ships the pictures: electron-builder packs assets/tray', async () => {
    expect(await readFile(path.join(assetsDir, '..', 'electron-builder.yml'), 'utf8')).toMatch(/^ {2}- assets\/tray\/\*\.png$/m);
  });
});

/**
 * Draws the tray icons (assets/tray/) with Chromium: one SVG per state, as coloured icons for Windows
 * and Linux and as template images (black on clear, tinted by the menu bar) for macOS, each at 16 px
 * and at 32 px for high-density screens (`@2x`). Run it after changing a drawing:
 *
 *   npx tsx scripts/tray-icons.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { browserExecutablePath } from '../tools/browser/browser-path';

type TrayIconState = 'signedIn' | 'needsSignIn' | 'noInstances';

/** As src/main/desktop/tray-icons.ts names them (its test checks every one is here, at both sizes). */
const trayIconFiles: Record<TrayIconState, { template: string; colour: string }> = {
  signedIn: { template: 'trayTemplate.png', colour: 'tray.png' },
  needsSignIn: { template: 'tray-needs-sign-inTemplate.png', colour: 'tray-needs-sign-in.png' },
  noInstances: { template: 'tray-idleTemplate.png', colour: 'tray-idle.png' },
};

const outDir = path.join(import.meta.dirname, '..', 'assets', 'tray');

/** A call-bell glyph (Rolecall's mark, simplified for 16 px) on a badge. */
function drawing(state: TrayIconState, template: boolean): string {
  const ink = template ? '#000' : '#fff';
  const badge = template ? '' : `<rect x="0.5" y="0.5" width="15" height="15" rx="4" fill="${state === 'noInstances' ? '#8a8a99' : '#4634D6'}"/>`;
  const bell =
    state === 'noInstances' && template
      ? `<path d="M3.5 11.5h9M5 11.5a3 3 0 0 1 6 0" fill="none" stroke="${ink}" stroke-width="1.4"/><circle cx="8" cy="6.6" r="1" fill="${ink}"/>`
      : `<path d="M3 12h10v-0.6a5 5 0 0 0-10 0z" fill="${ink}"/><rect x="7" y="4.2" width="2" height="2" rx="1" fill="${ink}"/>`;
  const dot =
    state === 'needsSignIn'
      ? template
        ? '<circle cx="12.5" cy="3.5" r="3" fill="#000"/>'
        : '<circle cx="12.5" cy="3.5" r="3.2" fill="#ff9f1a" stroke="#fff" stroke-width="1.2"/>'
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${badge}${bell}${dot}</svg>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: browserExecutablePath() });
  await mkdir(outDir, { recursive: true });
  for (const [state, files] of Object.entries(trayIconFiles) as [TrayIconState, (typeof trayIconFiles)[TrayIconState]][]) {
    for (const [template, file] of [[true, files.template], [false, files.colour]] as const) {
      for (const scale of [1, 2]) {
        const page = await browser.newPage({ viewport: { width: 16, height: 16 }, deviceScaleFactor: scale });
        await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:16px;height:16px}</style>${drawing(state, template)}`);
        const png = await page.screenshot({ omitBackground: true });
        const name = scale === 1 ? file : file.replace(/\.png$/, '@2x.png');
        await writeFile(path.join(outDir, name), png);
        await page.close();
      }
    }
  }
  await browser.close();
  console.log(`Drew ${Object.keys(trayIconFiles).length * 4} tray icons into ${path.relative(process.cwd(), outDir)}/`);
}

await main();

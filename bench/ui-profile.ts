/**
 * Where the renderer's script time goes, by function: a V8 CPU profile (Chrome DevTools Protocol) of a cached
 * list of `accounts × roles` opened from an idle window (`open`), loaded (`load`) or searched (`type`), listed
 * by self time. `tsx bench/ui-profile.ts 10000 5 open` after `npm run build`.
 */
import { chromium } from '@playwright/test';
import { browserExecutablePath } from '../tools/browser/browser-path';
import { seededHost } from './ui-host';
import { FIRST_ROW_MESSAGE, instrumentation } from './ui-page';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const size = { accounts: Number(process.argv[2] ?? 10000), rolesPerAccount: Number(process.argv[3] ?? 5) };
const mode = process.argv[4] ?? 'open';
const browser = await chromium.launch({ executablePath: browserExecutablePath(), args: ['--no-sandbox', '--disable-gpu'] });
const host = await seededHost(size, mode === 'open');
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (mode === 'open') {
  // From the click until the first row is painted, as the first-render figure counts it.
  await page.addInitScript(instrumentation('.account-row'));
  await page.goto(host.url);
  const bench = page.getByRole('button', { name: /^bench,/ });
  await bench.waitFor();
  await page.waitForTimeout(1500);
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_ROW_MESSAGE, timeout: 60_000 });
  // Clicked from inside the page, so the profile's first milliseconds are the click's own task.
  const handle = await bench.elementHandle();
  await cdp.send('Profiler.start');
  await handle?.evaluate((element) => (element as HTMLElement).click());
  // ROLECALL_PROFILE_CLICK_ONLY=1: stop as the click's task ends, before the work that follows the paint.
  if (process.env['ROLECALL_PROFILE_CLICK_ONLY'] !== '1') await painted;
} else if (mode === 'type') {
  await page.goto(host.url);
  await page.locator('.account-row').first().waitFor();
  await page.getByLabel('Search accounts and roles').click();
  await page.waitForTimeout(1500);
  await cdp.send('Profiler.start');
  await page.keyboard.type('payments prod admin', { delay: 60 });
} else {
  // Until the first row is painted, as the start-up figure counts it.
  await page.addInitScript(instrumentation('.account-row'));
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_ROW_MESSAGE, timeout: 60_000 });
  await cdp.send('Profiler.start');
  await page.goto(host.url);
  await painted;
}
if (mode === 'type') {
  await page.locator('.account-row').first().waitFor();
  await page.waitForTimeout(300);
}
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const keyOf = (node: ProfileNode): string => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
};
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  if (node === undefined) return;
  self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const up = byId.get(at);
    if (up === undefined) break;
    const key = keyOf(up);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
});
console.log(`samples ${profile.samples.length}, span ${(profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000).toFixed(0)} ms`);
const rows = [...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]);
const total = rows.reduce((n, [, v]) => n + v, 0);
console.log(`script self time ${total.toFixed(1)} ms (program ${(self.get('(program) :0:0') ?? 0).toFixed(1)} ms, gc ${(self.get('(garbage collector) :0:0') ?? 0).toFixed(1)} ms)`);
console.log(rows.slice(0, 30).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n'));
const skip = /^\((root|program|idle|garbage collector)\)/;
const byTotal = [...inclusive.entries()].filter(([k]) => !skip.test(k)).sort((a, b) => b[1] - a[1]);
console.log('\nby total time (self and callees):');
console.log(byTotal.slice(0, Number(process.env['ROLECALL_PROFILE_TOP'] ?? 40)).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n'));
await browser.close();
host.stop();

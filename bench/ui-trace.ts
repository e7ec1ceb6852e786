/**
 * Where the renderer's main thread spends its time: a Chromium trace of a cached list of `accounts × roles`
 * loading (`load`), opened from an idle window (`open`) or searched (`type`), summed by event and listed by
 * long task. `tsx bench/ui-trace.ts 10000 5 open` after `npm run build`.
 */
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { browserExecutablePath } from '../tools/browser/browser-path';
import { seededHost } from './ui-host';
const size = { accounts: Number(process.argv[2] ?? 10000), rolesPerAccount: Number(process.argv[3] ?? 5) };
const mode = process.argv[4] ?? 'open';
const browser = await chromium.launch({ executablePath: browserExecutablePath(), args: ['--no-sandbox', '--disable-gpu'] });
const host = await seededHost(size, mode === 'open');
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const file = '/tmp/trace.json';
if (mode === 'open') {
  await page.goto(host.url);
  const bench = page.getByRole('button', { name: /^bench,/ });
  await bench.waitFor();
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading'] });
  await bench.click();
} else if (mode === 'type') {
  await page.goto(host.url);
  await page.locator('.account-row').first().waitFor();
  await page.getByLabel('Search accounts and roles').click();
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8.execute'] });
  await page.keyboard.type('payments prod admin', { delay: 60 });
} else {
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading'] });
  await page.goto(host.url);
}
await page.locator('.account-row').first().waitFor();
await page.waitForTimeout(300);
await browser.stopTracing();
const trace = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number; cat: string; args?: { data?: { url?: string; type?: string } } }[] };
const events = trace.traceEvents;
const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
const onMain = events.filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid);
const by = new Map<string, number>();
for (const e of onMain) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
console.log([...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n'));
const t0 = Math.min(...onMain.map((e) => e.ts));
const top = onMain.filter((e) => (e.dur ?? 0) > 3000 && !onMain.some((p) => p !== e && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0)));
for (const e of top) {
  const inside = onMain.filter((c) => c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && c !== e && ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'ParseHTML', 'EvaluateScript', 'v8.compile', 'MajorGC', 'MinorGC', 'HitTest', 'Commit', 'v8.run', 'RunMicrotasks'].includes(c.name));
  console.log(`${e.name} @${((e.ts - t0) / 1000).toFixed(1)} ${((e.dur ?? 0) / 1000).toFixed(1)} ms: ` + inside.map((c) => `${c.name} ${((c.dur ?? 0) / 1000).toFixed(1)}${c.args?.data?.type ? '(' + c.args.data.type + ')' : ''}`).join(', '));
}
await browser.close();
host.stop();

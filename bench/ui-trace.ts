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
  for (const query of ['payments prod admin', 'staging read', '1234']) {
    await page.keyboard.type(query, { delay: 60 });
    for (let i = 0; i < query.length; i += 1) await page.keyboard.press('Backspace', { delay: 60 });
  }
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
if (mode === 'type') {
  // Per keystroke: the main thread's work from the keydown to the end of the next paint, by kind.
  const keydowns = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts);
  const kinds: Record<string, string[]> = { script: ['FunctionCall', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame'], style: ['UpdateLayoutTree'], layout: ['Layout'], paint: ['Paint', 'PrePaint', 'Layerize', 'Commit'] };
  const perKey = keydowns.map((at, i) => {
    const until = keydowns[i + 1] ?? Infinity;
    const paint = onMain.find((e) => e.name === 'Paint' && e.ts > at && e.ts < until);
    const end = paint === undefined ? until : paint.ts + (paint.dur ?? 0);
    const sums: Record<string, number> = { total: (end - at) / 1000 };
    for (const [kind, names] of Object.entries(kinds)) {
      sums[kind] = onMain.filter((e) => e.ts >= at && e.ts < end && names.includes(e.name) && !onMain.some((p) => p !== e && names.includes(p.name) && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0))).reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
    }
    return sums;
  });
  const pct = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? NaN;
  for (const kind of ['total', ...Object.keys(kinds)]) {
    const values = perKey.map((k) => k[kind] ?? 0);
    console.log(`keystroke ${kind.padEnd(6)} p50 ${pct(values, 50).toFixed(1)} ms, p95 ${pct(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (${values.length} keys)`);
  }
}
await browser.close();
host.stop();

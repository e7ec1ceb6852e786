/**
 * The UI benchmark's measurements in one page of Chromium: loads until the first row is painted, typing,
 * keyboard scrolling and the renderer's heap. Each returns raw figures; bench/ui.ts sets them beside their floor.
 */
import type { Browser, Page } from '@playwright/test';
import { FIRST_ROW_MESSAGE, instrumentation, type PageTimings } from './ui-page';

export const ROW = '.account-row';
const QUERIES = ['payments prod admin', 'staging read', '1234', 'data lake power', 'billing'];
const VIEWPORT = { width: 1280, height: 800 };

export const timings = (page: Page): Promise<PageTimings> =>
  page.evaluate(() => (window as unknown as { __rolecallBench: PageTimings }).__rolecallBench);

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

async function instrumentedPage(browser: Browser, selector = ROW): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(instrumentation(selector));
  return page;
}

/** Resolves when the page's instrumentation says the first row was painted; waiting touches nothing in the page. */
function firstRowPainted(page: Page): Promise<unknown> {
  return page.waitForEvent('console', { predicate: (message) => message.text() === FIRST_ROW_MESSAGE, timeout: 60_000 });
}

/** Opens `url` and waits until its first row was painted. */
export async function loadUntilFirstRow(page: Page, url: string): Promise<void> {
  const painted = firstRowPainted(page);
  await page.goto(url);
  await painted;
}

/** One cold load of `url` in a new page: what the instrumentation saw until `selector` was painted. */
export async function loadOnce(browser: Browser, url: string, selector: string): Promise<PageTimings> {
  const page = await instrumentedPage(browser, selector);
  await loadUntilFirstRow(page, url);
  const loaded = await timings(page);
  await page.close();
  return loaded;
}

/** Types and erases the queries in the focused field, a key every 60 ms. */
async function typeQueries(page: Page): Promise<void> {
  for (const query of QUERIES) {
    await page.keyboard.type(query, { delay: 60 });
    for (let i = 0; i < query.length; i += 1) await page.keyboard.press('Backspace', { delay: 60 });
  }
  await page.waitForTimeout(200);
}

/** This machine's floor for keystroke-to-paint: the same keys typed into a bare input on an empty page. */
export async function bareInputKeystrokes(browser: Browser): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.setContent('<input aria-label="bare">');
  await page.evaluate(instrumentation(ROW));
  await page.getByLabel('bare').click();
  await typeQueries(page);
  const { keystrokes } = await timings(page);
  await page.close();
  return keystrokes;
}

const searchBox = (page: Page) => page.getByRole('searchbox').or(page.getByLabel('Search accounts and roles')).first();

/** One typing session in the list at `url`. With `keep`, the page stays open (for its heap) and is returned. */
export async function typingSession(browser: Browser, url: string): Promise<{ typed: PageTimings; page: Page }> {
  const page = await instrumentedPage(browser);
  await loadUntilFirstRow(page, url);
  await searchBox(page).click();
  await page.evaluate(() => {
    const bench = (window as unknown as { __rolecallBench: PageTimings }).__rolecallBench;
    bench.keystrokes = [];
    bench.results = [];
    bench.sameFrame = [];
  });
  await typeQueries(page);
  return { typed: await timings(page), page };
}

/** The renderer's V8 heap in use after a full garbage collection, in bytes. */
export async function rendererHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

/** What scrolling the whole list with the keyboard showed: frames, the dropped ones and how far it got. */
export interface ScrollRun {
  readonly frames: number;
  readonly dropped: number;
  readonly presses: number;
  readonly durationMs: number;
  readonly reachedEnd: boolean;
}

/** The frame budget of a 60 Hz display. */
const FRAME_MS = 1000 / 60;

/** Frames a run of rAF timestamps spans, and how many of them had no frame of their own (missed vsyncs). */
export function droppedFrames(stamps: readonly number[]): { frames: number; dropped: number } {
  let frames = 0;
  let dropped = 0;
  for (let i = 1; i < stamps.length; i += 1) {
    const slots = Math.max(1, Math.round(((stamps[i] ?? 0) - (stamps[i - 1] ?? 0)) / FRAME_MS));
    frames += slots;
    dropped += slots - 1;
  }
  return { frames, dropped };
}

const activeIndex = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.activeElement?.getAttribute('data-index') ?? -1));

/**
 * Scrolls from the first row to the last with PageDown held as a keyboard repeats it (one press every
 * 33 ms), recording every frame the page paints meanwhile.
 */
export async function scrollByKeyboard(browser: Browser, url: string, rowCount: number): Promise<ScrollRun> {
  const page = await instrumentedPage(browser);
  await loadUntilFirstRow(page, url);
  await page.locator(ROW).first().focus();
  await page.waitForTimeout(500);
  await page.evaluate(() => (window as unknown as { __rolecallFrames: { start: () => void } }).__rolecallFrames.start());
  const started = performance.now();
  let presses = 0;
  let last = -1;
  for (let unchanged = 0; unchanged < 3 && presses < rowCount; presses += 1) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(33);
    if (presses % 10 !== 9) continue;
    const index = await activeIndex(page);
    unchanged = index === last ? unchanged + 1 : 0;
    last = index;
  }
  const durationMs = performance.now() - started;
  await page.evaluate(() => (window as unknown as { __rolecallFrames: { stop: () => void } }).__rolecallFrames.stop());
  const { frames } = await timings(page);
  const reachedEnd = await page.evaluate(() => {
    const row = document.activeElement;
    return row !== null && row.getAttribute('aria-posinset') === row.getAttribute('aria-setsize');
  });
  await page.close();
  return { ...droppedFrames(frames), presses, durationMs, reachedEnd };
}

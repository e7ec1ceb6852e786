/**
 * The in-page instrumentation of the UI benchmark: timestamps the first account list frame from main,
 * the first painted account row, and every keystroke's next paint. Runs before the page's own scripts.
 */

/** What the page records; read back with `page.evaluate(() => window.__rolecallBench)`. */
export interface PageTimings {
  accountsFrameAt: number | null;
  /** When the first row had been painted: the task after the frame that painted it. */
  firstRowPaintedAt: number | null;
  /** When that frame reached the display: the Element Timing renderTime of the row's first text. */
  firstRowShownAt: number | null;
  reported: boolean;
  /** Keystroke to the next paint (the interaction's paint, as INP counts it). */
  keystrokes: number[];
  /** Keystroke to the paint that shows the list's new matches. */
  results: number[];
  /** Per keystroke that changed the list: whether its new matches were painted in the keystroke's own frame. */
  sameFrame: boolean[];
  /** rAF timestamps while a frame recording runs (`__rolecallFrames.start()` … `stop()`). */
  frames: number[];
}

/**
 * Logged when the first row has been painted, so the benchmark waits on the console rather than on
 * Playwright's locators, whose script would otherwise be injected and run while the page is loading.
 */
export const FIRST_ROW_MESSAGE = 'rolecall-bench: first row painted';

/** The init script (a string, since it runs in the page). `rowSelector` finds an account row. */
export function instrumentation(rowSelector: string): string {
  return `(() => {
  const timings = { accountsFrameAt: null, firstRowPaintedAt: null, firstRowShownAt: null, reported: false, keystrokes: [], results: [], sameFrame: [], frames: [] };
  let pendingKey = null;
  // The frame (rAF timestamp) each keystroke's next paint belongs to, by the keystroke's time.
  const keyFrames = new Map();
  let recording = false;
  const record = (at) => { if (!recording) return; timings.frames.push(at); requestAnimationFrame(record); };
  window.__rolecallFrames = {
    start: () => { timings.frames = []; recording = true; requestAnimationFrame(record); },
    stop: () => { recording = false; },
  };
  new MutationObserver((records) => {
    if (pendingKey === null) return;
    const inList = records.some((r) => {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      return el !== null && el.closest('.account-list') !== null && el.closest('.account-search') === null;
    });
    if (!inList) return;
    const pressedAt = pendingKey;
    pendingKey = null;
    afterPaint((at, frame) => {
      timings.results.push(at - pressedAt);
      timings.sameFrame.push(keyFrames.get(pressedAt) === frame);
    });
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  window.__rolecallBench = timings;

  // After the next paint: a frame callback runs before painting, a message posted from it runs after.
  const afterPaint = (done) => requestAnimationFrame((frame) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now(), frame);
    channel.port2.postMessage(null);
  });
  const Native = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    socket.addEventListener('message', (event) => {
      if (timings.accountsFrameAt === null && typeof event.data === 'string' && event.data.includes('"event":"accounts"') && event.data.length > 10000) {
        timings.accountsFrameAt = performance.now();
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  // The first row: painted (the task after the frame that painted it, as for keystrokes) and on the display
  // (the Element Timing entry of its first text, whose renderTime is when that frame was presented). The
  // message goes out once both are known, or after a second without an entry.
  let firstRowSeen = false;
  const report = () => {
    if (timings.firstRowPaintedAt === null || timings.reported) return;
    if (timings.firstRowShownAt === null && performance.now() - timings.firstRowPaintedAt < 1000) return;
    timings.reported = true;
    console.debug(${JSON.stringify(FIRST_ROW_MESSAGE)});
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'rolecall-bench-first-row' && entry.renderTime > 0 && timings.firstRowShownAt === null) {
        timings.firstRowShownAt = entry.renderTime;
        report();
      }
    }
  }).observe({ type: 'element', buffered: true });
  const firstText = (element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT) });
    return walker.nextNode()?.parentElement ?? null;
  };
  new MutationObserver((_, observer) => {
    const row = document.querySelector(${JSON.stringify(rowSelector)});
    if (row === null || firstRowSeen) return;
    firstRowSeen = true;
    observer.disconnect();
    // Set before the row's first paint: this callback runs in the microtask after the row was inserted.
    firstText(row)?.setAttribute('elementtiming', 'rolecall-bench-first-row');
    afterPaint((at) => {
      timings.firstRowPaintedAt = at;
      report();
      setTimeout(report, 1000);
    });
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener('keydown', (event) => {
    const pressedAt = event.timeStamp;
    pendingKey = pressedAt;
    afterPaint((at, frame) => {
      timings.keystrokes.push(at - pressedAt);
      keyFrames.set(pressedAt, frame);
    });
  }, true);
})();`;
}

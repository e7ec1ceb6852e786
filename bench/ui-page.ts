/**
 * The in-page instrumentation of the UI benchmark: timestamps the first account list frame from main,
 * the first painted account row, and every keystroke's next paint. Runs before the page's own scripts.
 */

/** What the page records; read back with `page.evaluate(() => window.__rolecallBench)`. */
export interface PageTimings {
  accountsFrameAt: number | null;
  firstRowPaintedAt: number | null;
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
  const timings = { accountsFrameAt: null, firstRowPaintedAt: null, keystrokes: [], results: [], sameFrame: [], frames: [] };
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
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(rowSelector)}) === null) return;
    observer.disconnect();
    afterPaint((at) => {
      timings.firstRowPaintedAt = at;
      console.debug(${JSON.stringify(FIRST_ROW_MESSAGE)});
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

/**
 * Rows never lie over each other, not even for the first frame: the virtualizer places rows by their
 * estimated heights until the ResizeObserver measures them, so an estimate made for another window width put
 * two-line rows under the next row for a frame (seen in a 1120px window).
 */
import { expect, test } from './fixtures';
import { addInstanceAndSignIn } from './support/app-flows';

test.use({ emulatorOptions: { fixture: 'tools/emulator/fixtures/sample-org.json' } });

for (const width of [900, 1120, 1600]) {
  test(`rows are placed without overlap from their first frame in a ${width}px window`, async ({ app, emulator }) => {
    await app.page.setViewportSize({ width, height: 760 });
    // Checked in the same task as the commit that first adds rows: before any ResizeObserver correction.
    await app.page.evaluate(() => {
      const record = window as unknown as { firstRowsOverlap?: string[] };
      const observer = new MutationObserver(() => {
        const rows = [...document.querySelectorAll('.account-row')];
        if (rows.length < 4) return;
        observer.disconnect();
        const boxes = rows.map((row) => ({ key: row.getAttribute('data-key') ?? '', rect: row.getBoundingClientRect() })).sort((a, b) => a.rect.top - b.rect.top);
        record.firstRowsOverlap = boxes.slice(1).flatMap((box, i) => {
          const above = boxes[i];
          return above !== undefined && above.rect.bottom > box.rect.top + 0.5 ? [`${above.key} over ${box.key}`] : [];
        });
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await addInstanceAndSignIn(app.page, emulator.startUrl, (code) => emulator.approve(code));
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { firstRowsOverlap?: string[] }).firstRowsOverlap)).toEqual([]);
  });
}

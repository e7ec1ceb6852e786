import { rendererApiKeys } from '../src/shared/ipc-contract';
import { expect, test } from './fixtures';

test.describe('the renderer is locked down', () => {
  test('has no Node globals', async ({ app }) => {
    const globals = await app.page.evaluate(() => ({
      require: typeof (window as unknown as Record<string, unknown>)['require'],
      process: typeof (window as unknown as Record<string, unknown>)['process'],
      module: typeof (window as unknown as Record<string, unknown>)['module'],
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('exposes exactly the contract, read-only', async ({ app }) => {
    const keys = await app.page.evaluate(() => Object.keys((window as unknown as { rolecall: object }).rolecall).sort());
    expect(keys).toEqual([...rendererApiKeys].sort());
    const replaced = await app.page.evaluate(() => {
      const w = window as unknown as { rolecall: unknown };
      try {
        w.rolecall = { evil: true };
      } catch {
        // assignment to a read-only property throws in strict mode; either way it must not stick
      }
      return Object.keys(w.rolecall as object).includes('evil');
    });
    expect(replaced).toBe(false);
  });

  test('blocks window.open', async ({ app }) => {
    let popups = 0;
    app.page.context().on('page', () => (popups += 1));
    const opened = await app.page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(popups).toBe(0);
  });

  test('blocks navigating away, by script and by link', async ({ app }) => {
    const start = app.page.url();
    await app.page.evaluate(() => {
      location.href = 'http://127.0.0.1:9/elsewhere';
    });
    await app.page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/';
      document.body.append(link);
      link.click();
    });
    await app.page.waitForTimeout(500);
    expect(app.page.url()).toBe(start);
    const stillServed = await app.page.evaluate(async () => {
      const api = (window as unknown as { rolecall: { getSnapshot(): Promise<{ ok: boolean }> } }).rolecall;
      return (await api.getSnapshot()).ok;
    });
    expect(stillServed).toBe(true);
  });
});

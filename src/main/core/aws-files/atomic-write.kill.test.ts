/**
 * Checklist 23: a writer killed at any moment leaves either the old or the new complete file, never a
 * torn one, and the file is 0600. The writer is a real process running the real `writeFileAtomic`,
 * killed with SIGKILL at random times.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const child = path.join(import.meta.dirname, 'atomic-write.kill-child.test-support.ts');
const complete = new Set(['A'.repeat(2 * 1024 * 1024), 'B'.repeat(3 * 1024 * 1024)]);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-kill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts the writer, lets it finish `writes` writes plus a random sliver of time, then kills it. */
function writeThenKill(target: string, writes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, ['--import', 'tsx', child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let done = 0;
    writer.stdout.on('data', (chunk: Buffer) => {
      done += chunk.length;
      if (done === writes) setTimeout(() => writer.kill('SIGKILL'), Math.random() * 40);
    });
    writer.once('error', reject);
    writer.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer exited by itself (${signal})`))));
  });
}

describe('writeFileAtomic under SIGKILL', () => {
  it('always leaves the old or the new complete file, mode 0600', { timeout: 120_000 }, async () => {
    const target = path.join(dir, 'token.json');
    for (let round = 0; round < 12; round += 1) {
      await writeThenKill(target, 1 + Math.floor(Math.random() * 3));
      const text = await readFile(target, 'utf8');
      expect(complete.has(text), `round ${round}: a complete file (${text.length} bytes)`).toBe(true);
      if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    }
  });
});

/**
 * A kill in the middle of rewriting the credentials file leaves the old or the new complete file: the
 * person's lines and one whole set of credentials, never a torn one. The writer is a real process running
 * the real writeManagedSection, killed with SIGKILL at random times.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const child = path.join(import.meta.dirname, 'credentials-file.kill-child.test-support.ts');
const PERSON = '[default]\naws_access_key_id = AKIAPERSONAL\naws_secret_access_key = mine\n';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-credentials-kill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function writeThenKill(target: string, writes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, ['--import', 'tsx', child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let done = 0;
    writer.stdout.on('data', (chunk: Buffer) => {
      done += chunk.length;
      if (done === writes) setTimeout(() => writer.kill('SIGKILL'), Math.random() * 30);
    });
    writer.once('error', reject);
    writer.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer exited by itself (${signal})`))));
  });
}

const complete = (text: string, c: string): boolean =>
  text.startsWith(`${PERSON}\n[pay-admin]\n# Managed by Rolecall: 111122223333 Admin of corp until `) &&
  text.endsWith(`aws_access_key_id = ASIA${c.repeat(16)}\naws_secret_access_key = ${c.repeat(40)}\naws_session_token = ${c.repeat(400_000)}\n`);

it('leaves the old or the new complete credentials file when the writer is killed, mode 0600', { timeout: 120_000 }, async () => {
  const target = path.join(dir, 'credentials');
  await writeFile(target, PERSON);
  for (let round = 0; round < 10; round += 1) {
    await writeThenKill(target, 1 + Math.floor(Math.random() * 3));
    const text = await readFile(target, 'utf8');
    expect(complete(text, 'A') || complete(text, 'B'), `round ${round}: a complete file (${text.length} bytes)`).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  }
});

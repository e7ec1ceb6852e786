/**
 * The built preload (`out/preload/preload.cjs`), as Electron loads it in the sandbox: the only module it
 * requires is `electron`, and it reads no `process.env` (checklist 4, 20). Checks the bundle, not the
 * source, because bundling is what could pull a Node built-in or a dependency in unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bundlePath = path.join(import.meta.dirname, '..', '..', '..', 'out', 'preload', 'preload.cjs');

function readBundle(): string {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: run npm run build first (npm test builds before the unit tests).`);
  }
  return readFileSync(bundlePath, 'utf8');
}

/** Every `require(...)` call: the module name for a string literal, `null` for anything computed. */
function requiredModules(source: string): (string | null)[] {
  return [...source.matchAll(/(?<![\w$])(?:__)?require\s*\(\s*(?:(["'`])([^"'`]*)\1\s*\))?/g)].map((match) => match[2] ?? null);
}

describe('the built preload bundle', () => {
  it('requires electron and nothing else', () => {
    const modules = requiredModules(readBundle());
    expect(modules).toContain('electron');
    // A computed require (null here) could load anything, so it fails too.
    expect(new Set(modules)).toEqual(new Set(['electron']));
  });

  it('reads no process.env', () => {
    expect(readBundle()).not.toMatch(/\bprocess\s*(?:\??\.\s*env\b|\[\s*["'`]env["'`]\s*\])/);
  });
});

/**
 * The package: `electron-builder.yml` is valid against electron-builder's own schema, flips the fuses of
 * checklist item 19, ships only the built app (no sources, tests, emulator or source maps), and the entry
 * point it ships is the one the build writes. Electron is pinned to one version (checklist 16).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
type AjvClass = new (options: Record<string, unknown>) => { compile(schema: unknown): Validator };
type Minimatch = (file: string, pattern: string, options?: Record<string, unknown>) => boolean;

const root = path.join(import.meta.dirname, '..', '..', '..');
const load = createRequire(import.meta.url);
const yaml = load('js-yaml') as { load(text: string): unknown };
const Ajv = load('ajv') as AjvClass;
const { minimatch } = load('minimatch') as { minimatch: Minimatch };

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, boolean>;
  files?: string[];
  asar?: boolean;
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
};

/** Whether electron-builder's `files` patterns (positive, then `!` exclusions) take `file` into the package. */
function packaged(file: string): boolean {
  const patterns = config.files ?? [];
  const options = { dot: true };
  const included = patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(file, p, options));
  return included && !patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1), options));
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const schema = JSON.parse(readFileSync(load.resolve('app-builder-lib/scheme.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('flips the fuses of the security checklist and packs into an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app and nothing else: no sources, tests, emulator, e2e or source maps', () => {
    const repoFiles = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f !== '');
    const builtFiles = ['out/main/main.js.map', 'out/renderer/assets/index-x.js.map', 'out/web/web-host.js', 'out/web/web-bridge.js'];
    const shipped = [...repoFiles, ...builtFiles].filter(packaged);
    expect(shipped.filter((f) => /^(src|tools|e2e|scripts|bench|docs)\/|\.test\.tsx?$|\.map$|^out\/web\//.test(f))).toEqual([]);
    for (const needed of [pkg.main, 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js', 'package.json']) {
      expect(packaged(needed), needed).toBe(true);
    }
  });

  it('ships the entry point the build writes', () => {
    const build = readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
    const outputs = [...build.matchAll(/outfile: out\('([^']+)'\)/g)].map((m) => `out/${m[1] ?? ''}`);
    expect(outputs).toContain(pkg.main);
  });
});

describe('Electron', () => {
  it('is pinned to one exact version', () => {
    expect(pkg.devDependencies['electron']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

// Builds every piece of Rolecall into out/:
//   out/main/main.js         Electron main (ESM, Node 22 inside Electron), dependencies left external
//   out/preload/preload.cjs  the preload, one CommonJS file that requires only `electron` (sandbox)
//   out/web/web-host.js      the browser-preview host (plain Node 22)
//   out/web/web-bridge.js    the browser-preview bridge (one classic script for the page)
//   out/cli/rolecall.js      the `rolecall` command (ESM, plain Node 22, executable), with its commands in
//                            chunks loaded on demand so `credential-process` starts fast
//   out/renderer/            the React renderer (Vite)
// esbuild handles the Node and preload bundles, Vite the renderer: electron-vite would do the first three
// but not the preview host and bridge, which run outside Electron.
import { chmod, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { carryDirectives } from './scan-directives.mjs';

const root = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const out = (...parts) => path.join(root, 'out', ...parts);
const src = (...parts) => path.join(root, 'src', ...parts);
const define = { ROLECALL_VERSION: JSON.stringify(pkg.version) };
const logLevel = 'warning';

await rm(out(), { recursive: true, force: true });
await Promise.all([
  esbuild({
    entryPoints: [src('main/main.ts')], outfile: out('main/main.js'), bundle: true, platform: 'node',
    format: 'esm', target: 'node22', packages: 'external', define, logLevel,
  }),
  esbuild({
    entryPoints: [src('preload/preload.ts')], outfile: out('preload/preload.cjs'), bundle: true,
    platform: 'node', format: 'cjs', target: 'chrome130', external: ['electron'], logLevel,
  }),
  esbuild({
    entryPoints: [src('main/web/web-host.ts')], outfile: out('web/web-host.js'), bundle: true, platform: 'node',
    format: 'esm', target: 'node22', packages: 'external', define, logLevel,
  }),
  esbuild({
    entryPoints: { rolecall: src('main/cli/rolecall.ts') }, outdir: out('cli'), bundle: true, splitting: true,
    platform: 'node', format: 'esm', target: 'node22', packages: 'external', define, logLevel,
    chunkNames: 'chunks/[name]-[hash]', banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild({
    entryPoints: [src('preload/web-bridge.ts')], outfile: out('web/web-bridge.js'), bundle: true,
    platform: 'browser', format: 'iife', target: 'chrome130', minify: true, logLevel,
  }),
]);
// The reasons next to the security scanner's inline suppressions, kept in the bundles as shipped.
for (const dir of ['main', 'preload', 'web', 'cli']) carryDirectives(root, out(dir));
await chmod(out('cli', 'rolecall.js'), 0o755);
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log('Built Rolecall into out/');

import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into out/renderer, with relative URLs so `app://` and the preview both serve it. */
export default defineConfig({
  root: path.join(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // SECURITY: no inline data: scripts or styles; everything is a file under script-src/style-src 'self'.
    assetsInlineLimit: (file) => file.endsWith('.svg'),
    sourcemap: false,
    // For bench/ui-profile.ts: readable function names in a CPU profile. Never set for a shipped build.
    minify: process.env['ROLECALL_RENDERER_UNMINIFIED'] === '1' ? false : 'oxc',
  },
});

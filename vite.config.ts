import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The entry (main.tsx) is small and loads the rest of the UI with import();
 * a modulepreload link in index.html fetches that chunk alongside the entry
 * instead of after it has run.
 */
function preloadDynamicImports(): Plugin {
  return {
    name: 'preload-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {});
        const entries = chunks.filter((c) => c.type === 'chunk' && c.isEntry);
        const lazy = entries.flatMap((c) => (c.type === 'chunk' ? c.dynamicImports : []));
        return lazy.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/**
 * The renderer bundle. Electron loads it from app://bundle/ (electron/app-protocol.ts), so every asset URL is
 * relative (`base: './'`); the same files are served by web mode.
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), preloadDynamicImports()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // CSP forbids inline scripts; keep every asset a separate file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: true,
  },
});

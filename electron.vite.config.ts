/**
 * electron-vite 6: builds the desktop shell into out/main (ESM, `index.js` = package.json `main`),
 * out/preload (`index.cjs`: a sandboxed preload cannot be ESM) and out/renderer (the same renderer
 * config browser mode builds with).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import rendererConfig from './src-renderer/vite.config';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // Input key `index` names the file out/main/index.js; `produce-worker` is the import's worker
      // thread, which src-main/import/produce-in-worker.ts starts as ./produce-worker.js beside the
      // module that starts it: shared chunks stay in out/main too, so that path holds from any chunk.
      rolldownOptions: {
        input: {
          index: here('src-main/electron/main.ts'),
          'produce-worker': here('src-main/import/produce-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
      // Dependencies stay in node_modules (electron-builder ships them); better-sqlite3 must, being a
      // native addon that is rebuilt for Electron's ABI at packaging.
      externalizeDeps: { include: ['better-sqlite3'] },
      sourcemap: true,
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: here('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      // Sandboxed: only `electron` may be required, so everything else is bundled in.
      externalizeDeps: false,
    },
  },
  renderer: mergeConfig(rendererConfig, {
    build: { minify: true, rolldownOptions: { input: here('src-renderer/index.html') } },
  }),
});

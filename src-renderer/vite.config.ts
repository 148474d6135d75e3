/**
 * Builds the renderer into `<repo>/out/renderer`. Exported as a plain config so the Electron build
 * (electron-vite) can reuse it for its renderer entry.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs: the same build is served by the web host and loaded by the Electron shell.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The desktop shell runs a current Chromium; no legacy syntax needed.
    target: 'es2022',
    // The app is loaded from disk (Electron) or loopback (browser mode), never over a network, so
    // chunk size costs little; the warning is raised above our own code (~520 kB, one chunk since
    // every page is in the sidebar) and the libraries get a chunk each so none reaches the limit.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // "a plugin took significant time" shows on a busy machine and asks nothing of the reader.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'chartjs', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
          ],
        },
      },
    },
  },
});

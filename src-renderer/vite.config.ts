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
    chunkSizeWarningLimit: 800,
  },
});

import { defineConfig } from 'vitest/config';
import { PINNED_NOW } from './pinned-clock.ts';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // The PostgreSQL databases a file's tests shared are dropped after it.
    // Each file starts from a fresh process's clock and renderers (test/file-state.ts).
    setupFiles: ['test/pg-file-database.ts', 'test/file-state.ts'],
    // The PostgreSQL pass copies each file's database from one migrated template; the CLIs and web
    // hosts the tests start run from bundles built once for the run (test/build-bundles.mjs).
    globalSetup: ['test/pg-template.ts', 'test/bundles-global-setup.ts'],
    env: { CALLSCOPE_NOW: process.env.CALLSCOPE_NOW ?? PINNED_NOW },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The files of a worker share one module registry: loading the app's modules again for every
    // file cost a third of the suite's CPU. Each test makes its own workspace and restores any
    // environment variable it sets, so no state crosses files.
    isolate: false,
    // Tests spawn CLIs and servers; two cores here.
    maxWorkers: 2,
  },
});

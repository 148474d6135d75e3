// Global setup for vitest and Playwright: the CLI and the web host bundled once for the run.
export { setupTestBundles as default } from './build-bundles.mjs';

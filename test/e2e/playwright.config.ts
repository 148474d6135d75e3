import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../browser-mode';
import { PINNED_NOW } from '../pinned-clock';

// The app, the CLI and the tests share one pinned clock (hosts and CLIs inherit it).
process.env.CALLSCOPE_NOW ??= PINNED_NOW;

// Debian's Chromium (no browser download here); the flags keep it off the closed network.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The web host and the CLI built once into plain JavaScript for the run (test/build-bundles.mjs).
  globalSetup: '../bundles-global-setup.ts',
  outputDir: '../../test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // Two cores: the specs spend as much time in the host and the CLIs they spawn as in Chromium,
  // so two at once take about half the time; each has its own workspace, port and temp folder.
  workers: 2,
  retries: 0,
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: CHROMIUM_LAUNCH,
    // The app honours the system's reduced motion (charts drawn at once, no transitions): the
    // tests see and screenshot the final state without waiting for animations to end.
    reducedMotion: 'reduce',
    // Recording a trace of every test cost a quarter of the suite's CPU, and a CI run's traces are
    // not kept: a failure shows its error context and a screenshot; rerun it with --trace on.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});

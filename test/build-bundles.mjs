// Builds the CLI and the web host once per test run into plain JavaScript (the test bundles), so
// that the hundreds of CLIs and hosts the tests start load compiled code instead of compiling
// the TypeScript sources again in every process (tsx: 1.5-4 s of CPU each).
//
// The bundle is the one the desktop build makes of the same sources (electron.vite.config.ts,
// vite's SSR build): dependencies stay in node_modules (better-sqlite3, pg, @duckdb are native),
// and the import's worker thread is `produce-worker.js` beside the chunk that starts it
// (src-main/import/produce-in-worker.ts). The folder sits two levels below the repo, as
// src-main/web and src-main/audits do, so `../../out/renderer` and `../../resources` resolve the
// same from the bundle as from the sources.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..');
/**
 * Set to the bundles' folder by whoever built them for this run; every test process reads it.
 * Set to `sources` by hand, the tests run the TypeScript sources through tsx instead (stack traces
 * name .ts lines; slower).
 */
export const BUNDLE_ENV = 'CALLSCOPE_TEST_BUNDLES';
export const FROM_SOURCES = 'sources';
const PREFIX = 'test-bundles-';

const ENTRIES = {
  cli: 'src-main/cli.ts',
  'web-main': 'src-main/web/main.ts',
  'produce-worker': 'src-main/import/produce-worker.ts',
};

/** Whether a process id is alive (a folder whose builder died is left over). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Removes the folders that test runs which ended without their teardown left behind. */
function sweepLeftovers(tmp) {
  for (const name of fs.existsSync(tmp) ? fs.readdirSync(tmp) : []) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (name.startsWith(PREFIX) && !alive(pid))
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

/**
 * Builds the bundles into a folder of this process's own (a run never rebuilds under another's
 * feet) and returns it; `remove()` deletes it.
 */
export async function buildTestBundles() {
  const { build } = await import('vite');
  const tmp = path.join(REPO, '.tmp');
  sweepLeftovers(tmp);
  const outDir = path.join(tmp, `${PREFIX}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  await build({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(
          Object.entries(ENTRIES).map(([name, file]) => [name, path.join(REPO, file)]),
        ),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  return { dir: outDir, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Global setup for vitest and Playwright: builds the bundles unless this run's runner
 * (test/run-all.mjs) already did, and hands their folder to every test process.
 */
export async function setupTestBundles() {
  if (process.env[BUNDLE_ENV]) return undefined;
  const bundles = await buildTestBundles();
  process.env[BUNDLE_ENV] = bundles.dir;
  return () => {
    delete process.env[BUNDLE_ENV];
    bundles.remove();
  };
}

/**
 * How the tests start the product's entry points (the CLI, the web host): from the bundles built
 * once for this run (test/build-bundles.mjs, handed over in CALLSCOPE_TEST_BUNDLES by the global
 * setup), else from the TypeScript sources through tsx's loader, as benchmarks and scripts that
 * run outside vitest and Playwright do, and the tests with CALLSCOPE_TEST_BUNDLES=sources.
 * The doors the README names (`npm start`, `npm run cli`, the `callscope` bin) run the sources in
 * test/unit/start-script.test.ts and test/unit/source-doors.test.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_ENV, FROM_SOURCES } from './build-bundles.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const given = process.env[BUNDLE_ENV];
const BUNDLES = given === FROM_SOURCES ? undefined : given;

/**
 * One node process: node with tsx's loader rather than the `tsx` binary, which starts a second
 * node for the script (a second more per run, and a SIGKILL to it would leave the script running).
 */
function entryPoint(bundle: string, source: string): readonly [string, ...string[]] {
  return BUNDLES
    ? [process.execPath, path.join(BUNDLES, bundle)]
    : [process.execPath, '--import', 'tsx', path.join(REPO, source)];
}

/** `callscope …` as a test runs it: the command and its first arguments, the CLI's follow. */
export const CLI_COMMAND = entryPoint('cli.js', 'src-main/cli.ts');

/** `npm run web` without the renderer build (the suites build it first). */
export const WEB_HOST_COMMAND = entryPoint('web-main.js', 'src-main/web/main.ts');

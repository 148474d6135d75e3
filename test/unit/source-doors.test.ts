/**
 * The doors the README names run the TypeScript sources, while the other tests start the CLI from
 * the bundle built for the run (test/entry-points.ts): `npm run cli` and the package's `callscope`
 * bin import a file (its rows parsed in the import's worker thread, which the sources start through
 * produce-worker.dev.mjs and the bundle as produce-worker.js) and answer metrics — the same answers
 * as the bundled CLI gives. `npm start` and `npm run web` are test/unit/start-script.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli, tempDir, type CliResult } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
/**
 * By hand from the fixture's 15 rows: 12 stored (C012's day does not exist, C013's disposition is
 * unknown, C014 has no agent); dials are the outbound ones: 8001 C001-C005, 8002 C006-C009 (C010
 * is inbound), 8003 C011 and C015.
 */
const DIALS_BY_AGENT = { '8001': 5, '8002': 4, '8003': 2 };
const METRICS = ['metrics', '--from', '2026-11-01', '--to', '2026-11-30', '--by', 'agent', '--json'];

const dir = tempDir('callscope-doors-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]): CliResult {
  const r = spawnSync(command, args, { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Imports the fixture into a workspace of its own through `door`, then reads the dials by agent. */
function dialsThrough(door: (args: string[]) => CliResult, name: string): Record<string, number> {
  const db = path.join(dir, `${name}.sqlite`);
  const imported = door(['import', BASIC, '--db', db]);
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.stderr).toMatch(/15 rows, 12 new, 0 duplicates, 3 rejected/);
  const metrics = door([...METRICS, '--db', db]);
  expect(metrics.status, metrics.stderr).toBe(0);
  const { rows } = JSON.parse(metrics.stdout) as { rows: { key: string; dials: number }[] };
  return Object.fromEntries(rows.map((r) => [r.key, r.dials]));
}

describe('the command line from its sources', () => {
  it('`npm run cli` imports and answers as the bundled CLI does', () => {
    const npm = (args: string[]) => run('npm', ['run', '--silent', 'cli', '--', ...args]);
    expect(dialsThrough(npm, 'npm-run-cli')).toEqual(DIALS_BY_AGENT);
    expect(dialsThrough(runCli, 'bundled')).toEqual(DIALS_BY_AGENT);
  }, 120_000);

  it('the `callscope` bin imports and answers', () => {
    const bin = (args: string[]) =>
      run(process.execPath, [path.join(REPO, 'src-main/bin/callscope.mjs'), ...args]);
    expect(dialsThrough(bin, 'bin')).toEqual(DIALS_BY_AGENT);
  }, 120_000);
});

/**
 * An import's memory stays flat whatever the file (issue 18, point 5), on the layout that once
 * grew it most: a generic English export (ISO instants with milliseconds, a distinct customer
 * number per row, 200 agents, spread over a year: a new rollup row every call or two). Each import
 * runs through the real CLI in a process of its own, and its peak RSS is that process's own
 * high-water mark (test/peak-rss.ts).
 *
 * The bound is on what the import adds to the process's own start, measured in the same run by a
 * 3-row import of the same layout: from the test bundle the start alone is ~160-170 MB (the module
 * graph, the worker's own heap; ~50 MB more through tsx's loader), and it moves with Node and the
 * machine; the growth does not.
 * Before the fix a 100,000-row import added 83-110 MB (V8 let both threads' heaps grow to 4x
 * what they kept alive: garbage promoted with messages waiting in line and a 10,000-group rollup);
 * now it adds 16-27 MB (docs/PERFORMANCE.md, "Import memory on a generic export"; 8-14 MB in
 * 3 runs from the test bundle, session 11).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_COMMAND, REPO, testEngine } from '../helpers';
import { writeCallsCsv } from '../bench/generate-calls';
import { peakRssEnv, peakRssMb } from '../peak-rss';

const ROWS = 100_000;
/** What a 100,000-row import may add to the peak of a 3-row one (in MB). */
const MAX_GROWTH_MB = 70;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-memory-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `callscope import <file>` into a fresh workspace: the rows it stored and the peak RSS (MB) of its process. */
function importViaCli(file: string): { stored: number; peakRssMb: number } {
  const db = `${file}.sqlite`;
  const rssFile = `${file}.rss`;
  const [node, ...cli] = CLI_COMMAND;
  const r = spawnSync(node, [...cli, 'import', file, '--db', db, '--tz', 'Asia/Shanghai', '--json'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...peakRssEnv(dir, rssFile) },
  });
  expect(r.status, r.stderr).toBe(0);
  const { batches } = JSON.parse(r.stdout) as { batches: { inserted: number }[] };
  return { stored: batches[0]!.inserted, peakRssMb: peakRssMb(rssFile) };
}

// The CLI on a workspace file: the SQLite pass only (memory is the importing process's, whatever the engine).
describe.skipIf(testEngine() !== 'sqlite')('an import’s peak memory', () => {
  it(`grows by less than ${MAX_GROWTH_MB} MB from 3 rows to ${ROWS.toLocaleString('en')} of a generic English export`, async () => {
    const small = path.join(dir, 'small.csv');
    const large = path.join(dir, 'large.csv');
    await writeCallsCsv(small, 3, 42, 'generic-en');
    await writeCallsCsv(large, ROWS, 42, 'generic-en');

    const start = importViaCli(small);
    const whole = importViaCli(large);
    process.stderr.write(
      `peak RSS: 3 rows ${start.peakRssMb.toFixed(0)} MB, ${ROWS} rows ${whole.peakRssMb.toFixed(0)} MB\n`,
    );
    expect(start.stored).toBe(3);
    expect(whole.stored).toBe(ROWS);
    expect(whole.peakRssMb - start.peakRssMb).toBeLessThan(MAX_GROWTH_MB);
  }, 120_000);
});

/**
 * `npm run bench:concurrency [-- --engine sqlite|pg --rows N --readers R]`: two imports of distinct
 * generated files (N rows each, default 200k) into one workspace at once, each from its own
 * process (import-child.ts, as two machines or two CLI runs would), while R dashboard readers
 * (default 20) keep asking for the month overview in this process (the same API calls the page
 * makes, query-overview.ts). The workspace first holds a third file of N rows, so the readers
 * read real months. The anchor, same run: the same readers with no import running.
 *
 * Checks afterwards that nothing was counted twice or lost: the stored calls are the three files'
 * rows, each batch stored its file, and the rollups' dials equal the calls counted from `calls`.
 * Prints: readers during imports: p50 <ms>, p95 <ms>, max <ms>; with no import: …; ratio of p95s.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openWorkspace } from '../../src-main/workspace';
import type { Filter } from '../../src-shared/api';
import { writeCallsCsv } from './generate-calls';
import { overviewQueries } from './query-overview';
import { createTestDatabase, type TestDatabase } from '../pg-admin';
import { openBenchApi } from './bench-api';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

const { values } = parseArgs({
  strict: false,
  options: {
    engine: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '200000' },
    readers: { type: 'string', default: '20' },
    'idle-rounds': { type: 'string', default: '5' },
  },
});
const onPostgres = values.engine === 'pg';
if (!onPostgres && values.engine !== 'sqlite') throw new Error('--engine is sqlite or pg');
const rows = Number(values.rows);
const readers = Number(values.readers);
const idleRounds = Number(values['idle-rounds']);
// The generated files end on 2026-10-31 (generate-calls.ts): the readers look at that month.
const MONTH: Filter = { from: '2026-10-01', to: '2026-10-31' };

fs.mkdirSync(WORK, { recursive: true });

/** The three files: a base the readers read, and the two imported at once (other call ids, other seeds). */
async function file(idPrefix: string, seed: number): Promise<string> {
  const csv = path.join(WORK, `concurrency-${idPrefix}-${rows}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${rows} rows into ${csv}\n`);
    await writeCallsCsv(`${csv}.part`, rows, seed, 'callscope', idPrefix);
    fs.renameSync(`${csv}.part`, csv);
  }
  return csv;
}
const [base, first, second] = [await file('A', 41), await file('B', 42), await file('C', 43)];

interface ChildResult {
  seconds: number;
  inserted: number;
  maxRssMb: number;
}

function parseChild(stdout: string, stderr: string, code: number | null): ChildResult {
  if (code !== 0) throw new Error(`import failed (exit ${code}): ${stderr}`);
  return JSON.parse(stdout) as ChildResult;
}

/** One import in a process of its own (import-child.ts), resolved when it exits. */
function importInChild(csv: string, target: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(import.meta.dirname, 'import-child.ts'), csv, target]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(parseChild(out, err, code));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}
const ms = (x: number) => x.toFixed(1);
const describe = (xs: number[]) =>
  `p50 ${ms(percentile(xs, 50))} ms, p95 ${ms(percentile(xs, 95))} ms, max ${ms(Math.max(...xs))} ms (${xs.length} overviews)`;
const load = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

// The workspace: a fresh file, or a fresh database on the test server.
let pgDb: TestDatabase | null = null;
let target: string;
if (onPostgres) {
  pgDb = await createTestDatabase('callscope_bench_concurrency');
  target = pgDb.url;
} else {
  target = path.join(WORK, 'concurrency.sqlite');
  for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
}

try {
  const baseImport = spawnSync(TSX, [path.join(import.meta.dirname, 'import-child.ts'), base, target], {
    encoding: 'utf8',
  });
  const baseResult = parseChild(baseImport.stdout, baseImport.stderr, baseImport.status);
  process.stderr.write(
    `base file imported: ${baseResult.inserted} calls in ${baseResult.seconds.toFixed(1)} s\n`,
  );

  const ws = await openWorkspace(target);
  const api = await openBenchApi(ws);
  try {
    /** Each reader asks for the month overview again as soon as it has its answer, until `done()`. */
    const readAll = async (done: () => boolean): Promise<number[]> => {
      const latencies: number[] = [];
      await Promise.all(
        Array.from({ length: readers }, async () => {
          while (!done()) {
            // A reader's next request comes through the event loop, as a page's does: without this
            // SQLite's synchronous answers would keep the loop in microtasks, never seeing the
            // imports end.
            await new Promise((resolve) => setImmediate(resolve));
            const t0 = performance.now();
            await overviewQueries(api.dispatch, MONTH);
            latencies.push(performance.now() - t0);
          }
        }),
      );
      return latencies;
    };

    // The anchor: the readers alone, readers x idleRounds overviews in all (after a warm-up round).
    const afterOverviews = (n: number) => () => n-- <= 0;
    await readAll(afterOverviews(readers));
    const idle = await readAll(afterOverviews(readers * idleRounds));

    // The two imports at once, the readers reading until both are done.
    process.stderr.write(`two imports of ${rows} rows each, ${readers} readers; ${load()}\n`);
    let importing = true;
    const started = performance.now();
    const imports = Promise.all([importInChild(first, target), importInChild(second, target)]).finally(
      () => (importing = false),
    );
    const [during, [a, b]] = await Promise.all([readAll(() => !importing), imports]);
    const wall = (performance.now() - started) / 1000;

    // Nothing counted twice, nothing lost: computed from `calls` itself, not from what the imports said.
    const stored = await ws.kysely
      .selectFrom('calls')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const rollup = await ws.kysely
      .selectFrom('daily_agent_stats')
      .select(sql<number>`coalesce(sum(dials), 0)`.as('n'))
      .executeTakeFirstOrThrow();
    const batches = await ws.kysely
      .selectFrom('import_batches')
      .select(['inserted', 'status'])
      .orderBy('id')
      .execute();
    const expected = 3 * rows;
    const problems = [
      Number(stored.n) !== expected && `calls: ${Number(stored.n)}, expected ${expected}`,
      Number(rollup.n) !== expected && `rollup dials: ${Number(rollup.n)}, expected ${expected}`,
      (batches.length !== 3 || batches.some((x) => x.status !== 'done' || Number(x.inserted) !== rows)) &&
        `batches: ${JSON.stringify(batches)}`,
      (a.inserted !== rows || b.inserted !== rows) && `imports inserted ${a.inserted} and ${b.inserted}`,
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`double counting or loss: ${problems.join('; ')}`);

    const engine = onPostgres ? 'PostgreSQL' : 'SQLite';
    const p95 = (xs: number[]) => percentile(xs, 95);
    process.stdout.write(
      `concurrency on ${engine}: 2 imports of ${rows} rows at once from two processes, ${readers} readers of the month overview; ${os.cpus().length} cores, ${load()} at the end\n` +
        `imports: ${a.seconds.toFixed(1)} s and ${b.seconds.toFixed(1)} s (both done in ${wall.toFixed(1)} s; one alone before: ${baseResult.seconds.toFixed(1)} s)\n` +
        `readers with no import: ${describe(idle)}\n` +
        `readers during the imports: ${describe(during)}\n` +
        `check: ${Number(stored.n)} calls = 3 × ${rows} (base + both files), rollup dials the same, 3 batches done: no double counting\n` +
        `readers' p95 during imports: ${ms(p95(during))} ms, with no import: ${ms(p95(idle))} ms, ratio ${(p95(during) / p95(idle)).toFixed(1)}\n`,
    );
  } finally {
    await api.close();
    await ws.close();
  }
} finally {
  await pgDb?.drop();
}

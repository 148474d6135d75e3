/**
 * `npm run bench:import [-- --rows N --runs K --engine sqlite|pg]`: imports generated N-row call
 * CSVs (default 1M) into a fresh workspace and times each against the outside anchor measured in
 * the same run on the same engine: the sqlite3 command line's `.import --csv` of the same file, or
 * (`--engine pg`, a fresh database on the test server of test/pg-admin.ts) psql's `\copy` of it
 * into a bare table of text columns — both validate nothing. Two file shapes: the Callscope
 * layout, and a generic English export (ISO instants with milliseconds, a distinct customer number
 * per row, 200 agents, spread over a year). Prints medians, one line per shape:
 * import 1M: <s> s, sqlite3 .import: <s> s, ratio <x>, peak RSS <MB> MB
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCallsCsv, type BenchShape } from './generate-calls';
import { sqliteImportSeconds } from './sqlite-import';
import { createTestDatabase } from '../pg-admin';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'sqlite' },
  },
});
const onPostgres = values.engine === 'pg';
if (!onPostgres && values.engine !== 'sqlite') throw new Error('--engine is sqlite or pg');
const rows = Number(values.rows);
const runs = Number(values.runs);
fs.mkdirSync(WORK, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchFile(csv: string, shape: BenchShape): Promise<string> {
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${rows} rows (${shape}) into ${csv}\n`);
    await writeCallsCsv(`${csv}.part`, rows, 42, shape);
    fs.renameSync(`${csv}.part`, csv);
  }
  const sizeMb = fs.statSync(csv).size / 1e6;
  const anchor: number[] = [];
  const ours: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    anchor.push(
      onPostgres ? await psqlCopySeconds(csv) : sqliteImportSeconds(csv, path.join(WORK, 'anchor.sqlite')),
    );
    const r = onPostgres ? await timeOnPostgres(csv) : timeCallscope(csv);
    ours.push(r.seconds);
    rss.push(r.maxRssMb);
    process.stderr.write(
      `${shape} run ${i + 1}: callscope ${r.seconds.toFixed(2)} s (${r.maxRssMb.toFixed(0)} MB), ${anchorName} ${anchor[i]!.toFixed(2)} s\n`,
    );
  }
  const label = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}M` : String(rows);
  return (
    `file (${shape}): ${rows} rows, ${sizeMb.toFixed(0)} MB; medians of ${runs} runs\n` +
    `import ${label}${shape === 'callscope' ? '' : ` (${shape})`}${onPostgres ? ' into PostgreSQL' : ''}: ${median(ours).toFixed(2)} s, ${anchorName}: ${median(anchor).toFixed(2)} s, ratio ${(median(ours) / median(anchor)).toFixed(2)}, peak RSS ${Math.max(...rss).toFixed(0)} MB\n`
  );
}

const anchorName = onPostgres ? 'psql \\copy' : 'sqlite3 .import';

/** Wall seconds of psql's `\copy` of `csv` into a bare table of text columns, in a fresh database. */
async function psqlCopySeconds(csv: string): Promise<number> {
  const db = await createTestDatabase('callscope_bench_anchor');
  try {
    const columns = fs.readFileSync(csv, 'utf8').slice(0, 4096).split('\n')[0]!.split(',').length;
    const table = `CREATE TABLE bare (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`;
    const psql = (command: string) => {
      const r = spawnSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', command], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    };
    psql(table);
    const started = performance.now();
    psql(`\\copy bare FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
    return (performance.now() - started) / 1000;
  } finally {
    await db.drop();
  }
}

/** One import into a team workspace on a fresh database (the child process opens its URL). */
async function timeOnPostgres(csv: string): Promise<{ seconds: number; maxRssMb: number }> {
  const db = await createTestDatabase('callscope_bench');
  try {
    return runChild(csv, db.url);
  } finally {
    await db.drop();
  }
}

function timeCallscope(csv: string): { seconds: number; maxRssMb: number } {
  const db = path.join(WORK, 'callscope.sqlite');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  return runChild(csv, db);
}

function runChild(csv: string, db: string): { seconds: number; maxRssMb: number } {
  const r = spawnSync(
    path.join(REPO, 'node_modules/.bin/tsx'),
    [path.join(REPO, 'test/bench/import-child.ts'), csv, db],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { seconds: number; maxRssMb: number; inserted: number };
  if (out.inserted !== rows) throw new Error(`inserted ${out.inserted} of ${rows}`);
  return out;
}

const lines = [
  await benchFile(path.join(WORK, `calls-${rows}.csv`), 'callscope'),
  await benchFile(path.join(WORK, `calls-generic-en-${rows}.csv`), 'generic-en'),
];
process.stdout.write(lines.join(''));

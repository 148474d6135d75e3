/**
 * `npm run bench:import [-- --rows N --runs K]`: imports generated N-row call CSVs (default 1M)
 * into a fresh workspace and times each against the outside anchor measured in the same run:
 * the sqlite3 command line's `.import --csv` of the same file (which validates nothing). Two file
 * shapes: the Callscope layout, and a generic English export (ISO instants with milliseconds, a
 * distinct customer number per row, 200 agents, spread over a year). Prints medians, one line
 * per shape: import 1M: <s> s, sqlite3 .import: <s> s, ratio <x>, peak RSS <MB> MB
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCallsCsv, type BenchShape } from './generate-calls';
import { sqliteImportSeconds } from './sqlite-import';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } },
});
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
    anchor.push(sqliteImportSeconds(csv, path.join(WORK, 'anchor.sqlite')));
    const r = timeCallscope(csv);
    ours.push(r.seconds);
    rss.push(r.maxRssMb);
    process.stderr.write(
      `${shape} run ${i + 1}: callscope ${r.seconds.toFixed(2)} s (${r.maxRssMb.toFixed(0)} MB), sqlite3 ${anchor[i]!.toFixed(2)} s\n`,
    );
  }
  const label = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}M` : String(rows);
  return (
    `file (${shape}): ${rows} rows, ${sizeMb.toFixed(0)} MB; medians of ${runs} runs\n` +
    `import ${label}${shape === 'callscope' ? '' : ` (${shape})`}: ${median(ours).toFixed(2)} s, sqlite3 .import: ${median(anchor).toFixed(2)} s, ratio ${(median(ours) / median(anchor)).toFixed(2)}, peak RSS ${Math.max(...rss).toFixed(0)} MB\n`
  );
}

function timeCallscope(csv: string): { seconds: number; maxRssMb: number } {
  const db = path.join(WORK, 'callscope.sqlite');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
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

/**
 * `npm run bench:import [-- --rows N --runs K]`: imports a generated N-row call CSV (default 1M)
 * into a fresh workspace and times it against the outside anchor measured in the same run:
 * the sqlite3 command line's `.import --csv` of the same file (which validates nothing).
 * Prints medians, then: import 1M: <s> s, sqlite3 .import: <s> s, ratio <x>, peak RSS <MB> MB
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCallsCsv } from './generate-calls';
import { sqliteImportSeconds } from './sqlite-import';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
fs.mkdirSync(WORK, { recursive: true });
const csv = path.join(WORK, `calls-${rows}.csv`);
if (!fs.existsSync(csv)) {
  process.stderr.write(`generating ${rows} rows into ${csv}\n`);
  await writeCallsCsv(`${csv}.part`, rows);
  fs.renameSync(`${csv}.part`, csv);
}
const sizeMb = fs.statSync(csv).size / 1e6;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeCallscope(): { seconds: number; maxRssMb: number } {
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

const anchor: number[] = [];
const ours: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  anchor.push(sqliteImportSeconds(csv, path.join(WORK, 'anchor.sqlite')));
  const r = timeCallscope();
  ours.push(r.seconds);
  rss.push(r.maxRssMb);
  process.stderr.write(
    `run ${i + 1}: callscope ${r.seconds.toFixed(2)} s (${r.maxRssMb.toFixed(0)} MB), sqlite3 ${anchor[i]!.toFixed(2)} s\n`,
  );
}
const label = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}M` : String(rows);
process.stdout.write(
  `file: ${rows} rows, ${sizeMb.toFixed(0)} MB; medians of ${runs} runs\n` +
    `import ${label}: ${median(ours).toFixed(2)} s, sqlite3 .import: ${median(anchor).toFixed(2)} s, ratio ${(median(ours) / median(anchor)).toFixed(2)}, peak RSS ${Math.max(...rss).toFixed(0)} MB\n`,
);

/**
 * `tsx test/bench/import-stages.ts [--rows N]`: where an import's time goes, stage by stage, on a
 * generated N-row call CSV (default 200k): read + decode, + CSV parse, + normalise (produceCalls),
 * then inserting the produced calls, applying the rollup and committing on a fresh workspace.
 * Each stage is timed alone (the stages before it are re-run and subtracted), single-threaded, in
 * CPU seconds (not wall time) so that other work on the machine does not blur the breakdown.
 *
 * Last, the floor no importer of ours can go below: SQLite alone copying the stored calls into a
 * second fresh workspace (same schema, indexes and pragmas; `INSERT … SELECT`, no JavaScript, no
 * parsing, no binding), against `sqlite3 .import` of the same file, both in wall time.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { planImport } from '../../src-main/import/plan';
import { produceCalls, type StoredCall } from '../../src-main/import/produce';
import { readRows } from '../../src-main/import/read-rows';
import { createTextDecoder } from '../../src-main/import/sniff';
import { SqliteCallWriter } from '../../src-main/db/sqlite-call-writer';
import { openWorkspace } from '../../src-main/workspace';
import { writeCallsCsv } from './generate-calls';
import { sqliteImportSeconds } from './sqlite-import';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    // the inserting connection's page cache in MB (SQLite's default is 2 MB): an experiment knob
    'cache-mb': { type: 'string' },
  },
});
const rows = Number(values.rows);
fs.mkdirSync(WORK, { recursive: true });
const csv = path.join(WORK, `calls-${rows}.csv`);
if (!fs.existsSync(csv)) {
  await writeCallsCsv(`${csv}.part`, rows);
  fs.renameSync(`${csv}.part`, csv);
}
const db = path.join(WORK, 'stages.sqlite');
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
const ws = await openWorkspace(db);
const { plan } = await planImport(ws.kysely, csv, csv, {}, 'Asia/Shanghai');
const encoding = plan.source.info.encoding ?? 'utf-8';
const delimiter = plan.source.info.delimiter ?? ',';

/** CPU seconds of the work (this script is single-threaded): robust when other jobs share the cores. */
async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

const read = await time(async () => {
  const decoder = createTextDecoder(encoding);
  let chars = 0;
  for await (const chunk of createReadStream(csv, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>)
    chars += decoder.write(chunk).length;
  return chars;
});
const parsed = await time(async () => {
  let n = 0;
  for await (const batch of readRows(csv, { encoding, delimiter })) n += batch.length;
  return n;
});
const calls: StoredCall[] = [];
const produced = await time(async () => {
  for await (const b of produceCalls(plan)) for (const c of b.calls) calls.push(c);
});

const conn = ws.openJobConnection();
if (values['cache-mb']) conn.pragma(`cache_size = -${Number(values['cache-mb']) * 1024}`);
conn.exec('BEGIN IMMEDIATE');
const batchId = Number(
  conn
    .prepare(
      `INSERT INTO import_batches (file_name, file_sha256, file_size, preset, mapping, time_zone, status, started_at)
       VALUES ('bench', '', 0, 'callscope', '{}', 'Asia/Shanghai', 'running', 0)`,
    )
    .run().lastInsertRowid,
);
const writer = new SqliteCallWriter(conn, batchId, { threshold: 30, short: 10 });
const insert = await time(() => {
  for (const { call } of calls) writer.insert(call);
});
const rollup = await time(() => writer.finish());
const commit = await time(() => conn.exec('COMMIT'));
const checkpoint = await time(() => conn.pragma('wal_checkpoint(TRUNCATE)'));
conn.close();
await ws.close();

/** Wall and CPU seconds of SQLite copying the stored calls into a fresh workspace, parents first. */
async function sqliteFloor(): Promise<{ wall: number; cpu: number }> {
  const target = path.join(WORK, 'floor.sqlite');
  for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  const floorWs = await openWorkspace(target);
  const c = floorWs.openJobConnection();
  c.exec(`ATTACH '${db}' AS src`);
  for (const table of ['teams', 'campaigns', 'agents', 'import_batches'])
    c.exec(`INSERT OR IGNORE INTO ${table} SELECT * FROM src.${table}`);
  const wall = performance.now();
  const cpu = await time(() => {
    c.exec('BEGIN IMMEDIATE');
    c.exec('INSERT INTO calls SELECT * FROM src.calls ORDER BY id ON CONFLICT (source_key) DO NOTHING');
    c.exec('COMMIT');
  });
  const seconds = (performance.now() - wall) / 1000;
  c.close();
  await floorWs.close();
  return { wall: seconds, cpu };
}

const floor = await sqliteFloor();
const anchor = sqliteImportSeconds(csv, path.join(WORK, 'anchor.sqlite'));

const rowsOut = (label: string, s: number) =>
  `${label.padEnd(28)} ${s.toFixed(2).padStart(6)} s CPU  ${((s / rows) * 1e6).toFixed(2).padStart(6)} µs/row`;
process.stdout.write(
  [
    `${rows} rows, ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB, ${calls.length} calls`,
    rowsOut('read + decode', read),
    rowsOut('CSV parse', parsed - read),
    rowsOut('normalise (+ legs)', produced - parsed),
    rowsOut('insert (CallWriter)', insert),
    rowsOut('rollup apply', rollup),
    rowsOut('commit', commit),
    rowsOut('checkpoint (after commit)', checkpoint),
    `SQLite alone (INSERT … SELECT into a fresh workspace): ${floor.wall.toFixed(2)} s wall, ` +
      `${floor.cpu.toFixed(2)} s CPU; sqlite3 .import: ${anchor.toFixed(2)} s wall; ` +
      `floor ratio ${(floor.wall / anchor).toFixed(2)}`,
  ].join('\n') + '\n',
);

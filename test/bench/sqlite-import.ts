/** The import benchmarks' outside anchor: the sqlite3 command line's `.import --csv` of a file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Wall seconds of `sqlite3 <db> ".import --csv <csv> calls"` into a fresh file (no validation, no indexes, no types). */
export function sqliteImportSeconds(csv: string, db: string): number {
  fs.rmSync(db, { force: true });
  const started = performance.now();
  const r = spawnSync('sqlite3', [db, '.mode csv', `.import --csv ${csv} calls`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

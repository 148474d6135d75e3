/**
 * A large write's WAL checkpoint runs on a thread of its own, not in the writer's commit on the
 * thread that answers the app (src-main/db/sqlite-checkpoint.ts). Seen from outside: right after
 * such a commit the database file alone (copied without its WAL) does not hold the rows yet; after
 * the background checkpoint it does, and closing the workspace waits for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../src-main/db/connection';
import {
  checkpointInBackground,
  checkpointsSettled,
  commitWrite,
  LARGE_WRITE_ROWS,
  registerAnsweringConnection,
} from '../../src-main/db/sqlite-checkpoint';
import { writeCallLog } from '../call-log';
import { openTestWorkspace } from '../helpers';

/** Rows of `table` in the database file alone, read from a copy made without the WAL. */
function rowsInFileAlone(file: string, table: string): number {
  const copy = path.join(path.dirname(file), `alone-${Math.random().toString(36).slice(2)}.sqlite`);
  fs.copyFileSync(file, copy);
  const db = new BetterSqlite3(copy, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
    fs.rmSync(copy);
  }
}

describe('the checkpoint of a large write', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-'));
    file = path.join(dir, 'w.sqlite');
    const db = openConnection(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeRows = (db: BetterSqlite3.Database, n: number) => {
    db.exec('BEGIN IMMEDIATE');
    const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
    for (let i = 0; i < n; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
  };

  it('leaves the pages to the checkpoint thread after a large write, which copies them into the file', async () => {
    // Another connection stays open, as the app's answering one does (the last one to close would
    // checkpoint on closing).
    const answering = openConnection(file);
    const writer = openConnection(file);
    const rows = LARGE_WRITE_ROWS * 2; // ~2,000 WAL pages: past SQLite's own 1,000-page trigger
    writeRows(writer, rows);
    const asked: string[] = [];
    commitWrite(writer, rows, (f) => asked.push(f));
    writer.close();
    expect(asked).toEqual([file]);
    expect(rowsInFileAlone(file, 't')).toBe(0);

    await checkpointInBackground(file);
    expect(rowsInFileAlone(file, 't')).toBe(rows);
    answering.close();
  });

  it("keeps the answering connection's next commit from checkpointing while the thread runs", async () => {
    const answering = openConnection(file);
    const unregister = registerAnsweringConnection(answering);
    const autocheckpoint = () => answering.pragma('wal_autocheckpoint', { simple: true });
    expect(autocheckpoint()).toBe(1000);
    const running = checkpointInBackground(file);
    expect(autocheckpoint()).toBe(0);
    await running;
    expect(autocheckpoint()).toBe(1000);
    unregister();
    answering.close();
  });

  it('checkpoints in the commit as SQLite does after a small write', () => {
    const answering = openConnection(file);
    const writer = openConnection(file);
    // Small in rows, large in pages: the commit's own automatic checkpoint copies them.
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare('INSERT INTO t (text) VALUES (?)').run('y'.repeat(8_000_000));
    const asked: string[] = [];
    commitWrite(writer, 1, (f) => asked.push(f));
    writer.close();
    expect(asked).toEqual([]);
    expect(rowsInFileAlone(file, 't')).toBe(1);
    answering.close();
  });
});

describe('an import of many calls', () => {
  it('reaches the database file through the background checkpoint; closing the workspace waits for it', async () => {
    const t = await openTestWorkspace();
    const csv = path.join(t.dir, 'many.csv');
    const rows = LARGE_WRITE_ROWS + 500;
    writeCallLog(csv, 'K', rows);
    const job = await t.importFile(csv);
    expect(job.result).toMatchObject({ inserted: rows });
    await checkpointsSettled(t.file);
    expect(rowsInFileAlone(t.file, 'calls')).toBe(rows);
    // A second one, and the workspace closed at once: closing waits for its checkpoint.
    writeCallLog(csv, 'L', rows);
    expect((await t.importFile(csv)).result).toMatchObject({ inserted: rows });
    let settled = false;
    void checkpointsSettled(t.file).then(() => (settled = true));
    await t.api.close();
    await t.ws.close();
    expect(settled).toBe(true);
    expect(rowsInFileAlone(t.file, 'calls')).toBe(2 * rows);
    fs.rmSync(t.dir, { recursive: true, force: true });
  });
});

/**
 * SQLite's bulk writer (bulk.ts): each batch or undo is one `BEGIN IMMEDIATE` transaction on a
 * connection of its own, written through prepared statements, synchronously (better-sqlite3 gains
 * nothing from awaiting): the per-row work of an import stays as fast as the raw driver allows.
 */
import { now as clockNow } from '../clock';
import { batchContribution } from '../metrics/rollup';
import type { BatchOpening, BulkBatch, BulkCounts, BulkWriter, StoredBatchState, UndoOptions } from './bulk';
import { kyselyFor, type Sqlite } from './connection';
import { SqliteCallWriter } from './sqlite-call-writer';
import { sqliteCopyRows } from './sqlite-row-copy';
import { OrderWriter } from './order-writer';
import { removeOrderBatchSqlite, sqliteOrderStore } from './sqlite-order-writer';
import { applyRollupSqlite } from './sqlite-rollup';
import { commitWrite } from './sqlite-checkpoint';
import { actingLogin } from '../activity/acting';

const MAX_RAW_CHARS = 2000;

/** Calls deleted per statement by undo: the thread answers other calls between chunks. */
const UNDO_CHUNK = 5_000;

/** `open` gives a new connection to the workspace file for each batch or undo (closed after it). */
export function sqliteBulkWriter(open: () => Sqlite): BulkWriter {
  return {
    openCallBatch: (opening, rollupParams) =>
      openBatch(
        withoutForeignKeyChecks(open()),
        'calls',
        opening,
        (db, batchId) => new SqliteCallWriter(db, batchId, rollupParams),
      ),
    openOrderBatch: (opening) =>
      openBatch(open(), 'orders', opening, (db, batchId) => new OrderWriter(sqliteOrderStore(db, batchId))),
    undoBatch: (batchId, options) => undoBatch(open(), batchId, options),
    copyRows: (copy) => sqliteCopyRows(open(), copy),
  };
}

/**
 * A call batch's connection checks no foreign key per row: every id its rows refer to comes from
 * the writer's directory, which checks them all once before the commit (SqliteDirectory.
 * checkReferences). Per row, SQLite's three parent lookups cost ~15 % of moving 1M calls into
 * `calls` on the thread that bounds an import. The pragma cannot change inside a transaction,
 * so it is set before the batch's; the connection is the batch's own and closed after it.
 */
function withoutForeignKeyChecks(db: Sqlite): Sqlite {
  db.pragma('foreign_keys = OFF');
  return db;
}

/** What the batch asks of the writer at its end, inside the transaction. */
interface Finishing {
  finish(): void | Promise<void>;
}

async function openBatch<W extends BulkCounts & Finishing>(
  db: Sqlite,
  kind: 'calls' | 'orders',
  opening: BatchOpening,
  createWriter: (db: Sqlite, batchId: number) => W,
): Promise<BulkBatch<W>> {
  const close = () => {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    return Promise.resolve();
  };
  try {
    db.exec('BEGIN IMMEDIATE');
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batches (kind, file_name, file_sha256, file_size, preset, mapping, time_zone, status,
             started_at, created_by)
           VALUES (?, ?, '', ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(
          kind,
          opening.fileName,
          opening.fileSize,
          opening.preset,
          JSON.stringify(opening.mapping),
          opening.timeZone,
          clockNow(),
          actingLogin(),
        ).lastInsertRowid,
    );
    const writer = createWriter(db, batchId);
    const insertIssue = db.prepare(
      'INSERT INTO import_rejects (batch_id, kind, line, field, reason, raw, reason_code, reason_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return {
      batchId,
      writer,
      // the batch's own transaction: never destroyed (that would close the connection under it)
      db: kyselyFor(db),
      issue(i) {
        insertIssue.run(
          batchId,
          i.kind,
          i.line,
          i.field,
          i.reason,
          i.raw.slice(0, MAX_RAW_CHARS),
          i.reasonCode,
          i.reasonParams,
        );
      },
      drain: () => Promise.resolve(),
      async finish(ending) {
        await writer.finish();
        db.prepare(
          `UPDATE import_batches SET file_sha256 = ?, status = 'done', rows_total = ?, inserted = ?, duplicates = ?,
             rejected = ?, warnings = ?, first_day = ?, last_day = ?, finished_at = ? WHERE id = ?`,
        ).run(
          ending.sha256,
          ending.rows,
          writer.inserted,
          writer.duplicates,
          ending.rejected,
          ending.warnings,
          writer.firstDay,
          writer.lastDay,
          clockNow(),
          batchId,
        );
        commitWrite(db, writer.inserted);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

async function undoBatch(db: Sqlite, batchId: number, options: UndoOptions): Promise<void> {
  try {
    db.exec('BEGIN IMMEDIATE');
    const batch = options.verify(
      db
        .prepare<[number], StoredBatchState>('SELECT status, kind, inserted FROM import_batches WHERE id = ?')
        .get(batchId),
    );
    let removed = 0;
    if (batch.kind === 'orders') removeOrderBatchSqlite(db, batchId);
    else {
      applyRollupSqlite(db, await batchContribution(kyselyFor(db), batchId, options.rollupParams), -1);
      const chunk = db.prepare(
        'DELETE FROM calls WHERE id IN (SELECT id FROM calls WHERE batch_id = ? LIMIT ?)',
      );
      for (;;) {
        const { changes } = chunk.run(batchId, UNDO_CHUNK);
        if (changes === 0) break;
        removed += changes;
        await options.onChunk(removed, batch.inserted);
      }
    }
    db.prepare("UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(
      clockNow(),
      batchId,
    );
    commitWrite(db, removed);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

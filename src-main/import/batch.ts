/**
 * One import batch as one transaction on the job's own connection, under the workspace write
 * queue: the batch row, its calls, its rejects and its rollup contribution commit together or
 * not at all. File imports and the demo generator both fill a batch through this.
 */
import { throwIfCancelled, type JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import type { Reason } from './bounds';
import { CallWriter } from './call-writer';
import type { Sqlite } from '../db/connection';
import { importLabel } from '../../src-shared/write-wait';
import { now as clockNow } from '../clock';

export interface BatchMeta {
  /** what the batch stores (default calls) */
  kind?: 'calls' | 'orders';
  fileName: string;
  fileSize: number;
  preset: string;
  mapping: unknown;
  timeZone: string;
}

/** What a batch's writer reports when the batch commits (CallWriter, OrderWriter). */
export interface BatchWriter {
  readonly inserted: number;
  readonly duplicates: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  /** writes what is pending and the rollup contribution, inside the batch's transaction */
  finish(): void;
}

export interface BatchSession<W extends BatchWriter = CallWriter> {
  readonly db: Sqlite;
  readonly batchId: number;
  readonly writer: W;
  /** A row that was not stored; `code` is the reason as a translatable key, where it has one. */
  reject(line: number, field: string | null, reason: string, raw: string, code?: Reason): void;
  /** A row that was stored, with a note (e.g. invalid bytes replaced). */
  warn(line: number, field: string | null, reason: string, raw: string): void;
  /** Reports progress, lets the event loop breathe and stops here if the job was cancelled. */
  tick(done: number, total: number | null, rows: number): Promise<void>;
}

export interface BatchTotals {
  batchId: number;
  rows: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

const MAX_RAW_CHARS = 2000;

/**
 * Runs `fill` in a new batch. A call log's batch writes with a CallWriter; another kind of batch
 * passes the writer it stores with (`createWriter`).
 */
export async function runBatch<W extends BatchWriter = CallWriter>(
  ws: Workspace,
  meta: BatchMeta,
  ctx: JobContext,
  fill: (session: BatchSession<W>) => Promise<{ rows: number; sha256: string }>,
  createWriter?: (db: Sqlite, batchId: number) => W,
): Promise<BatchTotals> {
  // Another process's write first: the job says what it waits for (the CLI prints it).
  const inLine = {
    label: importLabel(meta.fileName),
    onWait: (note: string) => ctx.progress(0, null, 0, note),
  };
  const { effectiveThresholdSeconds } = await ws.settings();
  return ws.writes.run(async () => {
    ctx.progress(0, null, 0, ''); // no longer waiting
    const db = ws.openJobConnection();
    try {
      db.exec('BEGIN IMMEDIATE');
      const batchId = Number(
        db
          .prepare(
            `INSERT INTO import_batches (kind, file_name, file_sha256, file_size, preset, mapping, time_zone, status,
               started_at)
             VALUES (?, ?, '', ?, ?, ?, ?, 'running', ?)`,
          )
          .run(
            meta.kind ?? 'calls',
            meta.fileName,
            meta.fileSize,
            meta.preset,
            JSON.stringify(meta.mapping),
            meta.timeZone,
            clockNow(),
          ).lastInsertRowid,
      );
      // Without a writer factory W is its default, CallWriter (the overload-free way to say so).
      const writer =
        createWriter?.(db, batchId) ??
        (new CallWriter(db, batchId, effectiveThresholdSeconds) as unknown as W);
      const insertIssue = db.prepare(
        'INSERT INTO import_rejects (batch_id, kind, line, field, reason, raw, reason_code, reason_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      let rejected = 0;
      let warnings = 0;
      const session: BatchSession<W> = {
        db,
        batchId,
        writer,
        reject(line, field, reason, raw, code) {
          rejected++;
          insertIssue.run(
            batchId,
            'rejected',
            line,
            field,
            reason,
            raw.slice(0, MAX_RAW_CHARS),
            code?.key ?? null,
            code ? JSON.stringify(code.params) : null,
          );
        },
        warn(line, field, reason, raw) {
          warnings++;
          insertIssue.run(batchId, 'warning', line, field, reason, raw.slice(0, MAX_RAW_CHARS), null, null);
        },
        async tick(done, total, rows) {
          ctx.progress(done, total, rows);
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled(ctx.signal);
        },
      };
      const { rows, sha256 } = await fill(session);
      throwIfCancelled(ctx.signal);
      writer.finish();
      db.prepare(
        `UPDATE import_batches SET file_sha256 = ?, status = 'done', rows_total = ?, inserted = ?, duplicates = ?,
           rejected = ?, warnings = ?, first_day = ?, last_day = ?, finished_at = ? WHERE id = ?`,
      ).run(
        sha256,
        rows,
        writer.inserted,
        writer.duplicates,
        rejected,
        warnings,
        writer.firstDay,
        writer.lastDay,
        clockNow(),
        batchId,
      );
      db.exec('COMMIT');
      return { batchId, rows, inserted: writer.inserted, duplicates: writer.duplicates, rejected };
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
  }, inLine);
}

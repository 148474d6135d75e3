/**
 * One import batch as one transaction of the workspace's bulk writer (src-main/db/bulk.ts), under
 * the workspace write queue: the batch row, its calls, its rejects and its rollup contribution
 * commit together or not at all. File imports and the demo generator both fill a batch through this.
 */
import { throwIfCancelled, type JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import type { Reason } from './bounds';
import type { Kysely } from 'kysely';
import type { BatchOpening, BulkBatch, BulkCounts, BulkWriter, CallBulkWriter } from '../db/bulk';
import type { Database } from '../db/schema';
import { importLabel } from '../../src-shared/write-wait';
import { loadRollupParams } from '../metrics/rollup-params';

export type BatchMeta = BatchOpening;

export interface BatchSession<W extends BulkCounts = CallBulkWriter> {
  /** the batch's own transaction, for its few small writes (the saved profile) */
  readonly db: Kysely<Database>;
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

type Fill<W extends BulkCounts> = (session: BatchSession<W>) => Promise<{ rows: number; sha256: string }>;

/** Runs `fill` in a new batch of calls. */
export function runBatch(
  ws: Workspace,
  meta: BatchMeta,
  ctx: JobContext,
  fill: Fill<CallBulkWriter>,
): Promise<BatchTotals> {
  return runBatchOf(ws, meta, ctx, fill, async (bulk) =>
    bulk.openCallBatch(meta, await loadRollupParams(ws.kysely)),
  );
}

/**
 * Runs `fill` in a new batch that `open` opens on the workspace's bulk writer (a call log's, an
 * order export's).
 */
export async function runBatchOf<W extends BulkCounts>(
  ws: Workspace,
  meta: BatchMeta,
  ctx: JobContext,
  fill: Fill<W>,
  open: (bulk: BulkWriter) => Promise<BulkBatch<W>>,
): Promise<BatchTotals> {
  // Another process's write first: the job says what it waits for (the CLI prints it).
  const inLine = {
    label: importLabel(meta.fileName),
    onWait: (note: string) => ctx.progress(0, null, 0, note),
  };
  return ws.writes.run(async () => {
    ctx.progress(0, null, 0, ''); // no longer waiting
    const batch = await open(ws.bulk);
    try {
      let rejected = 0;
      let warnings = 0;
      const session: BatchSession<W> = {
        db: batch.db,
        batchId: batch.batchId,
        writer: batch.writer,
        reject(line, field, reason, raw, code) {
          rejected++;
          batch.issue({
            kind: 'rejected',
            line,
            field,
            reason,
            raw,
            reasonCode: code?.key ?? null,
            reasonParams: code ? JSON.stringify(code.params) : null,
          });
        },
        warn(line, field, reason, raw) {
          warnings++;
          batch.issue({ kind: 'warning', line, field, reason, raw, reasonCode: null, reasonParams: null });
        },
        async tick(done, total, rows) {
          ctx.progress(done, total, rows);
          await batch.drain();
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled(ctx.signal);
        },
      };
      const { rows, sha256 } = await fill(session);
      throwIfCancelled(ctx.signal);
      await batch.finish({ sha256, rows, rejected, warnings });
      const { inserted, duplicates } = batch.writer;
      return { batchId: batch.batchId, rows, inserted, duplicates, rejected };
    } finally {
      await batch.close();
    }
  }, inLine);
}

/**
 * PostgreSQL's bulk writer (bulk.ts): each batch or undo is one transaction on a pooled connection
 * of its own (pg-session.ts), under the workspace's bulk lock. A batch's calls stream through COPY
 * into a temporary stage and move into `calls` at `finish()` (pg-call-writer.ts); its rejects are
 * stored between chunks; the batch row is completed and everything commits together or not at all.
 */
import type { Insertable, Kysely } from 'kysely';
import { now as clockNow } from '../clock';
import { batchContribution } from '../metrics/rollup';
import type { BatchOpening, BulkBatch, BulkCounts, BulkWriter, StoredBatchState, UndoOptions } from './bulk';
import { PgCallWriter } from './pg-call-writer';
import { pgCopyRows } from './pg-row-copy';
import { OrderWriter } from './order-writer';
import { pgOrderStore, removeOrderBatch } from './pg-order-writer';
import { PgBulkSession, type PgConnections } from './pg-session';
import type { Database, ImportRejectsTable } from './schema';
import { actingLogin } from '../activity/acting';

export type { PgConnections } from './pg-session';

const MAX_RAW_CHARS = 2000;
/** Rejected rows per INSERT statement (8 values each). */
const ISSUES_PER_STATEMENT = 500;
/** Calls deleted per statement by undo: progress is reported and cancelling checked between chunks. */
const UNDO_CHUNK = 5_000;

/** The bulk writer of the team workspace whose connections `pool` gives (a pg Pool, with its own connections). */
export function pgBulkWriter(pool: PgConnections): BulkWriter {
  return {
    openCallBatch: (opening, rollupParams) =>
      openBatch(pool, 'calls', opening, (session, batchId) =>
        PgCallWriter.create(session, batchId, rollupParams),
      ),
    openOrderBatch: (opening) =>
      openBatch(pool, 'orders', opening, (session, batchId) =>
        Promise.resolve(new OrderWriter(pgOrderStore(session.db, batchId))),
      ),
    undoBatch: (batchId, options) => undoBatch(pool, batchId, options),
    copyRows: (copy) => pgCopyRows(pool, copy),
  };
}

/** What the batch asks of the writer at its end, inside the transaction. */
interface Finishing {
  finish(): Promise<void>;
}

async function openBatch<W extends BulkCounts & Finishing>(
  pool: PgConnections,
  kind: 'calls' | 'orders',
  opening: BatchOpening,
  createWriter: (session: PgBulkSession, batchId: number) => Promise<W>,
): Promise<BulkBatch<W>> {
  const session = await PgBulkSession.begin(pool);
  try {
    const db = session.db;
    const { id: batchId } = await db
      .insertInto('import_batches')
      .values({
        kind,
        file_name: opening.fileName,
        file_sha256: '',
        file_size: opening.fileSize,
        preset: opening.preset,
        mapping: JSON.stringify(opening.mapping),
        time_zone: opening.timeZone,
        status: 'running',
        rows_total: 0,
        inserted: 0,
        duplicates: 0,
        rejected: 0,
        started_at: clockNow(),
        created_by: actingLogin(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const writer = await createWriter(session, batchId);
    // Held until the next drain: at most a chunk of rows' worth (the importer drains every few thousand rows).
    const issues: Insertable<ImportRejectsTable>[] = [];
    const storeIssues = async () => {
      while (issues.length > 0) {
        await db.insertInto('import_rejects').values(issues.splice(0, ISSUES_PER_STATEMENT)).execute();
      }
    };
    return {
      batchId,
      writer,
      db,
      issue(i) {
        issues.push({
          batch_id: batchId,
          kind: i.kind,
          line: i.line,
          field: i.field,
          reason: i.reason,
          raw: i.raw.slice(0, MAX_RAW_CHARS),
          reason_code: i.reasonCode,
          reason_params: i.reasonParams,
        });
      },
      async drain() {
        await session.drainCopy();
        await storeIssues();
      },
      async finish(ending) {
        await storeIssues();
        await writer.finish();
        await db
          .updateTable('import_batches')
          .set({
            file_sha256: ending.sha256,
            status: 'done',
            rows_total: ending.rows,
            inserted: writer.inserted,
            duplicates: writer.duplicates,
            rejected: ending.rejected,
            warnings: ending.warnings,
            first_day: writer.firstDay,
            last_day: writer.lastDay,
            finished_at: clockNow(),
          })
          .where('id', '=', batchId)
          .execute();
        await session.commit();
      },
      close: () => session.close(),
    };
  } catch (err) {
    await session.close();
    throw err;
  }
}

async function undoBatch(pool: PgConnections, batchId: number, options: UndoOptions): Promise<void> {
  const session = await PgBulkSession.begin(pool);
  try {
    const db = session.db;
    const stored: StoredBatchState | undefined = await db
      .selectFrom('import_batches')
      .select(['status', 'kind', 'inserted'])
      .where('id', '=', batchId)
      .executeTakeFirst();
    const batch = options.verify(stored);
    if (batch.kind === 'orders') await removeOrderBatch(db, batchId);
    else await removeCalls(db, batchId, batch.inserted, options);
    await db
      .updateTable('import_batches')
      .set({ status: 'undone', undone_at: clockNow() })
      .where('id', '=', batchId)
      .execute();
    await session.commit();
  } finally {
    await session.close();
  }
}

/** Removes a batch's calls in chunks, with their rollup contribution. */
async function removeCalls(
  db: Kysely<Database>,
  batchId: number,
  total: number,
  options: UndoOptions,
): Promise<void> {
  // Subtracted before the calls go: the contribution is aggregated from them.
  await (await batchContribution(db, batchId, options.rollupParams)).applyTo(db, -1);
  let removed = 0;
  for (;;) {
    const chunk = db.selectFrom('calls').select('id').where('batch_id', '=', batchId).limit(UNDO_CHUNK);
    const { numDeletedRows } = await db.deleteFrom('calls').where('id', 'in', chunk).executeTakeFirst();
    if (numDeletedRows === 0n) break;
    removed += Number(numDeletedRows);
    await options.onChunk(removed, total);
  }
}

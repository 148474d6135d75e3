/** The import history: batches, their rejected rows, and undo. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Batch, Reject } from '../../src-shared/api';
import type { Database } from '../db/schema';
import { toCsv } from '../csv-write';
import { ApiError, notFound } from '../errors';
import { throwIfCancelled, type JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import { loadRollupParams } from '../metrics/rollup-params';

function batchesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('import_batches')
    .select([
      'id',
      'kind',
      'file_name as fileName',
      'preset',
      'status',
      'rows_total as rows',
      'inserted',
      'duplicates',
      'rejected',
      'warnings',
      'first_day as firstDay',
      'last_day as lastDay',
      'started_at as importedAt',
      'error',
      'created_by',
    ]);
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof batchesQuery>['executeTakeFirstOrThrow']>>;

/** A batch's calls stay stored from its commit until its undo, so its count needs no scan. */
function toBatch({ created_by, ...r }: BatchRow): Batch {
  return {
    ...r,
    calls: r.status === 'done' && r.kind === 'calls' ? r.inserted : 0,
    ...(created_by ? { createdBy: created_by } : {}),
  };
}

export async function listBatches(db: Kysely<Database>): Promise<Batch[]> {
  const rows = await batchesQuery(db).orderBy('id', 'desc').execute();
  return rows.map(toBatch);
}

export async function getBatch(db: Kysely<Database>, id: number): Promise<Batch> {
  const row = await batchesQuery(db).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`import batch ${id}`);
  return toBatch(row);
}

export async function listRejects(
  db: Kysely<Database>,
  batchId: number,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: Reject[] }> {
  await getBatch(db, batchId);
  const [{ total }, rows] = await Promise.all([
    db
      .selectFrom('import_rejects')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('import_rejects')
      .select(['kind', 'line', 'field', 'reason', 'raw', 'reason_code', 'reason_params'])
      .where('batch_id', '=', batchId)
      .orderBy('line')
      .offset(offset)
      .limit(limit)
      .execute(),
  ]);
  return {
    total: Number(total),
    rows: rows.map(({ reason_code, reason_params, ...r }) => ({
      ...r,
      reasonCode: reasonCodeOf(reason_code, reason_params),
    })),
  };
}

const ReasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A stored reason key and its values; null when the row has none (or they are unreadable). */
function reasonCodeOf(key: string | null, params: string | null): Reject['reasonCode'] {
  if (key === null) return null;
  try {
    const parsed = ReasonParamsSchema.safeParse(JSON.parse(params ?? '{}'));
    return parsed.success ? { key, params: parsed.data } : null;
  } catch {
    return null;
  }
}

/** A batch's rejected and warned rows as CSV: what to fix, where, and the row's own text. */
export async function rejectsCsv(
  db: Kysely<Database>,
  batchId: number,
): Promise<{ fileName: string; csv: string }> {
  const batch = await getBatch(db, batchId);
  const rows = await db
    .selectFrom('import_rejects')
    .select(['line', 'kind', 'field', 'reason', 'raw'])
    .where('batch_id', '=', batchId)
    .orderBy('line')
    .execute();
  const base = batch.fileName.replace(/\.[^.]*$/, '');
  return {
    fileName: `${base}-rejected-rows.csv`,
    csv: toCsv([
      ['file', 'line', 'kind', 'field', 'reason', 'row'],
      ...rows.map((r) => [batch.fileName, r.line, r.kind, r.field, r.reason, r.raw]),
    ]),
  };
}

/**
 * Removes a batch's calls (or orders) and their rollup contribution in one transaction of the
 * bulk writer, deleting in chunks with a turn of the event loop between them so a 1M-row batch
 * does not freeze the host; progress is calls removed of the batch's. The batch row stays in the
 * history, marked undone.
 */
export async function undoBatchInChunks(ws: Workspace, batchId: number, ctx: JobContext): Promise<null> {
  await ws.writes.run(
    async () =>
      ws.bulk.undoBatch(batchId, {
        rollupParams: await loadRollupParams(ws.kysely),
        // Checked inside the undo's transaction: two undos of one batch must not both subtract it.
        verify(batch) {
          if (!batch) throw notFound(`import batch ${batchId}`);
          if (batch.status !== 'done') {
            throw new ApiError('conflict', `import batch ${batchId} is ${batch.status}, not done`);
          }
          return batch;
        },
        async onChunk(removed, total) {
          ctx.progress(removed, total, removed);
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled(ctx.signal);
        },
      }),
    { label: `the undo of import batch ${batchId}` },
  );
  return null;
}

/** Undoes a batch and answers with it when done (the API's `import.undo`; the UI uses the job). */
export async function undoBatch(ws: Workspace, batchId: number): Promise<Batch> {
  const ctx: JobContext = { progress: () => undefined, signal: new AbortController().signal };
  await undoBatchInChunks(ws, batchId, ctx);
  return getBatch(ws.kysely, batchId);
}

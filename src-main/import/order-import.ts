/**
 * Importing an order export: the planned rows (src-main/import/order-plan.ts) -> normalised orders
 * -> the bulk writer's order batch (src-main/db/bulk.ts, run by src-main/import/batch.ts): one
 * transaction, rejects kept with line, field and reason, undo by batch. Order files are CRM exports of thousands of rows, so they are
 * read on the job's thread, not the call importer's worker.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportResult } from '../../src-shared/api';
import type { OrderField } from '../../src-shared/orders';
import type { JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import type { OrderBulkWriter } from '../db/bulk';
import { runBatchOf } from './batch';
import { createOrderNormaliser, type NormalizedOrderRow } from './order-normalise';
import { orderPlanProblem, type OrderPlan } from './order-plan';
import { ensureCallPhoneIndex } from '../orders/phone-index';
import {
  cutRowIssue,
  damagedRowIssue,
  dataRows,
  normaliseRow,
  rowText,
  truncatedFileError,
  type RowIssue,
} from './produce';
import { saveProfile } from './profiles';
import { sha256File } from './source';

export interface ProducedOrders {
  /** `raw` (masked, as rejects keep it) for a payment row, which the writer may still reject */
  orders: { line: number; order: NormalizedOrderRow; raw?: string }[];
  rejects: RowIssue[];
  warnings: RowIssue[];
  /** rows of the file consumed so far (header excluded) */
  rows: number;
}

export async function* produceOrders(
  plan: OrderPlan,
  options: { onBytes?: (chunk: Buffer) => void; maxRows?: number } = {},
): AsyncGenerator<ProducedOrders> {
  const normalise = createOrderNormaliser(plan.preset, plan.columns, plan.columnNames, plan);
  const phoneColumn = plan.columns.phone;
  for await (const batch of dataRows(plan, options)) {
    const out: ProducedOrders = { orders: [], rejects: [], warnings: [], rows: batch.count };
    for (const row of batch.rows) {
      const cut = cutRowIssue(row);
      if (cut) {
        out.rejects.push(cut);
        continue;
      }
      const truncated = truncatedFileError(plan, row);
      if (truncated) throw truncated;
      const result = normaliseRow(plan, row, normalise);
      if (!result.ok) {
        const raw = rowText(plan, row.cells, phoneColumn);
        const code = result.code && { code: result.code };
        out.rejects.push({ line: row.line, field: result.field, reason: result.reason, raw, ...code });
        continue;
      }
      const damaged = damagedRowIssue(plan, row, phoneColumn);
      if (damaged) out.warnings.push(damaged);
      out.orders.push(
        result.order.kind === 'payment'
          ? { line: row.line, order: result.order, raw: rowText(plan, row.cells, phoneColumn) }
          : { line: row.line, order: result.order },
      );
    }
    yield out;
  }
}

/** A field as the file names it (its column's header), as the normaliser's rejects name it. */
export function columnName(plan: OrderPlan, field: OrderField): string {
  const index = plan.columns[field];
  return index === undefined ? field : (plan.columnNames[index] ?? field);
}

export async function importOrders(
  ws: Workspace,
  plan: OrderPlan,
  options: { displayName: string; saveProfile: boolean },
  ctx: JobContext,
): Promise<ImportResult> {
  const problem = orderPlanProblem(plan);
  if (problem) throw problem;
  const size = plan.source.size;
  const meta = {
    fileName: path.basename(options.displayName),
    fileSize: size,
    preset: plan.preset.id,
    mapping: { ...plan.source.info, header: plan.columnNames, columns: plan.columns },
    timeZone: plan.timeZone,
  };
  const totals = await runBatchOf<OrderBulkWriter>(
    ws,
    meta,
    ctx,
    async (batch) => {
      // Attribution reads calls by customer number once orders are stored (phone-index.ts).
      await ensureCallPhoneIndex(batch.db);
      const hash = plan.source.streamsBytes ? createHash('sha256') : null;
      let rows = 0;
      for await (const produced of produceOrders(plan, { onBytes: (chunk) => hash?.update(chunk) })) {
        for (const o of produced.orders) {
          const problem = await batch.writer.insert(o.order);
          if (problem) batch.reject(o.line, columnName(plan, problem.field), problem.reason, o.raw ?? '');
        }
        for (const r of produced.rejects) batch.reject(r.line, r.field, r.reason, r.raw, r.code);
        for (const w of produced.warnings) batch.warn(w.line, w.field, w.reason, w.raw);
        rows = produced.rows;
        await batch.tick(0, size, rows);
      }
      ctx.progress(size, size, rows);
      if (options.saveProfile) await saveProfile(batch.db, plan.signature, plan.choices);
      return { rows, sha256: hash ? hash.digest('hex') : await sha256File(plan.file) };
    },
    (bulk) => bulk.openOrderBatch(meta),
  );
  return { file: options.displayName, preset: plan.preset.id, ...totals };
}

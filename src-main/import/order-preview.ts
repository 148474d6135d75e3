/**
 * The Import page's preview of an order export: the order layout and its column mapping, and the
 * first rows exactly as they will be stored, produced by the same plan and row pipeline as the
 * order import. The call parts of the preview are empty.
 */
import type { ImportPreview, OrderPreview, PreviewOrder } from '../../src-shared/api';
import { ORDER_FIELDS } from '../../src-shared/orders';
import { rankLayouts } from './detect-layout';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { columnName, produceOrders } from './order-import';
import { rankOrderLayouts, type PlannedOrders } from './order-plan';
import { RANK_ROWS, type SampledFile } from './plan';
import { unknownOrderReason } from '../db/bulk';
import { fileFacts } from './preview';
import { rejectedPreviewRow } from './produce';

const PREVIEW_ROWS = 50;
const SAMPLE_CELL_ROWS = 3;

/** The stored order a payment row would attach to, as the preview shows it (null: not stored). */
async function storedOrder(db: Kysely<Database>, orderNo: string): Promise<PreviewOrder | null> {
  const row = await db
    .selectFrom('orders as o')
    .innerJoin('agents as a', 'a.id', 'o.agent_id')
    .select((eb) => [
      'o.order_no as orderNo',
      'a.code as agentCode',
      'o.ordered_at as orderedAt',
      'o.day',
      'o.amount',
      'o.status',
      eb
        .selectFrom('order_entries as e')
        .select((e) => e.fn.min('e.day').as('day'))
        .whereRef('e.order_id', '=', 'o.id')
        .where('e.kind', 'in', ['refund', 'cancel'])
        .as('reversedDay'),
      'o.customer_type as customerType',
      'o.product',
      'o.phone_last4 as phoneLast4',
    ])
    .where('o.order_no', '=', orderNo)
    .executeTakeFirst();
  return row ? { ...row, collected: 0, collectedDay: null } : null;
}

export async function previewOrders(planned: PlannedOrders, db: Kysely<Database>): Promise<ImportPreview> {
  const { plan, candidates, profile, sample } = planned;
  const rows: OrderPreview['rows'] = [];
  const warnings = new Map<number, string>();
  let sampledRejected = 0;
  for await (const batch of produceOrders(plan, { maxRows: PREVIEW_ROWS })) {
    for (const w of batch.warnings) warnings.set(w.line, `${w.field ?? ''}: ${w.reason}`);
    for (const { line, order: o } of batch.orders) {
      const warning = warnings.get(line) ?? null;
      if (o.kind === 'payment') {
        // A payment shows with the order it attaches to; for an order not stored, as the import rejects it.
        const order = await storedOrder(db, o.orderNo);
        if (order) {
          const { amount, day } = o.payment;
          rows.push({ ok: true, line, warning, order: { ...order, collected: amount, collectedDay: day } });
        } else {
          sampledRejected++;
          rows.push({
            ok: false,
            line,
            field: columnName(plan, 'orderId'),
            reason: unknownOrderReason(o.orderNo),
          });
        }
        continue;
      }
      rows.push({
        ok: true,
        line,
        warning,
        order: {
          orderNo: o.orderNo,
          agentCode: o.agentCode,
          orderedAt: o.orderedAt,
          day: o.day,
          amount: o.amount,
          collected: o.payment?.amount ?? 0,
          collectedDay: o.payment?.day ?? null,
          status: o.status,
          reversedDay: o.reversedDay,
          customerType: o.customerType,
          product: o.product,
          phoneLast4: o.phoneLast4,
        },
      });
    }
    for (const r of batch.rejects) {
      sampledRejected++;
      rows.push(rejectedPreviewRow(r));
    }
  }
  rows.sort((a, b) => a.line - b.line);
  const dataRows = sample.slice(1);
  const read = rows.length;
  return {
    kind: 'orders',
    orders: {
      // a payments layout maps only its own fields
      columns: ORDER_FIELDS.filter((f) => plan.preset.columns[f] !== undefined).map((field) => ({
        field,
        column: plan.columns[field] ?? null,
        required: plan.preset.required.includes(field),
      })),
      rows,
      paymentsOnly: plan.preset.payments === true,
    },
    ...fileFacts(plan.displayName, plan.source),
    hasHeader: true,
    columnNames: plan.columnNames,
    sampleCells: dataRows.slice(0, SAMPLE_CELL_ROWS).map((r) => r.cells),
    preset: { id: plan.preset.id, name: plan.preset.name },
    candidates: candidates.map((c) => ({
      id: c.preset.id,
      name: c.preset.name,
      confidence: c.preset === plan.preset && read > 0 ? (read - sampledRejected) / read : c.confidence,
    })),
    profile: profile && { signature: profile.signature, savedAt: profile.savedAt },
    columns: [],
    values: { dispositions: [], outcomes: [] },
    sampled: read,
    sampledRejected,
    rows: [],
  };
}

/**
 * The layouts of the other kind for the layout picker, so a file detected as one kind can be read
 * as the other: an order export whose header no order layout knows is previewed as a call log
 * until the user picks an order layout (and maps its columns).
 */
export function otherKindLayouts(
  sampled: SampledFile,
  shown: ImportPreview['kind'],
): ImportPreview['candidates'] {
  const cells = sampled.sample.slice(0, RANK_ROWS).map((r) => r.cells);
  const ranked = shown === 'calls' ? rankOrderLayouts(cells, sampled) : rankLayouts(cells, sampled);
  return ranked.map((c) => ({ id: c.preset.id, name: c.preset.name, confidence: c.confidence }));
}

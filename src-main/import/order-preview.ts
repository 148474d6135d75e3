/**
 * The Import page's preview of an order export: the order layout and its column mapping, and the
 * first rows exactly as they will be stored, produced by the same plan and row pipeline as the
 * order import. The call parts of the preview are empty.
 */
import type { ImportPreview, OrderPreview } from '../../src-shared/api';
import { ORDER_FIELDS } from '../../src-shared/orders';
import { rankLayouts } from './detect-layout';
import { produceOrders } from './order-import';
import { rankOrderLayouts, type PlannedOrders } from './order-plan';
import { RANK_ROWS, type SampledFile } from './plan';
import { fileFacts } from './preview';

const PREVIEW_ROWS = 50;
const SAMPLE_CELL_ROWS = 3;

export async function previewOrders(planned: PlannedOrders): Promise<ImportPreview> {
  const { plan, candidates, profile, sample } = planned;
  const rows: OrderPreview['rows'] = [];
  const warnings = new Map<number, string>();
  let sampledRejected = 0;
  for await (const batch of produceOrders(plan, { maxRows: PREVIEW_ROWS })) {
    for (const w of batch.warnings) warnings.set(w.line, `${w.field ?? ''}: ${w.reason}`);
    for (const { line, order: o } of batch.orders) {
      rows.push({
        ok: true,
        line,
        warning: warnings.get(line) ?? null,
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
      rows.push({ ok: false, line: r.line, field: r.field, reason: r.reason });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  const dataRows = sample.slice(1);
  const read = rows.length;
  return {
    kind: 'orders',
    orders: {
      columns: ORDER_FIELDS.map((field) => ({
        field,
        column: plan.columns[field] ?? null,
        required: plan.preset.required.includes(field),
      })),
      rows,
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

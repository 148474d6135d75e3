/**
 * Orders on the Summary: when the period has orders (an order system's export was imported), its
 * order revenue, collected amount and collection rate (回款率), read with the orders feature's own
 * summary so the report agrees with the dashboard's order tiles. No orders, no rows.
 */
import type { ReportRow } from '../../src-shared/reports-model';
import { change } from '../../src-shared/kpi';
import { loadOrderSettings } from '../orders/settings';
import { orderSummary } from '../orders/queries';
import type { SectionContext } from './sections';

const ORDER_ROWS = [
  { key: 'orderRevenue', unit: 'money' },
  { key: 'collected', unit: 'money' },
  { key: 'collectionRate', unit: 'percent' },
] as const;

export async function orderSummaryRows(ctx: SectionContext): Promise<ReportRow[]> {
  const s = await orderSummary(ctx.live.kysely, ctx.filter, loadOrderSettings(ctx.live.db));
  if (!s.hasOrders) return [];
  return ORDER_ROWS.map(({ key, unit }) => ({
    kpi: key,
    label: ctx.t(`orders.kpi.${key}`),
    unit,
    current: s.current[key],
    previous: s.previous[key],
    change: change(s.current[key], s.previous[key]),
  }));
}

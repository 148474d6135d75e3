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
import type { SectionSource } from './sources';

const ORDER_ROWS = [
  { key: 'orderRevenue', unit: 'money' },
  { key: 'collected', unit: 'money' },
  { key: 'collectionRate', unit: 'percent' },
] as const;

type OrderKey = (typeof ORDER_ROWS)[number]['key'];
type OrderFigures = Record<OrderKey, number | null>;

/** The order figures of the period and the one before; null: the period has no orders. */
export type OrdersInput = { current: OrderFigures; previous: OrderFigures } | null;

const figures = (values: Record<OrderKey, number | null>): OrderFigures =>
  Object.fromEntries(ORDER_ROWS.map(({ key }) => [key, values[key]])) as OrderFigures;

export const ordersSource: SectionSource<OrdersInput> = {
  id: 'orders',
  perScope: true,
  empty: null,
  async read({ ws, filter }) {
    const s = await orderSummary(ws.kysely, filter, await loadOrderSettings(ws.kysely));
    return s.hasOrders ? { current: figures(s.current), previous: figures(s.previous) } : null;
  },
};

export async function orderSummaryRows(ctx: SectionContext): Promise<ReportRow[]> {
  const s = await ctx.input(ordersSource);
  if (!s) return [];
  return ORDER_ROWS.map(({ key, unit }) => ({
    kpi: key,
    label: ctx.t(`orders.kpi.${key}`),
    unit,
    current: s.current[key],
    previous: s.previous[key],
    change: change(s.current[key], s.previous[key]),
  }));
}

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

/**
 * The order figures of the period and the one before; null: the period has no orders. A team's
 * value is kept when only the period before has orders too (`previousOnly`: it prints no rows),
 * so a set of teams' previous figures can be summed from its teams'.
 */
export type OrdersInput = { current: OrderFigures; previous: OrderFigures; previousOnly?: true } | null;

const figures = (values: Record<OrderKey, number | null>): OrderFigures =>
  Object.fromEntries(ORDER_ROWS.map(({ key }) => [key, values[key]])) as OrderFigures;

export const ordersSource: SectionSource<OrdersInput> = {
  id: 'orders',
  perScope: true,
  empty: null,
  async read({ ws, filter }) {
    const s = await orderSummary(ws.kysely, filter, await loadOrderSettings(ws.kysely));
    const value = { current: figures(s.current), previous: figures(s.previous) };
    if (s.hasOrders) return value;
    const previousCounts = s.previous.orderRevenue !== 0 || s.previous.collected !== 0;
    return filter.teamId !== undefined && previousCounts ? { ...value, previousOnly: true } : null;
  },
  mergeTeams: (teams) => {
    const known = teams.filter((t) => t !== null);
    if (!known.some((t) => !t.previousOnly)) return null;
    const sum = (period: 'current' | 'previous') => {
      const orderRevenue = known.reduce((total, t) => total + t[period].orderRevenue!, 0);
      const collected = known.reduce((total, t) => total + t[period].collected!, 0);
      // the collection rate of the sums (orderKpis' rule), never the mean of the teams' rates
      return { orderRevenue, collected, collectionRate: orderRevenue <= 0 ? null : collected / orderRevenue };
    };
    return { current: sum('current'), previous: sum('previous') };
  },
  printed: (v) => (v && !v.previousOnly ? { current: v.current, previous: v.previous } : null),
};

export async function orderSummaryRows(ctx: SectionContext): Promise<ReportRow[]> {
  const s = await ctx.input(ordersSource);
  if (!s || s.previousOnly) return [];
  return ORDER_ROWS.map(({ key, unit }) => ({
    kpi: key,
    label: ctx.t(`orders.kpi.${key}`),
    unit,
    current: s.current[key],
    previous: s.previous[key],
    change: change(s.current[key], s.previous[key]),
  }));
}

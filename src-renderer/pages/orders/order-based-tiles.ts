/**
 * When the workspace takes conversion from orders (Settings → Orders) and the range has orders,
 * the dashboard's main Sales, Revenue, Average order value, Conversion rate and Lead conversion
 * tiles read the order figures of `orders.summary` instead of the sales marked on calls. The source is
 * decided by `salesSource` (src-shared/orders.ts), the rule targets and pacing follow too; this maps
 * the order figures onto the tiles.
 */
import type { OrderSummary, Output } from '../../../src-shared/api';
import { conversionFrom } from '../../../src-shared/kpi';
import { salesSource } from '../../../src-shared/orders';

export const ORDER_BASED_KPIS = [
  'sales',
  'revenue',
  'avgOrderValue',
  'conversionRate',
  'leadConversion',
] as const;
export type OrderBasedKpi = (typeof ORDER_BASED_KPIS)[number];

export interface OrderBasedValue {
  value: number | null;
  previousValue: number | null;
  /** the numbers the popover's formula shows */
  parts: { revenue: number; orders: number; connects: number; intents: number };
}

export function orderBasedTiles(
  orders: OrderSummary | undefined,
  calls: Output<'metrics.summary'>,
): Record<OrderBasedKpi, OrderBasedValue> | null {
  if (!orders || salesSource(orders.settings.conversionSource, orders.hasOrders) !== 'orders') return null;
  const { current: c, previous: p } = orders;
  const prevConversion = conversionFrom('orders', calls.previous, p.orders);
  // A previous period without orders has no order figure to compare with (not a 0).
  const hadOrders = p.placedOrders > 0 || p.orders !== 0;
  const parts = {
    revenue: c.orderRevenue,
    orders: orders.conversion.sales,
    connects: orders.conversion.connects,
    intents: orders.conversion.intents,
  };
  const pick = (value: number | null, previous: number | null): OrderBasedValue => ({
    value,
    previousValue: hadOrders ? previous : null,
    parts,
  });
  return {
    // net orders: the count the conversion rates divide, so the tiles agree with each other
    sales: pick(orders.conversion.sales, p.orders),
    revenue: pick(c.orderRevenue, p.orderRevenue),
    avgOrderValue: pick(c.orderAov, p.orderAov),
    conversionRate: pick(orders.conversion.conversionRate, prevConversion.conversionRate),
    leadConversion: pick(orders.conversion.leadConversion, prevConversion.leadConversion),
  };
}

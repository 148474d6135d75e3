/** The orders feature's share of the API contract: order settings, order KPIs, order breakdowns. */
import { z } from 'zod';
import { BREAKDOWNS } from '../domain';
import { CONVERSION_SOURCES } from '../orders';
import { method, None } from './method';
import { DaySchema, FilterSchema } from './schemas';

export const OrderSettingsSchema = z.object({
  /** an order is linked to its agent's last connected call to the number within this many days */
  attributionWindowDays: z.number().int().min(0).max(365),
  /** where conversion rate and lead conversion take their sales from */
  conversionSource: z.enum(CONVERSION_SOURCES),
});
export type OrderSettings = z.infer<typeof OrderSettingsSchema>;

const Money = z.number().int();
const Rate = z.number().nullable();

export const OrderKpisSchema = z.object({
  orders: z.number().int(),
  orderRevenue: Money,
  collected: Money,
  newCustomers: z.number().int(),
  returningRevenue: Money,
  daysToOrderSum: z.number(),
  daysToOrderCount: z.number().int(),
  attributedOrders: z.number().int(),
  placedOrders: z.number().int(),
  collectionRate: Rate,
  orderAov: Rate,
  avgDaysToOrder: Rate,
  attributedShare: Rate,
});

export const OrderSummarySchema = z.object({
  /** any order placed, paid, refunded or cancelled in the range (else the tiles fall back to calls) */
  hasOrders: z.boolean(),
  /** any order stored in the workspace (a calls-only workspace shows no order row at all) */
  workspaceHasOrders: z.boolean(),
  range: z.object({ from: DaySchema, to: DaySchema }),
  previousRange: z.object({ from: DaySchema, to: DaySchema }),
  current: OrderKpisSchema,
  previous: OrderKpisSchema,
  /** conversion as the workspace setting says (orders only when the range has orders) */
  conversion: z.object({
    source: z.enum(CONVERSION_SOURCES),
    sales: z.number().int(),
    connects: z.number().int(),
    intents: z.number().int(),
    conversionRate: Rate,
    leadConversion: Rate,
  }),
  settings: OrderSettingsSchema,
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderBreakdownRowSchema = z.object({
  key: z.string().nullable(),
  orders: z.number().int(),
  orderRevenue: Money,
  collected: Money,
});

export const ordersContract = {
  'orders.settings.get': method(None, OrderSettingsSchema),
  'orders.settings.update': method(OrderSettingsSchema.partial().strict(), OrderSettingsSchema),
  /** Order KPIs of the range and the previous period, and conversion from the chosen source. */
  'orders.summary': method(z.object({ filter: FilterSchema }), OrderSummarySchema),
  /** Orders, revenue and collections grouped like `metrics.breakdown` (same keys). */
  'orders.breakdown': method(
    z.object({ filter: FilterSchema, by: z.enum(BREAKDOWNS) }),
    z.object({ rows: z.array(OrderBreakdownRowSchema) }),
  ),
} as const;

export type OrdersMethod = keyof typeof ordersContract;

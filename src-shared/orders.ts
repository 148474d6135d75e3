/** The words of orders (order exports from a CRM or order system), shared by main and renderer. */

export const ORDER_FIELDS = [
  'orderId',
  'agentCode',
  'agentName',
  'phone',
  'orderedAt',
  'amount',
  'collected',
  'collectedAt',
  'paymentId',
  'product',
  'campaign',
  'status',
  'statusAt',
  'customerType',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const ORDER_STATUSES = ['unpaid', 'partially_paid', 'paid', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CUSTOMER_TYPES = ['new', 'existing'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Where conversion rate and lead conversion take their sales from. */
export const CONVERSION_SOURCES = ['calls', 'orders'] as const;
export type ConversionSource = (typeof CONVERSION_SOURCES)[number];

/**
 * The one rule for where a scope's sales, revenue and conversion come from, followed by the
 * dashboard's tiles and by targets, pacing and the composite score alike: orders when the workspace
 * takes them from orders (Settings → Orders) and the scope (a filter, a team, one agent) has orders
 * in the range; else the sales marked on calls.
 */
export function salesSource(setting: ConversionSource, scopeHasOrders: boolean): ConversionSource {
  return setting === 'orders' && scopeHasOrders ? 'orders' : 'calls';
}

export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 7;

/** What a batch imported. */
export const IMPORT_KINDS = ['calls', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * The single source of every KPI formula (DESIGN.md, "KPI definitions"). Counts are integers,
 * money is integer minor units (fen/cents), durations integer seconds. A rate whose denominator
 * is 0 is `null` ("no data"), never 0 and never NaN.
 */
import type { Disposition } from './domain';

/** The additive counts a rollup row carries; every KPI is derived from them. */
export interface KpiCounts {
  dials: number;
  connects: number;
  effective: number;
  talkSeconds: number;
  effectiveTalkSeconds: number;
  intents: number;
  sales: number;
  revenue: number;
}

export interface KpiRates {
  connectRate: number | null;
  avgTalkSeconds: number | null;
  intentRate: number | null;
  leadConversion: number | null;
  conversionRate: number | null;
  avgOrderValue: number | null;
}

export type KpiValues = KpiCounts & KpiRates;

export const COUNT_KEYS = [
  'dials',
  'connects',
  'effective',
  'talkSeconds',
  'effectiveTalkSeconds',
  'intents',
  'sales',
  'revenue',
] as const satisfies readonly (keyof KpiCounts)[];

export const RATE_KEYS = [
  'connectRate',
  'avgTalkSeconds',
  'intentRate',
  'leadConversion',
  'conversionRate',
  'avgOrderValue',
] as const satisfies readonly (keyof KpiRates)[];

export type KpiKey = keyof KpiValues;

export function emptyCounts(): KpiCounts {
  return {
    dials: 0,
    connects: 0,
    effective: 0,
    talkSeconds: 0,
    effectiveTalkSeconds: 0,
    intents: 0,
    sales: 0,
    revenue: 0,
  };
}

export function addCounts(into: KpiCounts, add: KpiCounts, sign: 1 | -1 = 1): KpiCounts {
  for (const k of COUNT_KEYS) into[k] += sign * add[k];
  return into;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function rates(c: KpiCounts): KpiRates {
  return {
    connectRate: ratio(c.connects, c.dials),
    avgTalkSeconds: ratio(c.talkSeconds, c.connects),
    intentRate: ratio(c.intents, c.connects),
    leadConversion: ratio(c.sales, c.intents),
    conversionRate: ratio(c.sales, c.connects),
    avgOrderValue: ratio(c.revenue, c.sales),
  };
}

export function kpiValues(c: KpiCounts): KpiValues {
  return { ...c, ...rates(c) };
}

/**
 * The call predicates every KPI counts by, as data: `holds` evaluates them on a call in memory
 * (the import's rollup deltas), and src-main/db/kpi-sql.ts turns the same definitions into SQL
 * (rebuilds, undo, alerts, sampling, attribution), so the two can never disagree.
 */
export interface CallFacts {
  disposition: Disposition;
  talkSeconds: number;
}
export type PredicateField = keyof CallFacts;
export interface Condition {
  field: PredicateField;
  op: '=' | '>' | '>=' | '<';
  /** a constant, or the name of a workspace parameter supplied when the predicate is used */
  value: string | number | { param: 'threshold' | 'short' };
}
export type Predicate = readonly Condition[];

/** A connect: the dial was answered by a person and there was conversation. */
export const CONNECT: Predicate = [
  { field: 'disposition', op: '=', value: 'connected' },
  { field: 'talkSeconds', op: '>', value: 0 },
];
/** An effective conversation: a connect that lasted at least the workspace threshold. */
export const EFFECTIVE: Predicate = [
  ...CONNECT,
  { field: 'talkSeconds', op: '>=', value: { param: 'threshold' } },
];
/** A short connect (the alerts' "hung up at once"): a connect under the short-call seconds. */
export const SHORT_CONNECT: Predicate = [
  ...CONNECT,
  { field: 'talkSeconds', op: '<', value: { param: 'short' } },
];

/** Talked less than an effective conversation (a sale on such a call is "a sale without talk"). */
export const SHORT_OF_EFFECTIVE: Predicate = [
  { field: 'talkSeconds', op: '<', value: { param: 'threshold' } },
];

export type PredicateParams = Partial<Record<'threshold' | 'short', number>>;

function conditionHolds(c: Condition, facts: CallFacts, params: PredicateParams): boolean {
  const actual = facts[c.field];
  let expected = c.value;
  if (typeof expected === 'object') {
    const given = params[expected.param];
    if (given === undefined) throw new Error(`the predicate needs the parameter ${expected.param}`);
    expected = given;
  }
  switch (c.op) {
    case '=':
      return actual === expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
  }
}

/** Whether every condition of `predicate` holds for the call. */
export function holds(predicate: Predicate, facts: CallFacts, params: PredicateParams = {}): boolean {
  // a plain loop: the import's inserting thread asks this twice per call
  for (const c of predicate) if (!conditionHolds(c, facts, params)) return false;
  return true;
}

/**
 * The counts the anomaly alerts judge a day by (src-shared/anomalies.ts) that no KPI shows: kept
 * in the rollup beside the KPI counts, so the "needs attention" list reads no call. They depend
 * on the alerts' short-call seconds as the effective counts depend on the threshold: a change of
 * either rebuilds the rollups.
 */
export interface AlertCounts {
  /** connects shorter than the short-call seconds (SHORT_CONNECT) */
  shortConnects: number;
  /** their talk seconds */
  shortTalkSeconds: number;
  /** sales on calls that talked less than the effective threshold (SHORT_OF_EFFECTIVE) */
  salesWithoutTalk: number;
}

export const ALERT_COUNT_KEYS = [
  'shortConnects',
  'shortTalkSeconds',
  'salesWithoutTalk',
] as const satisfies readonly (keyof AlertCounts)[];

/** What a rollup row carries: the KPI counts and the alert counts. */
export type RollupCounts = KpiCounts & AlertCounts;
export const ROLLUP_COUNT_KEYS = [...COUNT_KEYS, ...ALERT_COUNT_KEYS] as const;

/** The workspace parameters the rollup counts depend on. */
export interface RollupParams {
  /** the effective-conversation seconds (settings) */
  threshold: number;
  /** the alerts' short-call seconds (alert thresholds) */
  short: number;
}

// Written out, not spread from emptyCounts(): a spread copy is a slow-mode object in V8, and the
// import makes one per rollup row and adds into it per call (3.8 s of a 1M-row import's CPU).
export function emptyRollupCounts(): RollupCounts {
  return {
    dials: 0,
    connects: 0,
    effective: 0,
    talkSeconds: 0,
    effectiveTalkSeconds: 0,
    intents: 0,
    sales: 0,
    revenue: 0,
    shortConnects: 0,
    shortTalkSeconds: 0,
    salesWithoutTalk: 0,
  };
}

export function addRollupCounts(into: RollupCounts, add: RollupCounts, sign: 1 | -1 = 1): RollupCounts {
  for (const k of ROLLUP_COUNT_KEYS) into[k] += sign * add[k];
  return into;
}

/** What `rollupContribution` reads of an outbound call. */
export interface ContributingCall extends CallFacts {
  intent: boolean;
  sale: boolean;
  saleAmount: number;
}

/** What one outbound call adds to its rollup row. */
export function rollupContribution(call: ContributingCall, params: RollupParams): RollupCounts {
  return addCallContribution(emptyRollupCounts(), call, params);
}

/**
 * Adds what one outbound call contributes to `into` (its rollup row's counts) in place: the same
 * counts as `rollupContribution`, without the objects it makes (the import's inserting thread, the
 * one that bounds an import, counts every call).
 */
export function addCallContribution(
  into: RollupCounts,
  call: ContributingCall,
  params: RollupParams,
): RollupCounts {
  const connect = holds(CONNECT, call);
  // EFFECTIVE and SHORT_CONNECT are connects first: asked only of a connect
  const effective = connect && holds(EFFECTIVE, call, params);
  const short = connect && holds(SHORT_CONNECT, call, params);
  into.dials += 1;
  if (connect) {
    into.connects += 1;
    into.talkSeconds += call.talkSeconds;
  }
  if (effective) {
    into.effective += 1;
    into.effectiveTalkSeconds += call.talkSeconds;
  }
  if (short) {
    into.shortConnects += 1;
    into.shortTalkSeconds += call.talkSeconds;
  }
  if (call.intent) into.intents += 1;
  if (call.sale) {
    into.sales += 1;
    into.revenue += call.saleAmount;
    if (holds(SHORT_OF_EFFECTIVE, call, params)) into.salesWithoutTalk += 1;
  }
  return into;
}

/** Relative change from `previous` to `current`; null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** How each KPI on screen is computed, for the "how is this computed" popovers and docs. */
export interface KpiDefinition {
  key: KpiKey;
  unit: 'count' | 'seconds' | 'money' | 'rate';
  /** i18n key of the formula text */
  formula: `formula.${KpiKey}`;
  /** whether a higher value is better (colours the change arrow) */
  higherIsBetter: boolean;
}

const UNITS: Record<KpiKey, KpiDefinition['unit']> = {
  dials: 'count',
  connects: 'count',
  effective: 'count',
  talkSeconds: 'seconds',
  effectiveTalkSeconds: 'seconds',
  intents: 'count',
  sales: 'count',
  revenue: 'money',
  connectRate: 'rate',
  avgTalkSeconds: 'seconds',
  intentRate: 'rate',
  leadConversion: 'rate',
  conversionRate: 'rate',
  avgOrderValue: 'money',
};

// Every KPI shown so far is better when higher; a lower-is-better one (e.g. short-call share) says so here.
export const KPI_DEFINITIONS = Object.fromEntries(
  (Object.keys(UNITS) as KpiKey[]).map((key) => [
    key,
    { key, unit: UNITS[key], formula: `formula.${key}`, higherIsBetter: true },
  ]),
) as Record<KpiKey, KpiDefinition>;

/**
 * Calls per agent-day: dials ÷ agent-days, where an agent-day is one agent on one day with at
 * least one dial (a day off is not a slow day). Not part of `KpiValues`: agent-days are not
 * additive over rollup rows; `metrics.summary` counts them.
 */
export const CALLS_PER_AGENT_DAY = {
  key: 'callsPerAgentDay',
  unit: 'count',
  formula: 'formula.callsPerAgentDay',
  higherIsBetter: true,
} as const;

export function callsPerAgentDay(dials: number, agentDayCount: number): number | null {
  return ratio(dials, agentDayCount);
}

/**
 * The funnel's steps that are not KPIs of their own: the share of connects that became effective
 * conversations, and sales per dial end to end.
 */
export function effectiveShare(c: Pick<KpiCounts, 'effective' | 'connects'>): number | null {
  return ratio(c.effective, c.connects);
}

export function salesPerDial(c: Pick<KpiCounts, 'sales' | 'dials'>): number | null {
  return ratio(c.sales, c.dials);
}

/**
 * Orders (from an order system's export, src-main/import/order-*.ts). Revenue, orders and
 * collections are net: a refund or cancellation takes its order back on its own date. The
 * customer counts and days-to-order are of the orders placed in the range.
 */
export interface OrderCounts {
  /** orders placed, less those refunded or cancelled (on the day they were) */
  orders: number;
  /** minor units, net of refunds and cancellations */
  orderRevenue: number;
  /** minor units collected (回款), net of what refunds returned */
  collected: number;
  /** orders placed that are a customer's first (the export's word, else the number's first order) */
  newCustomers: number;
  /** minor units: orders placed by customers who had ordered before (refunded, cancelled ones left out) */
  returningRevenue: number;
  /** days from the first call to the customer's number to the order, summed over orders with such a call */
  daysToOrderSum: number;
  daysToOrderCount: number;
  /** orders placed that are linked to a connected call of their agent within the window */
  attributedOrders: number;
  /** orders placed in the range (before any reversal), the base of the attributed share */
  placedOrders: number;
}

export interface OrderRates {
  /** 回款率 = collected ÷ order revenue */
  collectionRate: number | null;
  /** order revenue ÷ orders */
  orderAov: number | null;
  /** mean days from first call to order */
  avgDaysToOrder: number | null;
  /** attributed ÷ placed orders */
  attributedShare: number | null;
}

export type OrderKpis = OrderCounts & OrderRates;

export function emptyOrderCounts(): OrderCounts {
  return {
    orders: 0,
    orderRevenue: 0,
    collected: 0,
    newCustomers: 0,
    returningRevenue: 0,
    daysToOrderSum: 0,
    daysToOrderCount: 0,
    attributedOrders: 0,
    placedOrders: 0,
  };
}

export function orderKpis(c: OrderCounts): OrderKpis {
  return {
    ...c,
    // A net revenue of 0 or less (all refunded) has no meaningful collection rate.
    collectionRate: c.orderRevenue <= 0 ? null : c.collected / c.orderRevenue,
    orderAov: c.orders <= 0 ? null : c.orderRevenue / c.orders,
    avgDaysToOrder: ratio(c.daysToOrderSum, c.daysToOrderCount),
    attributedShare: ratio(c.attributedOrders, c.placedOrders),
  };
}

/**
 * Conversion rate and lead conversion from the workspace's chosen source: call outcomes (sales
 * marked on calls) or orders (net orders of the order system), over the same connects and intents.
 */
export function conversionFrom(
  source: 'calls' | 'orders',
  calls: Pick<KpiCounts, 'sales' | 'connects' | 'intents'>,
  orders: number,
): { sales: number; conversionRate: number | null; leadConversion: number | null } {
  const sales = source === 'orders' ? Math.max(orders, 0) : calls.sales;
  return { sales, conversionRate: ratio(sales, calls.connects), leadConversion: ratio(sales, calls.intents) };
}

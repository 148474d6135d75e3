/**
 * Order KPIs for the dashboard and the CLI: the money from the order rollup `daily_order_stats`
 * (net of refunds and cancellations on their own day), the per-order facts (new customers,
 * attribution, days to order) from `orderFacts`. Formulas live in src-shared/kpi.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Filter, OrderSummary } from '../../src-shared/api';
import type { Breakdown } from '../../src-shared/domain';
import { conversionFrom, emptyOrderCounts, orderKpis, type OrderCounts } from '../../src-shared/kpi';
import { previousPeriod } from '../../src-shared/periods';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import type { Database } from '../db/schema';
import { rollupCondition, totals } from '../metrics/queries';
import type { OrderSettings } from '../../src-shared/api';
import { salesSource } from '../../src-shared/orders';
import { orderFacts } from './attribution';
import { anyAgentMoved, teamOnDay } from '../people/team-filter';

const DAY_MS = 86_400_000;

async function rollupSums(db: Kysely<Database>, filter: Filter) {
  return db
    .selectFrom('daily_order_stats as s')
    .where(await rollupCondition(db, filter))
    .select([
      sql<number>`coalesce(sum(s.orders), 0)`.as('orders'),
      sql<number>`coalesce(sum(s.revenue), 0)`.as('orderRevenue'),
      sql<number>`coalesce(sum(s.collected), 0)`.as('collected'),
      sql<number>`count(*)`.as('rows'),
    ])
    .executeTakeFirstOrThrow();
}

/** The order counts of a range (and whether any order entry falls in it). */
export async function orderCounts(
  db: Kysely<Database>,
  filter: Filter,
  windowDays: number,
): Promise<{ counts: OrderCounts; hasOrders: boolean }> {
  const [sums, facts] = await Promise.all([rollupSums(db, filter), orderFacts(db, filter, windowDays)]);
  const counts = emptyOrderCounts();
  counts.orders = Number(sums.orders);
  counts.orderRevenue = Number(sums.orderRevenue);
  counts.collected = Number(sums.collected);
  const newNumbers = new Set<string>();
  for (const f of facts) {
    counts.placedOrders++;
    if (f.callId !== null) counts.attributedOrders++;
    if (f.firstCallAt !== null) {
      counts.daysToOrderSum += (f.orderedAt - f.firstCallAt) / DAY_MS;
      counts.daysToOrderCount++;
    }
    if (f.reversed) continue;
    // A customer is counted once however many of their first-day orders the range holds.
    if (f.isNew === true) newNumbers.add(f.phoneHash ?? `order:${f.id}`);
    else if (f.isNew === false) counts.returningRevenue += f.amount;
  }
  counts.newCustomers = newNumbers.size;
  return { counts, hasOrders: Number(sums.rows) > 0 || facts.length > 0 };
}

export async function orderSummary(
  db: Kysely<Database>,
  filter: Filter,
  settings: OrderSettings,
  calendar?: WorkingDays,
): Promise<OrderSummary> {
  const range = { from: filter.from, to: filter.to };
  const previousRange = previousPeriod(range, calendar);
  const window = settings.attributionWindowDays;
  const [current, previous, calls, anyOrder] = await Promise.all([
    orderCounts(db, filter, window),
    orderCounts(db, { ...filter, ...previousRange }, window),
    totals(db, filter),
    db.selectFrom('orders').select('id').limit(1).executeTakeFirst(),
  ]);
  // Conversion from orders only where there are orders; else it says it came from call outcomes.
  const source = salesSource(settings.conversionSource, current.hasOrders);
  return {
    hasOrders: current.hasOrders,
    workspaceHasOrders: anyOrder !== undefined,
    range,
    previousRange,
    current: orderKpis(current.counts),
    previous: orderKpis(previous.counts),
    conversion: {
      source,
      connects: calls.connects,
      intents: calls.intents,
      ...conversionFrom(source, calls, current.counts.orders),
    },
    settings,
  };
}

/** The group key of each breakdown, as `metrics.breakdown` names its rows. */
const GROUP_KEY = {
  none: sql<string | null>`'all'`,
  day: sql<string | null>`s.day`,
  agent: sql<string | null>`(SELECT code FROM agents a WHERE a.id = s.agent_id)`,
  team: sql<
    string | null
  >`(SELECT t.name FROM agents a JOIN teams t ON t.id = a.team_id WHERE a.id = s.agent_id)`,
  campaign: sql<string | null>`(SELECT name FROM campaigns c WHERE c.id = s.campaign_id)`,
} as const satisfies Record<Breakdown, unknown>;

/** By team once anyone moved: the team the agent was in on the row's day. */
const TEAM_ON_DAY_KEY = sql<
  string | null
>`(SELECT t.name FROM teams t WHERE t.id = ${teamOnDay('s.agent_id', 's.day')})`;

export async function orderBreakdown(db: Kysely<Database>, filter: Filter, by: Breakdown) {
  const key = by === 'team' && (await anyAgentMoved(db)) ? TEAM_ON_DAY_KEY : GROUP_KEY[by];
  const rows = await db
    .selectFrom('daily_order_stats as s')
    .where(await rollupCondition(db, filter))
    .select([
      key.as('key'),
      sql<number>`sum(s.orders)`.as('orders'),
      sql<number>`sum(s.revenue)`.as('orderRevenue'),
      sql<number>`sum(s.collected)`.as('collected'),
    ])
    // The whole range is one group: PostgreSQL refuses a constant in GROUP BY, and an aggregate
    // without one answers one row even over no rows (dropped below, as a grouped query gives none).
    .$if(by !== 'none', (q) => q.groupBy(key))
    .orderBy('key', (ob) => ob.asc().nullsFirst())
    .execute();
  return rows
    .filter((r) => r.orders !== null)
    .map((r) => ({
      ...r,
      orders: Number(r.orders),
      orderRevenue: Number(r.orderRevenue),
      collected: Number(r.collected),
    }));
}

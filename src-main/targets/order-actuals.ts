/**
 * Sales and revenue for targets from orders where orders exist: the order rollup's net orders and
 * revenue (refunds and cancellations taken back on their own day) replace the sales marked on calls
 * under the rule the dashboard's tiles follow (`salesSource`), per agent and per scope. The other
 * target KPIs (dials, talk, connect rate, intents, audits) always come from calls and audits.
 */
import { sql, type Kysely } from 'kysely';
import { conversionFrom } from '../../src-shared/kpi';
import { salesSource, type ConversionSource } from '../../src-shared/orders';
import type { MonthActuals, TargetKpi } from '../../src-shared/targets';
import type { Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { rollupCondition } from '../metrics/queries';
import { loadOrderSettings } from '../orders/settings';
import { emptyActuals, monthOfDay, type Scope } from './actuals';

/** The target KPIs whose figures follow `salesSource`. */
export const ORDER_SOURCED_KPIS: readonly TargetKpi[] = ['sales', 'revenue'];

/** Whether a KPI or score item is measured on orders where orders exist (ratings never are). */
export function isOrderSourced(item: string): boolean {
  return (ORDER_SOURCED_KPIS as readonly string[]).includes(item);
}

export interface OrderFigures {
  /** net orders: placed minus refunded or cancelled in the range */
  orders: number;
  /** minor units, net of refunds and cancellations */
  revenue: number;
}

export interface Sourced {
  actuals: MonthActuals;
  source: ConversionSource;
}

interface AgentOrderFigures extends OrderFigures {
  agentId: number;
  /** `YYYY-MM` with `perMonth`, else '' */
  month: string;
}

/** Order figures per agent (and month, with `perMonth`) over [from, to]; an agent without orders is absent. */
async function orderFigures(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope,
  perMonth: boolean,
): Promise<AgentOrderFigures[]> {
  const sums = [sql<number>`sum(s.orders)`.as('orders'), sql<number>`sum(s.revenue)`.as('revenue')] as const;
  const rows = db
    .selectFrom('daily_order_stats as s')
    .where(await rollupCondition(db, { from, to, ...scope }));
  const figures = perMonth
    ? await rows
        .select(['s.agent_id as agentId', monthOfDay('s.day').as('month'), ...sums])
        .groupBy(['s.agent_id', monthOfDay('s.day')])
        .execute()
    : (
        await rows
          .select(['s.agent_id as agentId', ...sums])
          .groupBy('s.agent_id')
          .execute()
      ).map((r) => ({
        ...r,
        month: '',
      }));
  return figures.map((r) => ({ ...r, orders: Number(r.orders), revenue: Number(r.revenue) }));
}

/** A scope's actuals with sales and revenue taken from its orders when the rule says so. */
export function applySalesSource(
  setting: ConversionSource,
  calls: MonthActuals,
  orders: OrderFigures | undefined,
): Sourced {
  const source = salesSource(setting, orders !== undefined);
  if (source === 'calls' || !orders) return { actuals: calls, source: 'calls' };
  return {
    // the same net order count the dashboard's Sales tile and conversion rate use
    actuals: {
      ...calls,
      sales: conversionFrom('orders', calls, orders.orders).sales,
      revenue: orders.revenue,
    },
    source,
  };
}

export function sumFigures(all: Iterable<OrderFigures>): OrderFigures | undefined {
  let sum: OrderFigures | undefined;
  for (const f of all) {
    sum ??= { orders: 0, revenue: 0 };
    sum.orders += f.orders;
    sum.revenue += f.revenue;
  }
  return sum;
}

/**
 * Actuals per agent over [from, to] with their source, and the scope's own (a team's or the floor's
 * total decides its source as a whole, as the dashboard's tile for that filter does). An agent with
 * orders but no dials in the range is listed too.
 */
export class SourcedActuals {
  private constructor(
    readonly setting: ConversionSource,
    private readonly orders: Map<number, OrderFigures>,
    private readonly calls: Map<number, MonthActuals>,
  ) {}

  static async load(
    db: Kysely<Database>,
    from: Day,
    to: Day,
    scope: Scope,
    calls: Map<number, MonthActuals>,
  ): Promise<SourcedActuals> {
    const setting = (await loadOrderSettings(db)).conversionSource;
    const orders =
      setting === 'orders'
        ? new Map((await orderFigures(db, from, to, scope, false)).map((r) => [r.agentId, r]))
        : new Map<number, OrderFigures>();
    return new SourcedActuals(setting, orders, calls);
  }

  agentIds(): number[] {
    return [...new Set([...this.calls.keys(), ...this.orders.keys()])];
  }

  agent(agentId: number): Sourced {
    return applySalesSource(
      this.setting,
      this.calls.get(agentId) ?? emptyActuals(),
      this.orders.get(agentId),
    );
  }

  /** The scope's order figures summed over its agents; undefined: none. */
  orderTotal(): OrderFigures | undefined {
    return sumFigures(this.orders.values());
  }

  /** The scope as a whole: `callTotal` is the sum of the agents' call actuals (with the scope's audit score). */
  scope(callTotal: MonthActuals): Sourced {
    return applySalesSource(this.setting, callTotal, sumFigures(this.orders.values()));
  }
}

/**
 * Per agent and month (the history targets are suggested from), each agent-month under the rule
 * on its own, so a revenue target is suggested from the figures it will be measured on.
 */
export async function withOrderSalesByMonth(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  calls: Map<number, Map<string, MonthActuals>>,
): Promise<Map<number, Map<string, MonthActuals>>> {
  const setting = (await loadOrderSettings(db)).conversionSource;
  if (setting !== 'orders') return calls;
  const out = new Map<number, Map<string, MonthActuals>>();
  const put = (agentId: number, month: string, actuals: MonthActuals) =>
    (out.get(agentId) ?? out.set(agentId, new Map()).get(agentId)!).set(month, actuals);
  const orders = await orderFigures(db, from, to, {}, true);
  const withOrders = new Set(orders.map((r) => `${r.agentId}|${r.month}`));
  for (const [agentId, byMonth] of calls)
    for (const [month, a] of byMonth) if (!withOrders.has(`${agentId}|${month}`)) put(agentId, month, a);
  for (const r of orders) {
    const callActuals = calls.get(r.agentId)?.get(r.month) ?? emptyActuals();
    put(r.agentId, r.month, applySalesSource(setting, callActuals, r).actuals);
  }
  return out;
}

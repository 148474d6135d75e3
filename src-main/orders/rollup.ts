/**
 * `daily_order_stats`: orders, revenue and collections per day, agent and campaign, the sum of the
 * order entries (the bulk writer, src-main/db/sqlite-order-writer.ts). Kept exact by the
 * transaction that writes or deletes the entries: imports accumulate and apply once, undo
 * subtracts what it deletes; a change of time zone rebuilds it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface OrderRollupSums {
  orders: number;
  revenue: number;
  collected: number;
  entries: number;
}

export interface OrderRollupRow extends OrderRollupSums {
  day: string;
  agentId: number;
  /** 0 = no campaign */
  campaignId: number;
}

/** Order entries' deltas summed per rollup row, in memory, until the bulk writer applies them. */
export class OrderRollup {
  private readonly sums = new Map<string, OrderRollupRow>();

  add(day: string, agentId: number, campaignId: number | null, d: Omit<OrderRollupSums, 'entries'>): void {
    const campaign = campaignId ?? 0;
    const key = `${day}|${agentId}|${campaign}`;
    let row = this.sums.get(key);
    if (!row) {
      row = { day, agentId, campaignId: campaign, orders: 0, revenue: 0, collected: 0, entries: 0 };
      this.sums.set(key, row);
    }
    row.orders += d.orders;
    row.revenue += d.revenue;
    row.collected += d.collected;
    row.entries += 1;
  }

  get size(): number {
    return this.sums.size;
  }

  rows(): IterableIterator<OrderRollupRow> {
    return this.sums.values();
  }

  /** Forgets what was accumulated (after applying it: an import applies in bounded steps). */
  clear(): void {
    this.sums.clear();
  }
}

/** The order rollup recomputed from the order entries (the sum `OrderRollup` keeps by deltas). */
export async function rebuildOrderRollup(db: Kysely<Database>): Promise<void> {
  const campaign = sql<number>`coalesce(${sql.ref('o.campaign_id')}, 0)`;
  await db.deleteFrom('daily_order_stats').execute();
  await db
    .insertInto('daily_order_stats')
    .columns(['day', 'agent_id', 'campaign_id', 'orders', 'revenue', 'collected', 'entries'])
    .expression(
      db
        .selectFrom('order_entries as e')
        .innerJoin('orders as o', 'o.id', 'e.order_id')
        .select((eb) => [
          'e.day',
          'o.agent_id',
          campaign.as('campaign_id'),
          eb.fn.sum<number>('e.orders_delta').as('orders'),
          eb.fn.sum<number>('e.revenue_delta').as('revenue'),
          eb.fn.sum<number>('e.collected_delta').as('collected'),
          eb.fn.countAll<number>().as('entries'),
        ])
        .groupBy(['e.day', 'o.agent_id', campaign]),
    )
    .execute();
}

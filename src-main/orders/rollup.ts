/**
 * `daily_order_stats`: orders, revenue and collections per day, agent and campaign, the sum of the
 * order entries (src-main/import/order-writer.ts). Kept exact by the transaction that writes or
 * deletes the entries: imports accumulate and apply once, undo subtracts what it deletes.
 */
import type { Sqlite } from '../db/connection';

export interface OrderDeltas {
  orders: number;
  revenue: number;
  collected: number;
  entries: number;
}

interface Row extends OrderDeltas {
  day: string;
  agentId: number;
  campaignId: number;
}

export class OrderRollup {
  private readonly rows = new Map<string, Row>();

  add(day: string, agentId: number, campaignId: number | null, d: Omit<OrderDeltas, 'entries'>): void {
    const campaign = campaignId ?? 0;
    const key = `${day}|${agentId}|${campaign}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { day, agentId, campaignId: campaign, orders: 0, revenue: 0, collected: 0, entries: 0 };
      this.rows.set(key, row);
    }
    row.orders += d.orders;
    row.revenue += d.revenue;
    row.collected += d.collected;
    row.entries += 1;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Forgets what was accumulated (after `applyTo`: an import applies in bounded steps). */
  clear(): void {
    this.rows.clear();
  }

  /** Adds (sign 1) or subtracts (-1) the accumulated rows; a row left without entries is deleted. */
  applyTo(db: Sqlite, sign: 1 | -1): void {
    const upsert = db.prepare(
      `INSERT INTO daily_order_stats (day, agent_id, campaign_id, orders, revenue, collected, entries)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, agent_id, campaign_id) DO UPDATE SET orders = orders + excluded.orders,
         revenue = revenue + excluded.revenue, collected = collected + excluded.collected,
         entries = entries + excluded.entries`,
    );
    const deleteEmpty = db.prepare(
      'DELETE FROM daily_order_stats WHERE day = ? AND agent_id = ? AND campaign_id = ? AND entries <= 0',
    );
    for (const r of this.rows.values()) {
      upsert.run(
        r.day,
        r.agentId,
        r.campaignId,
        sign * r.orders,
        sign * r.revenue,
        sign * r.collected,
        sign * r.entries,
      );
      if (sign < 0) deleteEmpty.run(r.day, r.agentId, r.campaignId);
    }
    this.rows.clear();
  }
}

/**
 * Removes an order batch: its orders (with every entry of theirs, whichever batch brought it) and
 * the payments, refunds and cancellations it added to orders of earlier batches. Call inside the
 * undo's transaction.
 */
export function removeOrderBatch(db: Sqlite, batchId: number): void {
  const rows = db
    .prepare(
      `SELECT e.day, o.agent_id AS agentId, o.campaign_id AS campaignId, e.orders_delta AS orders,
         e.revenue_delta AS revenue, e.collected_delta AS collected
       FROM order_entries e JOIN orders o ON o.id = e.order_id
       WHERE e.batch_id = @batchId OR o.batch_id = @batchId`,
    )
    .all({ batchId }) as (Omit<OrderDeltas, 'entries'> & {
    day: string;
    agentId: number;
    campaignId: number | null;
  })[];
  const rollup = new OrderRollup();
  for (const r of rows) rollup.add(r.day, r.agentId, r.campaignId, r);
  rollup.applyTo(db, -1);
  db.prepare(
    `DELETE FROM order_entries
     WHERE batch_id = @batchId OR order_id IN (SELECT id FROM orders WHERE batch_id = @batchId)`,
  ).run({ batchId });
  db.prepare('DELETE FROM orders WHERE batch_id = ?').run(batchId);
}

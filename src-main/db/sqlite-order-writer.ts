/**
 * SQLite's OrderStore (order-writer.ts, where the rules of an order export live): prepared
 * statements on the batch's open transaction, answered at once.
 */
import { OrderRollup } from '../orders/rollup';
import type { Sqlite } from './connection';
import type { OrderStore, StoredOrder } from './order-writer';
import { SqliteDirectory } from './sqlite-directory';

export function sqliteOrderStore(db: Sqlite, batchId: number): OrderStore {
  const directory = new SqliteDirectory(db);
  const findOrder = db.prepare<[string], StoredOrder>(
    'SELECT id, agent_id AS agentId, campaign_id AS campaignId, amount FROM orders WHERE order_no = ?',
  );
  const insertOrder = db.prepare(
    `INSERT INTO orders (order_no, batch_id, agent_id, campaign_id, product, ordered_at, day, amount, status,
       customer_type, phone_hash, phone_last4)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO order_entries (entry_key, order_id, batch_id, kind, at, day, orders_delta, revenue_delta,
       collected_delta)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_key) DO NOTHING`,
  );
  const collectedOf = db
    .prepare<[number], number>(
      "SELECT coalesce(sum(collected_delta), 0) FROM order_entries WHERE order_id = ? AND kind = 'payment'",
    )
    .pluck();
  return {
    findOrder: (orderNo) => Promise.resolve(findOrder.get(orderNo)),
    agentId: (code, name) => Promise.resolve(directory.agentId(code, name, null)),
    campaignId: (name) => Promise.resolve(directory.campaignId(name)),
    insertOrder: (row, agentId, campaignId) =>
      Promise.resolve(
        Number(
          insertOrder.run(
            row.orderNo,
            batchId,
            agentId,
            campaignId,
            row.product,
            row.orderedAt,
            row.day,
            row.amount,
            row.status,
            row.customerType,
            row.phoneHash,
            row.phoneLast4,
          ).lastInsertRowid,
        ),
      ),
    insertEntry: (e) =>
      Promise.resolve(
        insertEntry.run(e.entryKey, e.orderId, batchId, e.kind, e.at, e.day, e.orders, e.revenue, e.collected)
          .changes > 0,
      ),
    collectedOf: (orderId) => Promise.resolve(collectedOf.get(orderId)!),
    applyRollup: (rollup, sign) => Promise.resolve(applyOrderRollupSqlite(db, rollup, sign)),
  };
}

/** Adds (sign 1) or subtracts (-1) what `rollup` holds in `daily_order_stats`; a row left without entries is deleted. */
export function applyOrderRollupSqlite(db: Sqlite, rollup: OrderRollup, sign: 1 | -1): void {
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
  for (const r of rollup.rows()) {
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
}

interface OrderEntryAmounts {
  day: string;
  agentId: number;
  campaignId: number | null;
  orders: number;
  revenue: number;
  collected: number;
}

/**
 * Removes an order batch: its orders (with every entry of theirs, whichever batch brought it) and
 * the payments, refunds and cancellations it added to orders of earlier batches, with their sum in
 * the rollup. Call inside the undo's transaction.
 */
export function removeOrderBatchSqlite(db: Sqlite, batchId: number): void {
  const rows = db
    .prepare<{ batchId: number }, OrderEntryAmounts>(
      `SELECT e.day, o.agent_id AS agentId, o.campaign_id AS campaignId, e.orders_delta AS orders,
         e.revenue_delta AS revenue, e.collected_delta AS collected
       FROM order_entries e JOIN orders o ON o.id = e.order_id
       WHERE e.batch_id = @batchId OR o.batch_id = @batchId`,
    )
    .all({ batchId });
  const rollup = new OrderRollup();
  for (const r of rows) rollup.add(r.day, r.agentId, r.campaignId, r);
  applyOrderRollupSqlite(db, rollup, -1);
  db.prepare(
    `DELETE FROM order_entries
     WHERE batch_id = @batchId OR order_id IN (SELECT id FROM orders WHERE batch_id = @batchId)`,
  ).run({ batchId });
  db.prepare('DELETE FROM orders WHERE batch_id = ?').run(batchId);
}

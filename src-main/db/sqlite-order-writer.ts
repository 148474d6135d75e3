/**
 * SQLite's OrderBulkWriter (bulk.ts): writes normalised order rows into the batch's open
 * transaction. An order id already stored is not
 * stored again, but a row can still bring it a new payment (several rows per order, one per
 * payment) or its refund or cancellation. Every money movement is an entry on its own day; the
 * entries' sum goes to `daily_order_stats` once, at `finish()`.
 */
import type { NormalizedOrderRow, NormalizedPayment } from '../import/order-normalise';
import { OrderRollup } from '../orders/rollup';
import { unknownOrderReason, type OrderBulkWriter, type PaymentProblem } from './bulk';
import type { Sqlite } from './connection';
import { MAX_PENDING_ROLLUP_ROWS } from './sqlite-call-writer';
import { SqliteDirectory } from './sqlite-directory';

interface StoredOrder {
  id: number;
  agentId: number;
  campaignId: number | null;
  amount: number;
}

export class SqliteOrderWriter implements OrderBulkWriter {
  private readonly directory: SqliteDirectory;
  private readonly rollup = new OrderRollup();
  private readonly findOrder;
  private readonly insertOrder;
  private readonly insertEntry;
  private readonly collectedOf;
  /** rows that stored something new (an order, a payment, a refund or cancellation) */
  inserted = 0;
  /** rows that stored nothing new */
  duplicates = 0;
  /** new orders (a subset of what the rows stored) */
  orders = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  constructor(
    private readonly db: Sqlite,
    private readonly batchId: number,
  ) {
    this.directory = new SqliteDirectory(db);
    this.findOrder = db.prepare<[string], StoredOrder>(
      'SELECT id, agent_id AS agentId, campaign_id AS campaignId, amount FROM orders WHERE order_no = ?',
    );
    this.insertOrder = db.prepare(
      `INSERT INTO orders (order_no, batch_id, agent_id, campaign_id, product, ordered_at, day, amount, status,
         customer_type, phone_hash, phone_last4)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEntry = db.prepare(
      `INSERT INTO order_entries (entry_key, order_id, batch_id, kind, at, day, orders_delta, revenue_delta,
         collected_delta)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_key) DO NOTHING`,
    );
    this.collectedOf = db
      .prepare<[number], number>(
        "SELECT coalesce(sum(collected_delta), 0) FROM order_entries WHERE order_id = ? AND kind = 'payment'",
      )
      .pluck();
  }

  /** Stores a row; a payment whose order is not stored is not, and the problem says why. */
  insert(row: NormalizedOrderRow): Promise<PaymentProblem | null> {
    return Promise.resolve(this.store(row));
  }

  private store(row: NormalizedOrderRow): PaymentProblem | null {
    if (row.kind === 'payment') return this.insertPayment(row);
    let added = false;
    let order = this.findOrder.get(row.orderNo);
    if (!order) {
      const agentId = this.directory.agentId(row.agentCode, row.agentName, null);
      const campaignId = row.campaign === null ? null : this.directory.campaignId(row.campaign);
      const id = Number(
        this.insertOrder.run(
          row.orderNo,
          this.batchId,
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
      );
      order = { id, agentId, campaignId, amount: row.amount };
      this.orders++;
      added = this.entry(order, 'order', 'order', row.orderedAt, row.day, 1, row.amount, 0);
    }
    const payment = row.payment;
    if (payment) {
      added =
        this.entry(order, 'payment', `pay|${payment.key}`, payment.at, payment.day, 0, 0, payment.amount) ||
        added;
    }
    if (row.reversedAt !== null && row.reversedDay !== null) {
      // A refund or cancellation takes back the order and what was collected on it, on its own day.
      const kind = row.status === 'refunded' ? 'refund' : 'cancel';
      const collected = this.collectedOf.get(order.id)!;
      added =
        this.entry(order, kind, 'reversal', row.reversedAt, row.reversedDay, -1, -order.amount, -collected) ||
        added;
    }
    if (added) this.inserted++;
    else this.duplicates++;
    return null;
  }

  /** A payments-only export's row: a payment on the order stored under its order id. */
  private insertPayment(row: NormalizedPayment): PaymentProblem | null {
    const order = this.findOrder.get(row.orderNo);
    if (!order) return { field: 'orderId', reason: unknownOrderReason(row.orderNo) };
    const p = row.payment;
    if (this.entry(order, 'payment', `pay|${p.key}`, p.at, p.day, 0, 0, p.amount)) this.inserted++;
    else this.duplicates++;
    return null;
  }

  finish(): void {
    applyOrderRollupSqlite(this.db, this.rollup, 1);
  }

  private entry(
    order: StoredOrder,
    kind: 'order' | 'payment' | 'refund' | 'cancel',
    key: string,
    at: number,
    day: string,
    orders: number,
    revenue: number,
    collected: number,
  ): boolean {
    const info = this.insertEntry.run(
      `${order.id}|${key}`,
      order.id,
      this.batchId,
      kind,
      at,
      day,
      orders,
      revenue,
      collected,
    );
    if (info.changes === 0) return false;
    this.rollup.add(day, order.agentId, order.campaignId, { orders, revenue, collected });
    // applied in steps, like the calls' rollup (sqlite-call-writer.ts), so memory stays flat
    if (this.rollup.size >= MAX_PENDING_ROLLUP_ROWS) {
      applyOrderRollupSqlite(this.db, this.rollup, 1);
      this.rollup.clear();
    }
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    return true;
  }
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

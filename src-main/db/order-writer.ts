/**
 * The OrderBulkWriter (bulk.ts) of every engine: the rules of an order export, over what an engine
 * stores (an OrderStore: sqlite-order-writer.ts, pg-order-writer.ts). An order id already stored
 * is not stored again, but a row can still bring it a new payment (several rows per order, one per
 * payment) or its refund or cancellation. Every money movement is an entry on its own day; the
 * entries' sum goes to `daily_order_stats` in bounded steps and at `finish()`.
 */
import type { NormalizedOrder, NormalizedOrderRow, NormalizedPayment } from '../import/order-normalise';
import { OrderRollup } from '../orders/rollup';
import { unknownOrderReason, type OrderBulkWriter, type PaymentProblem } from './bulk';

/** Rollup rows (day x agent x campaign) held before they are applied: a few MB. */
export const MAX_PENDING_ORDER_ROLLUP_ROWS = 10_000;

export interface StoredOrder {
  id: number;
  agentId: number;
  campaignId: number | null;
  amount: number;
}

export interface OrderEntry {
  entryKey: string;
  orderId: number;
  kind: 'order' | 'payment' | 'refund' | 'cancel';
  at: number;
  day: string;
  orders: number;
  revenue: number;
  collected: number;
}

/** What the order rules ask of an engine, inside the batch's transaction (`batchId` is the store's). */
export interface OrderStore {
  findOrder(orderNo: string): Promise<StoredOrder | undefined>;
  /** The agent of `code`, created on first sight (directory rules: src-main/import/directory.ts). */
  agentId(code: string, name: string | null): Promise<number>;
  campaignId(name: string): Promise<number>;
  /** Stores a new order; its id. */
  insertOrder(row: NormalizedOrder, agentId: number, campaignId: number | null): Promise<number>;
  /** Stores an entry unless its key is stored; true when it was stored. */
  insertEntry(entry: OrderEntry): Promise<boolean>;
  /** What was collected on an order so far (its payments). */
  collectedOf(orderId: number): Promise<number>;
  /** Adds (sign 1) or subtracts (-1) what `rollup` holds; a row left without entries is deleted. */
  applyRollup(rollup: OrderRollup, sign: 1 | -1): Promise<void>;
}

export class OrderWriter implements OrderBulkWriter {
  private readonly rollup = new OrderRollup();
  /** rows that stored something new (an order, a payment, a refund or cancellation) */
  inserted = 0;
  /** rows that stored nothing new */
  duplicates = 0;
  /** new orders (a subset of what the rows stored) */
  orders = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  constructor(private readonly store: OrderStore) {}

  /** Stores a row; a payment whose order is not stored is not, and the problem says why. */
  async insert(row: NormalizedOrderRow): Promise<PaymentProblem | null> {
    if (row.kind === 'payment') return this.insertPayment(row);
    const store = this.store;
    let added = false;
    let order = await store.findOrder(row.orderNo);
    if (!order) {
      const agentId = await store.agentId(row.agentCode, row.agentName);
      const campaignId = row.campaign === null ? null : await store.campaignId(row.campaign);
      const id = await store.insertOrder(row, agentId, campaignId);
      order = { id, agentId, campaignId, amount: row.amount };
      this.orders++;
      added = await this.entry(order, 'order', 'order', row.orderedAt, row.day, 1, row.amount, 0);
    }
    const payment = row.payment;
    if (payment) {
      const key = `pay|${payment.key}`;
      added =
        (await this.entry(order, 'payment', key, payment.at, payment.day, 0, 0, payment.amount)) || added;
    }
    if (row.reversedAt !== null && row.reversedDay !== null) {
      // A refund or cancellation takes back the order and what was collected on it, on its own day.
      const kind = row.status === 'refunded' ? 'refund' : 'cancel';
      const collected = await store.collectedOf(order.id);
      added =
        (await this.entry(
          order,
          kind,
          'reversal',
          row.reversedAt,
          row.reversedDay,
          -1,
          -order.amount,
          -collected,
        )) || added;
    }
    if (added) this.inserted++;
    else this.duplicates++;
    return null;
  }

  /** Applies what is pending; once, inside the batch's transaction. */
  async finish(): Promise<void> {
    await this.store.applyRollup(this.rollup, 1);
    this.rollup.clear();
  }

  /** A payments-only export's row: a payment on the order stored under its order id. */
  private async insertPayment(row: NormalizedPayment): Promise<PaymentProblem | null> {
    const order = await this.store.findOrder(row.orderNo);
    if (!order) return { field: 'orderId', reason: unknownOrderReason(row.orderNo) };
    const p = row.payment;
    if (await this.entry(order, 'payment', `pay|${p.key}`, p.at, p.day, 0, 0, p.amount)) this.inserted++;
    else this.duplicates++;
    return null;
  }

  private async entry(
    order: StoredOrder,
    kind: OrderEntry['kind'],
    key: string,
    at: number,
    day: string,
    orders: number,
    revenue: number,
    collected: number,
  ): Promise<boolean> {
    const stored = await this.store.insertEntry({
      entryKey: `${order.id}|${key}`,
      orderId: order.id,
      kind,
      at,
      day,
      orders,
      revenue,
      collected,
    });
    if (!stored) return false;
    this.rollup.add(day, order.agentId, order.campaignId, { orders, revenue, collected });
    // applied in steps, like the calls' rollup, so memory stays flat whatever the file
    if (this.rollup.size >= MAX_PENDING_ORDER_ROLLUP_ROWS) {
      await this.store.applyRollup(this.rollup, 1);
      this.rollup.clear();
    }
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    return true;
  }
}

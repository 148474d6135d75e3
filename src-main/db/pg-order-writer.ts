/**
 * PostgreSQL's OrderBulkWriter (bulk.ts): the same rules as sqlite-order-writer.ts, written through
 * the batch's transaction row by row (order exports are small next to call logs, and a row's
 * outcome — a payment whose order is not stored — is answered per row). An order id already
 * stored is not stored again, but a row can still bring it a payment, a refund or a cancellation;
 * every money movement is an entry on its own day, and the entries' sum goes to
 * `daily_order_stats` in steps and at `finish()`.
 */
import { sql, type Kysely } from 'kysely';
import type { NormalizedOrderRow, NormalizedPayment } from '../import/order-normalise';
import { OrderRollup } from '../orders/rollup';
import { unknownOrderReason, type OrderBulkWriter, type PaymentProblem } from './bulk';
import { PgDirectory } from './pg-directory';
import type { Database } from './schema';

/** Rollup rows held before they are applied (as the SQLite writer's). */
const MAX_PENDING_ROLLUP_ROWS = 10_000;

interface StoredOrder {
  id: number;
  agentId: number;
  campaignId: number | null;
  amount: number;
}

type EntryKind = 'order' | 'payment' | 'refund' | 'cancel';

export class PgOrderWriter implements OrderBulkWriter {
  private readonly directory: PgDirectory;
  private readonly rollup = new OrderRollup();
  /** rows that stored something new (an order, a payment, a refund or cancellation) */
  inserted = 0;
  /** rows that stored nothing new */
  duplicates = 0;
  orders = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly batchId: number,
  ) {
    this.directory = new PgDirectory(db);
  }

  async insert(row: NormalizedOrderRow): Promise<PaymentProblem | null> {
    if (row.kind === 'payment') return this.insertPayment(row);
    let added = false;
    let order = await this.findOrder(row.orderNo);
    if (!order) {
      const agentId = await this.directory.agentId(row.agentCode, row.agentName);
      const campaignId = row.campaign === null ? null : await this.directory.campaignId(row.campaign);
      const { id } = await this.db
        .insertInto('orders')
        .values({
          order_no: row.orderNo,
          batch_id: this.batchId,
          agent_id: agentId,
          campaign_id: campaignId,
          product: row.product,
          ordered_at: row.orderedAt,
          day: row.day,
          amount: row.amount,
          status: row.status,
          customer_type: row.customerType,
          phone_hash: row.phoneHash,
          phone_last4: row.phoneLast4,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      order = { id, agentId, campaignId, amount: row.amount };
      this.orders++;
      added = await this.entry(order, 'order', 'order', row.orderedAt, row.day, 1, row.amount, 0);
    }
    const payment = row.payment;
    if (payment) {
      const stored = await this.entry(
        order,
        'payment',
        `pay|${payment.key}`,
        payment.at,
        payment.day,
        0,
        0,
        payment.amount,
      );
      added = stored || added;
    }
    if (row.reversedAt !== null && row.reversedDay !== null) {
      // A refund or cancellation takes back the order and what was collected on it, on its own day.
      const kind = row.status === 'refunded' ? 'refund' : 'cancel';
      const collected = await this.collectedOf(order.id);
      const stored = await this.entry(
        order,
        kind,
        'reversal',
        row.reversedAt,
        row.reversedDay,
        -1,
        -order.amount,
        -collected,
      );
      added = stored || added;
    }
    if (added) this.inserted++;
    else this.duplicates++;
    return null;
  }

  /** Applies what the rollup holds; once, inside the batch's transaction. */
  async finish(): Promise<void> {
    await applyOrderRollup(this.db, this.rollup, 1);
    this.rollup.clear();
  }

  /** A payments-only export's row: a payment on the order stored under its order id. */
  private async insertPayment(row: NormalizedPayment): Promise<PaymentProblem | null> {
    const order = await this.findOrder(row.orderNo);
    if (!order) return { field: 'orderId', reason: unknownOrderReason(row.orderNo) };
    const p = row.payment;
    if (await this.entry(order, 'payment', `pay|${p.key}`, p.at, p.day, 0, 0, p.amount)) this.inserted++;
    else this.duplicates++;
    return null;
  }

  private findOrder(orderNo: string): Promise<StoredOrder | undefined> {
    return this.db
      .selectFrom('orders')
      .select(['id', 'agent_id as agentId', 'campaign_id as campaignId', 'amount'])
      .where('order_no', '=', orderNo)
      .executeTakeFirst();
  }

  private async collectedOf(orderId: number): Promise<number> {
    const row = await this.db
      .selectFrom('order_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('collected_delta'), sql.lit(0)).as('collected'))
      .where('order_id', '=', orderId)
      .where('kind', '=', 'payment')
      .executeTakeFirstOrThrow();
    return Number(row.collected);
  }

  /** Stores an entry unless its key is stored; true when it was stored. */
  private async entry(
    order: StoredOrder,
    kind: EntryKind,
    key: string,
    at: number,
    day: string,
    orders: number,
    revenue: number,
    collected: number,
  ): Promise<boolean> {
    const stored = await this.db
      .insertInto('order_entries')
      .values({
        entry_key: `${order.id}|${key}`,
        order_id: order.id,
        batch_id: this.batchId,
        kind,
        at,
        day,
        orders_delta: orders,
        revenue_delta: revenue,
        collected_delta: collected,
      })
      .onConflict((oc) => oc.column('entry_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (stored === undefined) return false;
    this.rollup.add(day, order.agentId, order.campaignId, { orders, revenue, collected });
    if (this.rollup.size >= MAX_PENDING_ROLLUP_ROWS) {
      await applyOrderRollup(this.db, this.rollup, 1);
      this.rollup.clear();
    }
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    return true;
  }
}

/** Adds (sign 1) or subtracts (-1) what `rollup` holds in `daily_order_stats`; a row left without entries is deleted. */
async function applyOrderRollup(db: Kysely<Database>, rollup: OrderRollup, sign: 1 | -1): Promise<void> {
  for (const r of rollup.rows()) {
    await db
      .insertInto('daily_order_stats')
      .values({
        day: r.day,
        agent_id: r.agentId,
        campaign_id: r.campaignId,
        orders: sign * r.orders,
        revenue: sign * r.revenue,
        collected: sign * r.collected,
        entries: sign * r.entries,
      })
      .onConflict((oc) =>
        oc.columns(['day', 'agent_id', 'campaign_id']).doUpdateSet({
          orders: sql<number>`daily_order_stats.orders + excluded.orders`,
          revenue: sql<number>`daily_order_stats.revenue + excluded.revenue`,
          collected: sql<number>`daily_order_stats.collected + excluded.collected`,
          entries: sql<number>`daily_order_stats.entries + excluded.entries`,
        }),
      )
      .execute();
    if (sign < 0) {
      await db
        .deleteFrom('daily_order_stats')
        .where('day', '=', r.day)
        .where('agent_id', '=', r.agentId)
        .where('campaign_id', '=', r.campaignId)
        .where('entries', '<=', 0)
        .execute();
    }
  }
}

/**
 * Removes an order batch: its orders (with every entry of theirs, whichever batch brought it) and
 * the payments, refunds and cancellations it added to orders of earlier batches, with their sum in
 * the rollup. Call inside the undo's transaction.
 */
export async function removeOrderBatch(db: Kysely<Database>, batchId: number): Promise<void> {
  const ofBatch = db.selectFrom('orders').select('id').where('batch_id', '=', batchId);
  const rows = await db
    .selectFrom('order_entries as e')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .select([
      'e.day',
      'o.agent_id',
      'o.campaign_id',
      'e.orders_delta',
      'e.revenue_delta',
      'e.collected_delta',
    ])
    .where((eb) => eb.or([eb('e.batch_id', '=', batchId), eb('o.batch_id', '=', batchId)]))
    .execute();
  const rollup = new OrderRollup();
  for (const r of rows) {
    rollup.add(r.day, r.agent_id, r.campaign_id, {
      orders: Number(r.orders_delta),
      revenue: Number(r.revenue_delta),
      collected: Number(r.collected_delta),
    });
  }
  await applyOrderRollup(db, rollup, -1);
  await db
    .deleteFrom('order_entries')
    .where((eb) => eb.or([eb('batch_id', '=', batchId), eb('order_id', 'in', ofBatch)]))
    .execute();
  await db.deleteFrom('orders').where('batch_id', '=', batchId).execute();
}

/**
 * PostgreSQL's OrderStore (order-writer.ts, where the rules of an order export live): statements
 * through the batch's transaction, row by row (order exports are small next to call logs, and a
 * row's outcome — a payment whose order is not stored — is answered per row).
 */
import { sql, type Kysely } from 'kysely';
import { OrderRollup } from '../orders/rollup';
import type { OrderStore } from './order-writer';
import { PgDirectory } from './pg-directory';
import type { Database } from './schema';

export function pgOrderStore(db: Kysely<Database>, batchId: number): OrderStore {
  const directory = new PgDirectory(db);
  return {
    findOrder: (orderNo) =>
      db
        .selectFrom('orders')
        .select(['id', 'agent_id as agentId', 'campaign_id as campaignId', 'amount'])
        .where('order_no', '=', orderNo)
        .executeTakeFirst(),
    agentId: (code, name) => directory.agentId(code, name),
    campaignId: (name) => directory.campaignId(name),
    async insertOrder(row, agentId, campaignId) {
      const { id } = await db
        .insertInto('orders')
        .values({
          order_no: row.orderNo,
          batch_id: batchId,
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
      return id;
    },
    async insertEntry(e) {
      const stored = await db
        .insertInto('order_entries')
        .values({
          entry_key: e.entryKey,
          order_id: e.orderId,
          batch_id: batchId,
          kind: e.kind,
          at: e.at,
          day: e.day,
          orders_delta: e.orders,
          revenue_delta: e.revenue,
          collected_delta: e.collected,
        })
        .onConflict((oc) => oc.column('entry_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return stored !== undefined;
    },
    async collectedOf(orderId) {
      const row = await db
        .selectFrom('order_entries')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('collected_delta'), sql.lit(0)).as('collected'))
        .where('order_id', '=', orderId)
        .where('kind', '=', 'payment')
        .executeTakeFirstOrThrow();
      return Number(row.collected);
    },
    applyRollup: (rollup, sign) => applyOrderRollup(db, rollup, sign),
  };
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

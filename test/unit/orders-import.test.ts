/**
 * Order exports through the import pipeline: detection by columns, GBK and UTF-8, several payments
 * per order, refunds and cancellations on their own date, rejects with file/line/field, dedup,
 * undo, and nothing stored lost when a file cannot be read. Real workspaces on real SQLite files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { countRows, FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';

const ORDERS = path.join(FIXTURES, 'orders');
const ZH_UTF8 = path.join(ORDERS, 'orders-zh-utf8.csv');
const ZH_GBK = path.join(ORDERS, 'orders-zh-gbk.csv');
const EN = path.join(ORDERS, 'orders-en.csv');
const CALLS = path.join(ORDERS, 'calls-before-orders.csv');

interface StoredOrder {
  order_no: string;
  agent: string;
  day: string;
  amount: number;
  status: string;
  customer_type: string | null;
  phone_last4: string | null;
  phone_hash: string | null;
}

function storedOrders(t: TestWorkspace): Promise<StoredOrder[]> {
  return t.ws.kysely
    .selectFrom('orders as o')
    .innerJoin('agents as a', 'a.id', 'o.agent_id')
    .select([
      'o.order_no',
      'a.code as agent',
      'o.day',
      'o.amount',
      'o.status',
      'o.customer_type',
      'o.phone_last4',
      'o.phone_hash',
    ])
    .orderBy('o.order_no')
    .execute();
}

/** The order rollup as stored: day | agent -> orders, revenue, collected. */
async function rollup(t: TestWorkspace): Promise<Record<string, [number, number, number]>> {
  const rows = await t.ws.kysely
    .selectFrom('daily_order_stats as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select(['s.day', 'a.code', 's.orders', 's.revenue', 's.collected'])
    .orderBy('s.day')
    .orderBy('a.code')
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.day}|${r.code}`, [r.orders, r.revenue, r.collected]]));
}

/** The same rollup recomputed from the stored entries (the rollup must always equal it). */
async function rollupFromEntries(t: TestWorkspace): Promise<Record<string, [number, number, number]>> {
  const rows = await t.ws.kysely
    .selectFrom('order_entries as e')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .innerJoin('agents as a', 'a.id', 'o.agent_id')
    .groupBy(['e.day', 'a.code'])
    .select((eb) => [
      'e.day',
      'a.code',
      eb.fn.sum<number>('e.orders_delta').as('orders'),
      eb.fn.sum<number>('e.revenue_delta').as('revenue'),
      eb.fn.sum<number>('e.collected_delta').as('collected'),
    ])
    .orderBy('e.day')
    .orderBy('a.code')
    .execute();
  return Object.fromEntries(
    rows.map((r) => [`${r.day}|${r.code}`, [Number(r.orders), Number(r.revenue), Number(r.collected)]]),
  );
}

async function stage(t: TestWorkspace, file: string): Promise<string> {
  const { stagedId } = await t.call('import.stage', {
    name: path.basename(file),
    bytes: new Uint8Array(fs.readFileSync(file)),
  });
  return stagedId;
}

describe('importing an order export', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(() => t.close());

  it('tells the GBK order export from a call log by its columns and previews the rows as orders', async () => {
    const preview = await t.call('import.preview', { stagedId: await stage(t, ZH_GBK) });
    expect(preview.kind).toBe('orders');
    expect(preview.preset.id).toBe('zh-orders');
    expect(preview.encoding).toBe('gb18030'); // GBK's superset, as the sniffer names it
    expect(preview.orders!.columns.filter((c) => c.required).every((c) => c.column !== null)).toBe(true);
    const first = preview.orders!.rows[0]!;
    expect(first).toMatchObject({
      ok: true,
      line: 2,
      order: {
        orderNo: 'SO-1001',
        agentCode: '8001',
        amount: 100000,
        collected: 60000,
        status: 'partially_paid',
      },
    });
    // The rows as they will be stored hold the customer number only as its last four digits.
    expect(JSON.stringify(preview.orders)).not.toContain('13800001111');
    const bad = preview.orders!.rows.find((r) => !r.ok);
    expect(bad).toEqual({
      ok: false,
      line: 10,
      field: '订单金额',
      reason: expect.stringContaining('一千元'),
    });

    const calls = await t.call('import.preview', { stagedId: await stage(t, CALLS) });
    expect(calls.kind).toBe('calls');
    expect(calls.orders).toBeNull();
  });

  it('stores the same orders from the GBK and the UTF-8 file: payments, refund and cancel on their own dates', async () => {
    const gbk = await t.importFile(ZH_GBK);
    expect(gbk.status).toBe('done');
    expect(gbk.result).toMatchObject({
      preset: 'zh-orders',
      rows: 9,
      inserted: 8,
      duplicates: 0,
      rejected: 1,
    });
    const fromGbk = await storedOrders(t);
    const rollupGbk = await rollup(t);

    const other = await openTestWorkspace();
    try {
      // The same salt is not given: compare everything but the hash, then the hashes within a file.
      const utf8 = await other.importFile(ZH_UTF8);
      expect(utf8.result).toMatchObject({ rows: 9, inserted: 8, rejected: 1 });
      const strip = (rows: StoredOrder[]) => rows.map(({ phone_hash: _h, ...r }) => r);
      expect(strip(await storedOrders(other))).toEqual(strip(fromGbk));
      expect(await rollup(other)).toEqual(rollupGbk);
    } finally {
      await other.close();
    }

    expect(fromGbk.map((o) => [o.order_no, o.agent, o.day, o.amount, o.status, o.customer_type])).toEqual([
      ['SO-1001', '8001', '2026-01-10', 100000, 'partially_paid', null],
      ['SO-1002', '8002', '2026-01-12', 50000, 'paid', null],
      ['SO-1003', '8002', '2026-01-20', 80000, 'paid', null],
      ['SO-1004', '8001', '2026-01-26', 200000, 'refunded', null],
      ['SO-1005', '8002', '2026-01-28', 30000, 'unpaid', null],
      ['SO-1006', '8001', '2026-01-29', 120000, 'paid', 'existing'],
      ['SO-1007', '8002', '2026-01-30', 40000, 'cancelled', null],
    ]);
    // One customer, one hash (SO-1001 and SO-1002), kept as last four digits only.
    expect(fromGbk[0]!.phone_hash).toBe(fromGbk[1]!.phone_hash);
    expect(fromGbk[0]!.phone_last4).toBe('1111');
    expect(JSON.stringify(await t.ws.kysely.selectFrom('orders').selectAll().execute())).not.toContain(
      '13800001111',
    );

    // By hand: day|agent -> [orders, revenue, collected] in fen.
    expect(rollupGbk).toEqual({
      '2026-01-10|8001': [1, 100000, 60000],
      '2026-01-12|8002': [1, 50000, 50000],
      '2026-01-15|8001': [0, 0, 40000], // SO-1001's second payment
      '2026-01-20|8002': [1, 80000, 80000],
      '2026-01-26|8001': [1, 200000, 200000],
      '2026-01-28|8002': [1, 30000, 0],
      '2026-01-29|8001': [1, 120000, 120000],
      '2026-01-30|8002': [1, 40000, 0],
      '2026-01-31|8002': [-1, -40000, 0], // SO-1007 cancelled the next day
      '2026-02-10|8001': [-1, -200000, -200000], // SO-1004 refunded in February
    });
    expect(rollupGbk).toEqual(await rollupFromEntries(t));

    const rejects = await rejectsOf(t, gbk.result!.batchId);
    expect(rejects).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        line: 10,
        field: '订单金额',
        raw: expect.stringContaining('•'),
      }),
    ]);
    const batch = (await t.call('import.batches'))[0]!;
    expect(batch).toMatchObject({ kind: 'orders', status: 'done', calls: 0 });
  });

  it('a second import of the file stores nothing twice; undo removes that batch only, then the first', async () => {
    const calls = await t.importFile(CALLS);
    const first = await t.importFile(ZH_UTF8);
    const before = await rollup(t);
    const again = await t.importFile(ZH_UTF8);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 8, rejected: 1 });
    expect(await rollup(t)).toEqual(before);

    await t.call('import.undo', { batchId: again.result!.batchId });
    expect(await rollup(t)).toEqual(before);
    const undone = await t.call('import.undo', { batchId: first.result!.batchId });
    expect(undone).toMatchObject({ kind: 'orders', status: 'undone' });
    expect(await storedOrders(t)).toEqual([]);
    expect(await countRows(t, 'order_entries')).toBe(0);
    expect(await rollup(t)).toEqual({});
    // The call log's batch is untouched.
    expect(await countRows(t, 'calls')).toBe(calls.result!.inserted);
  });

  it('a refund brought by a later export is taken back on its date, and undoing that export restores the order', async () => {
    const early = path.join(t.dir, 'orders-jan.csv');
    const late = path.join(t.dir, 'orders-feb.csv');
    const header =
      'Order ID,Agent Code,Customer Phone,Order Date,Order Amount,Amount Collected,Collection Date,Status,Refund Date';
    fs.writeFileSync(
      early,
      `${header}\nR-1,8001,13800001111,2026-01-10 10:00,100.00,100.00,2026-01-10,Paid,\n`,
    );
    fs.writeFileSync(
      late,
      `${header}\nR-1,8001,13800001111,2026-01-10 10:00,100.00,100.00,2026-01-10,Refunded,2026-02-03 09:00\n`,
    );
    await t.importFile(early);
    const feb = await t.importFile(late);
    expect(feb.result).toMatchObject({ preset: 'en-orders', inserted: 1, duplicates: 0 });
    expect(await rollup(t)).toEqual({
      '2026-01-10|8001': [1, 10000, 10000],
      '2026-02-03|8001': [-1, -10000, -10000],
    });
    await t.call('import.undo', { batchId: feb.result!.batchId });
    expect(await rollup(t)).toEqual({ '2026-01-10|8001': [1, 10000, 10000] });
  });

  it('reads the English export: $ amounts, partial payment, cancellation, the export saying "new"', async () => {
    const filter = { from: '2026-01-01', to: '2026-01-31' };
    // Before any order, the workspace says so (the dashboard then shows no order row at all).
    expect(await t.call('orders.summary', { filter })).toMatchObject({
      hasOrders: false,
      workspaceHasOrders: false,
    });
    const job = await t.importFile(EN);
    expect(job.result).toMatchObject({ preset: 'en-orders', rows: 3, inserted: 3, rejected: 0 });
    expect((await storedOrders(t)).map((o) => [o.order_no, o.amount, o.status, o.customer_type])).toEqual([
      ['EN-1', 100000, 'paid', null],
      ['EN-2', 80000, 'partially_paid', 'new'],
      ['EN-3', 30000, 'cancelled', null],
    ]);
    // No cancel date in the export: it takes the order back on its own day.
    expect((await rollup(t))['2026-01-28|8002']).toEqual([0, 0, 0]);
  });

  it('an order export short of a column fails naming the file, line 1 and the column; what was stored stays', async () => {
    await t.importFile(ZH_UTF8);
    const before = { orders: await storedOrders(t), rollup: await rollup(t) };
    const short = path.join(t.dir, '订单-缺列.csv');
    fs.writeFileSync(short, '订单编号,销售工号,客户电话,下单时间\nX-1,8001,13800001111,2026-01-10 10:00\n');
    const job = await t.importFile(short);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('订单-缺列.csv, line 1');
    expect(job.error).toContain('订单金额');
    expect({ orders: await storedOrders(t), rollup: await rollup(t) }).toEqual(before);
  });
});

/**
 * A payments-only export (test/fixtures/orders/payments-zh-gbk.csv, GBK: 订单编号, 销售工号, 回款金额,
 * 回款日期, 回款编号) against the orders of test/fixtures/orders/orders-zh-utf8.csv, worked out by hand:
 *
 * - line 2, 3: SO-1005 (unpaid, 300 yuan) collects 100 on 3 February and 200 on 10 February;
 * - line 4: SO-9999 is not stored: a rejected row with its line, the 订单编号 column and the reason;
 * - line 5: SO-1003's 800 of 20 January, which the order export already brought: a duplicate;
 * - line 6: no amount: a rejected row.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src-shared/api';
import { previewImport } from '../../src-main/import/preview';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';

const ORDERS = path.join(FIXTURES, 'orders');
const PAYMENTS = path.join(ORDERS, 'payments-zh-gbk.csv');
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };

describe('payments-only exports', () => {
  let t: TestWorkspace;
  const collectedOf = async (orderNo: string) => {
    const payments = await t.ws.kysely
      .selectFrom('order_entries as e')
      .innerJoin('orders as o', 'o.id', 'e.order_id')
      .select('e.collected_delta')
      .where('o.order_no', '=', orderNo)
      .where('e.kind', '=', 'payment')
      .execute();
    return payments.reduce((sum, e) => sum + e.collected_delta, 0);
  };
  const summary = (filter: Filter) => t.call('orders.summary', { filter });
  beforeAll(async () => {
    t = await openTestWorkspace();
    expect((await t.importFile(path.join(ORDERS, 'orders-zh-utf8.csv'))).status).toBe('done');
  });
  afterAll(() => t.close());

  it('detects the layout and previews each payment with the order it attaches to', async () => {
    const p = await previewImport(t.ws.kysely, PAYMENTS, 'payments-zh-gbk.csv', {}, 'Asia/Shanghai');
    expect(p.kind).toBe('orders');
    expect(p.preset.id).toBe('zh-payments');
    expect(p.encoding).toBe('gb18030');
    expect(p.orders!.paymentsOnly).toBe(true);
    expect(p.orders!.columns.map((c) => c.field)).toEqual([
      'orderId',
      'agentCode',
      'agentName',
      'collected',
      'collectedAt',
      'paymentId',
    ]);
    expect(p.orders!.rows[0]).toMatchObject({
      ok: true,
      line: 2,
      order: {
        orderNo: 'SO-1005',
        agentCode: '8002',
        amount: 30000,
        collected: 10000,
        collectedDay: '2026-02-03',
      },
    });
    expect(p.orders!.rows.find((r) => r.line === 4)).toEqual({
      ok: false,
      line: 4,
      field: '订单编号',
      reason: expect.stringContaining('no order "SO-9999" is stored'),
    });
    expect(p.sampledRejected).toBe(2);
  });

  it('an order export with collection columns is still an order export', async () => {
    const p = await previewImport(
      t.ws.kysely,
      path.join(ORDERS, 'orders-zh-gbk.csv'),
      'o.csv',
      {},
      'Asia/Shanghai',
    );
    expect(p.preset.id).toBe('zh-orders');
    expect(p.orders!.paymentsOnly).toBe(false);
  });

  it('attaches the payments to stored orders on their own days and keeps the unknown ones as rejected rows', async () => {
    const before = await summary(FEBRUARY);
    const job = await t.importFile(PAYMENTS);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({
      preset: 'zh-payments',
      rows: 5,
      inserted: 2,
      duplicates: 1,
      rejected: 2,
    });
    expect(await collectedOf('SO-1005')).toBe(30000);
    expect(await collectedOf('SO-1003')).toBe(80000); // once, not twice
    const after = await summary(FEBRUARY);
    expect(after.current.collected - before.current.collected).toBe(30000);
    expect(after.current.orderRevenue).toBe(before.current.orderRevenue); // payments place no order
    const rejects = await rejectsOf(t, job.result!.batchId);
    expect(rejects.map((r) => [r.line, r.field])).toEqual([
      [4, '订单编号'],
      [6, '回款金额'],
    ]);
    expect(rejects[0]!.reason).toContain('SO-9999');
    expect(rejects[0]!.raw).toContain('SO-9999'); // kept like every rejected row
    const batch = await t.ws.kysely
      .selectFrom('import_batches')
      .select(['file_name', 'kind'])
      .where('id', '=', job.result!.batchId)
      .executeTakeFirst();
    expect(batch).toEqual({ file_name: 'payments-zh-gbk.csv', kind: 'orders' });
  });

  it('undoing the payments batch takes its payments back and leaves the orders', async () => {
    const { id: batchId } = await t.ws.kysely
      .selectFrom('import_batches')
      .select('id')
      .where('preset', '=', 'zh-payments')
      .executeTakeFirstOrThrow();
    await t.call('import.undo', { batchId });
    expect(await collectedOf('SO-1005')).toBe(0);
    expect(await collectedOf('SO-1003')).toBe(80000);
    expect(
      await t.ws.kysely.selectFrom('orders').select('id').where('order_no', '=', 'SO-1005').execute(),
    ).toHaveLength(1);
  });
});

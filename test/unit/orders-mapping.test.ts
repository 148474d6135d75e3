/**
 * An order export whose header no order layout knows (test/fixtures/orders/orders-unknown-header.csv):
 * previewed as a call log short of columns, with the order layouts offered beside the call ones;
 * with an order layout and a column per field chosen, the preview reads it through the order
 * pipeline, the import stores the right revenue, and the mapping is saved as the profile of the
 * header so the next file like it is read as orders without asking.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { previewImport } from '../../src-main/import/preview';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

const FILE = path.join(FIXTURES, 'orders', 'orders-unknown-header.csv');
// Ref, Seller, Booked, Value, Received, Received on, Tel
const MAPPING = { orderId: 0, agentCode: 1, orderedAt: 2, amount: 3, collected: 4, collectedAt: 5, phone: 6 };

describe('order columns mapped by hand', () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace();
  });
  afterAll(() => t.close());
  const preview = (choices: object) =>
    previewImport(t.ws.kysely, FILE, 'orders-unknown-header.csv', choices, 'Asia/Shanghai');

  it('offers the order layouts when the header is unknown to them', async () => {
    const p = await preview({});
    expect(p.kind).toBe('calls');
    expect(p.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['en-orders', 'zh-orders']));
  });

  it('previews the file as orders through the order pipeline once a layout and columns are chosen', async () => {
    const unmapped = await preview({ preset: 'en-orders' });
    expect(unmapped.kind).toBe('orders');
    expect(
      unmapped.orders!.columns.filter((c) => c.required && c.column === null).map((c) => c.field),
    ).toEqual(['orderId', 'agentCode', 'orderedAt', 'amount']);
    const p = await preview({ preset: 'en-orders', orderColumns: MAPPING });
    const ok = p.orders!.rows.filter((r) => r.ok);
    expect(ok.map((r) => r.ok && [r.order.orderNo, r.order.amount, r.order.collected])).toEqual([
      ['INV-9001', 150000, 150000],
      ['INV-9002', 80000, 30000],
      ['INV-9003', 120000, 0],
    ]);
    // A field set back to "not in the file" is not read.
    const noPhone = await preview({ preset: 'en-orders', orderColumns: { ...MAPPING, phone: null } });
    expect(noPhone.orders!.rows.every((r) => r.ok && r.order.phoneLast4 === null)).toBe(true);
  });

  it('imports the right revenue and saves the mapping for the next file with this header', async () => {
    const job = await t.api.jobs.wait(
      t.api.startImport(FILE, {
        displayName: 'orders-unknown-header.csv',
        preset: 'en-orders',
        orderColumns: MAPPING,
        saveProfile: true,
      }),
    );
    expect(job.status).toBe('done');
    const s = await t.call('orders.summary', {
      filter: { from: '2026-01-01', to: '2026-01-31' },
    });
    expect(s.current.orderRevenue).toBe(350000);
    expect(s.current.collected).toBe(180000);
    const again = await preview({});
    expect(again.kind).toBe('orders');
    expect(again.profile).not.toBeNull();
    expect(again.orders!.columns.find((c) => c.field === 'amount')!.column).toBe(3);
  });
});

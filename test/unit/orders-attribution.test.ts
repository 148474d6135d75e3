/**
 * Attribution and the order KPIs against cases built by hand (test/fixtures/orders): two agents
 * calling one customer, an order outside the window, a refund in a later month, collection rate,
 * new customers, and conversion from orders or call outcomes as the workspace setting says.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src-shared/api';
import { orderFacts } from '../../src-main/orders/attribution';
import {
  agentIdsByCode,
  callIdsBySourceKey,
  FIXTURES,
  openTestWorkspace,
  type TestWorkspace,
} from '../helpers';

const ORDERS = path.join(FIXTURES, 'orders');
const JANUARY = { from: '2026-01-01', to: '2026-01-31' };
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };

describe('orders linked to the calls that made them', () => {
  let t: TestWorkspace;
  let callIdOf: (sourceKey: string) => number;
  let agentIdOf: (code: string) => number;
  beforeAll(async () => {
    t = await openTestWorkspace();
    // Orders first, calls after: attribution does not depend on the order of imports.
    expect((await t.importFile(path.join(ORDERS, 'orders-zh-utf8.csv'))).status).toBe('done');
    expect((await t.importFile(path.join(ORDERS, 'calls-before-orders.csv'))).status).toBe('done');
    const callIdOfKey = await callIdsBySourceKey(t);
    callIdOf = (key) => callIdOfKey(`cs:${key}`);
    agentIdOf = await agentIdsByCode(t);
  });
  afterAll(() => t.close());

  const summary = (filter: Filter) => t.call('orders.summary', { filter });
  const linked = async (windowDays: number) =>
    Object.fromEntries(
      (await orderFacts(t.ws.kysely, JANUARY, windowDays)).map((f) => [f.orderNo, f.callId]),
    );

  it("links each order to its own agent's last connected call to the number, within 7 days", async () => {
    expect(callIdOf('OC1')).toBeGreaterThan(0);
    expect(await linked(7)).toEqual({
      // Customer 1111 was called by 8001 (OC1, connected; OC3 not answered) and 8002 (OC2): each
      // agent's order goes to that agent's call, not to the latest call to the customer.
      'SO-1001': callIdOf('OC1'),
      'SO-1002': callIdOf('OC2'),
      // 8002 called 2222 eighteen days before the order: outside the window, unlinked.
      'SO-1003': null,
      'SO-1004': callIdOf('OC5'),
      'SO-1005': null,
      'SO-1006': null,
      'SO-1007': null,
    });
    // A wider window (the workspace setting) reaches OC4.
    expect((await linked(20))['SO-1003']).toBe(callIdOf('OC4'));
  });

  it('counts revenue, collections, 回款率, AOV and new customers for January as worked out by hand', async () => {
    const s = await summary(JANUARY);
    expect(s.hasOrders).toBe(true);
    expect(s.current).toEqual({
      orders: 6, // seven placed, SO-1007 cancelled on 31 January
      orderRevenue: 580000, // 1000+500+800+2000+300+1200+400-400 yuan, in fen
      collected: 550000, // 600+400+500+800+2000+1200
      newCustomers: 3, // 1111 (SO-1001), 2222, 4444; 3333's order was refunded, 5555 is "老客户", 6666 cancelled
      returningRevenue: 170000, // SO-1002 (1111's second order) + SO-1006 (the export says existing)
      daysToOrderSum: 31, // 5 + 7.25 + 17.9167 + 0.8333 days from the first call to each number
      daysToOrderCount: 4,
      attributedOrders: 3,
      placedOrders: 7,
      collectionRate: 550000 / 580000,
      orderAov: 580000 / 6,
      avgDaysToOrder: 31 / 4,
      attributedShare: 3 / 7,
    });
  });

  it('takes the February refund back in February, not in January', async () => {
    const s = await summary(FEBRUARY);
    expect(s.hasOrders).toBe(true);
    expect(s.current).toMatchObject({
      orders: -1,
      orderRevenue: -200000,
      collected: -200000,
      placedOrders: 0,
    });
    // Nothing ordered net: no collection rate and no AOV, not 0 and not NaN.
    expect(s.current.collectionRate).toBeNull();
    expect(s.current.orderAov).toBeNull();
    // A whole month compares with the month before: January, as counted above.
    expect(s.previousRange).toEqual(JANUARY);
    expect(s.previous).toMatchObject({ orders: 6, orderRevenue: 580000, collected: 550000 });
  });

  it('counts per agent: unlinked orders still count for their agent', async () => {
    const agent8002 = await summary({ ...JANUARY, agentId: agentIdOf('8002') });
    expect(agent8002.current).toMatchObject({
      orders: 3,
      orderRevenue: 160000,
      collected: 130000,
      attributedOrders: 1,
      placedOrders: 4,
    });
    const { rows } = await t.call('orders.breakdown', { filter: JANUARY, by: 'agent' });
    expect(rows).toEqual([
      { key: '8001', orders: 3, orderRevenue: 420000, collected: 420000 },
      { key: '8002', orders: 3, orderRevenue: 160000, collected: 130000 },
    ]);
  });

  it('takes conversion from call outcomes by default and from orders when the setting says so', async () => {
    // January's calls: 4 connects, 4 intents (one of them a sale marked on the call).
    const byCalls = await summary(JANUARY);
    expect(byCalls.conversion).toEqual({
      source: 'calls',
      sales: 1,
      connects: 4,
      intents: 4,
      conversionRate: 1 / 4,
      leadConversion: 1 / 4,
    });
    await t.call('orders.settings.update', { conversionSource: 'orders', attributionWindowDays: 20 });
    const byOrders = await summary(JANUARY);
    expect(byOrders.conversion).toEqual({
      source: 'orders',
      sales: 6,
      connects: 4,
      intents: 4,
      conversionRate: 6 / 4,
      leadConversion: 6 / 4,
    });
    expect(byOrders.current.attributedOrders).toBe(4);
    // A range without orders says it fell back to call outcomes.
    const empty = await summary({ from: '2025-06-01', to: '2025-06-30' });
    expect(empty).toMatchObject({
      hasOrders: false,
      workspaceHasOrders: true,
      conversion: { source: 'calls' },
    });
    await t.call('orders.settings.update', { conversionSource: 'calls', attributionWindowDays: 7 });
  });
});

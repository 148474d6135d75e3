/**
 * Targets, pacing and the composite score measure sales and revenue on orders where orders exist,
 * under the rule the dashboard's tiles follow (salesSource), and say which. Hand-built March 2026
 * (test/fixtures/orders/targets-*.csv; 22 working days, a plain Monday–Friday week):
 *
 * - 8001 sells 500 yuan on a call, and has three orders: SO-1 1000, SO-2 2000 refunded on 20 March,
 *   SO-3 800 -> from orders: 2 net orders, 1800 yuan;
 * - 8002 sells 300 yuan on a call and has no order -> from calls: 1 sale, 300 yuan;
 * - the team as a whole has orders, so it is measured on them (as its dashboard tile is): 2 orders,
 *   1800 yuan — not a mix of one agent's orders and the other's calls.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter, PaceRow } from '../../src-shared/api';
import { salesSource } from '../../src-shared/orders';
import { pace, type MonthActuals } from '../../src-shared/targets';
import { reportFor } from '../../src-main/reports/generate';
import { agentIdsByCode, FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';
import { now } from '../../src-main/clock';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const WORKING_DAYS = 22;

describe('targets measured on orders where orders exist', () => {
  let t: TestWorkspace;
  let agentIdOf: (code: string) => number;
  let teamId: number;
  beforeAll(async () => {
    t = await openTestWorkspace();
    for (const name of ['targets-calls.csv', 'targets-orders.csv'])
      expect((await t.importFile(path.join(FIXTURES, 'orders', name))).status).toBe('done');
    agentIdOf = await agentIdsByCode(t);
    teamId = (
      await t.ws.kysely
        .selectFrom('teams')
        .select('id')
        .where('name', '=', '销售一组')
        .executeTakeFirstOrThrow()
    ).id;
    await t.call('targets.setCalendar', { weekend: [6, 7], holidays: [], workdays: [] });
    const agentTargets = ['8001', '8002'].flatMap((code) => [
      { scope: 'agent' as const, scopeId: agentIdOf(code), kpi: 'sales' as const, value: 4 },
      { scope: 'agent' as const, scopeId: agentIdOf(code), kpi: 'revenue' as const, value: 300000 },
      { scope: 'agent' as const, scopeId: agentIdOf(code), kpi: 'dialsPerDay' as const, value: 1 },
    ]);
    await t.call('targets.set', { month: '2026-03', entries: agentTargets });
  });
  afterAll(() => t.close());

  const setSource = (conversionSource: 'calls' | 'orders') =>
    t.call('orders.settings.update', { conversionSource });
  const pacing = (filter: Filter) => t.call('targets.pacing', { filter });
  const row = (rows: PaceRow[], kpi: string) => rows.find((r) => r.kpi === kpi)!;
  const scores = () => t.call('targets.scores', { month: '2026-03' });

  it('decides the source by one rule: the setting, and whether the scope has orders', () => {
    expect(salesSource('orders', true)).toBe('orders');
    expect(salesSource('orders', false)).toBe('calls');
    expect(salesSource('calls', true)).toBe('calls');
    expect(salesSource('calls', false)).toBe('calls');
  });

  it('measures an agent with orders on their orders, net of the refund within the month', async () => {
    await setSource('orders');
    const p = await pacing({ ...MARCH, agentId: agentIdOf('8001') });
    expect(p.applies).toBe(true);
    const revenue = row(p.kpis, 'revenue');
    const sales = row(p.kpis, 'sales');
    expect(revenue).toMatchObject({ actual: 180000, source: 'orders' }); // 1000 + 2000 + 800 − 2000 yuan
    expect(sales).toMatchObject({ actual: 2, source: 'orders' }); // three placed, one refunded
    // Month-to-date, forecast and need-per-day all follow from the order figures.
    const days = { month: WORKING_DAYS, available: WORKING_DAYS, elapsed: WORKING_DAYS };
    const orderActuals: MonthActuals = {
      dials: 3,
      connects: 2,
      effectiveTalkSeconds: 0,
      intents: 0,
      sales: 2,
      revenue: 180000,
      auditScore: null,
    };
    expect(revenue).toEqual({ ...pace('revenue', 300000, orderActuals, days), source: 'orders' });
    expect(revenue.forecast).toBe(180000);
    // Dials are never order figures and carry no source.
    expect(row(p.kpis, 'dialsPerDay').source).toBeUndefined();
  });

  it('falls back to the sales marked on calls for an agent without orders', async () => {
    await setSource('orders');
    const p = await pacing({ ...MARCH, agentId: agentIdOf('8002') });
    expect(row(p.kpis, 'revenue')).toMatchObject({ actual: 30000, source: 'calls' });
    expect(row(p.kpis, 'sales')).toMatchObject({ actual: 1, source: 'calls' });
  });

  it("measures the team on its orders as the team's dashboard tile does, each agent on their own", async () => {
    await setSource('orders');
    const p = await pacing({ ...MARCH, teamId });
    expect(row(p.kpis, 'revenue')).toMatchObject({ actual: 180000, source: 'orders' });
    expect(row(p.kpis, 'sales')).toMatchObject({ actual: 2, source: 'orders' });
    const tiles = await t.call('orders.summary', { filter: { ...MARCH, teamId } });
    expect(tiles.conversion).toMatchObject({ source: 'orders', sales: 2 });
    expect(tiles.current.orderRevenue).toBe(180000);
    const agentRow = (code: string) => p.agents.find((a) => a.agentId === agentIdOf(code))!;
    expect(row(agentRow('8001').kpis, 'revenue')).toMatchObject({ actual: 180000, source: 'orders' });
    expect(row(agentRow('8002').kpis, 'revenue')).toMatchObject({ actual: 30000, source: 'calls' });
  });

  it('scores and pays on the same figures, and the breakdown says which source', async () => {
    await setSource('orders');
    const s = await scores();
    const of = (code: string) => s.rows.find((r) => r.agentId === agentIdOf(code))!;
    expect(of('8001').revenue).toBe(180000);
    expect(of('8001').parts.find((p) => p.kpi === 'revenue')).toMatchObject({
      source: 'orders',
      attainment: 180000 / 300000,
    });
    expect(of('8001').parts.find((p) => p.kpi === 'sales')).toMatchObject({
      source: 'orders',
      attainment: 2 / 4,
    });
    expect(of('8002').parts.find((p) => p.kpi === 'revenue')).toMatchObject({
      source: 'calls',
      // 8002's first dial is Tuesday 3 March: a joiner's target counts 21 of the 22 working days
      attainment: 30000 / ((300000 * 21) / 22),
    });
    const bonus = await t.call('targets.bonus', { month: '2026-03' });
    expect(bonus.rows.find((r) => r.agentId === agentIdOf('8001'))!.revenue).toBe(180000);
  });

  it('measures everything on calls while the workspace takes sales from calls', async () => {
    await setSource('calls');
    const agent = await pacing({ ...MARCH, agentId: agentIdOf('8001') });
    expect(row(agent.kpis, 'revenue')).toMatchObject({ actual: 50000, source: 'calls' });
    expect(row(agent.kpis, 'sales')).toMatchObject({ actual: 1, source: 'calls' });
    const team = await pacing({ ...MARCH, teamId });
    expect(row(team.kpis, 'revenue')).toMatchObject({ actual: 80000, source: 'calls' });
    const s = await scores();
    expect(s.rows.find((r) => r.agentId === agentIdOf('8001'))!.revenue).toBe(50000);
  });

  it('suggests next month from the figures it will be measured on', async () => {
    await setSource('orders');
    const plan = await t.call('targets.plan', { month: '2026-04', uplift: 0 });
    const basis = (code: string) => plan.agents.find((a) => a.agentId === agentIdOf(code))!.basis;
    expect(basis('8001').revenue).toBe(180000);
    expect(basis('8002').revenue).toBe(30000);
  });

  it('says in the monthly report which source the sales and revenue attainment used', async () => {
    const spec = (language: 'en' | 'zh-CN') => ({
      period: { kind: 'month', month: '2026-03' } as const,
      scope: { kind: 'agent', agentId: agentIdOf('8001') } as const,
      language,
    });
    const note = async (language: 'en' | 'zh-CN') =>
      (await reportFor(t.ws, spec(language), now())).tables.find((x) => x.id === 'summary')!.note;
    await setSource('orders');
    expect(await note('en')).toContain('measured against their targets on orders');
    expect(await note('zh-CN')).toContain('按订单计算');
    await setSource('calls');
    expect(await note('en')).toContain('on call outcomes');
  });
});

/**
 * Hand counts for layout tests: each test lists the calls of its fixture as a person reads the
 * export (one plain object per call), and these few lines total them per day or agent the way
 * DESIGN.md defines the KPIs — written apart from src-shared/kpi.ts so the two check each other.
 */
import { expect } from 'vitest';
import type { MetricsRow } from '../src-shared/api';
import type { TestWorkspace } from './helpers';

export interface TruthCall {
  /** the call's local day in the test workspace's time zone, as read off the export */
  day: string;
  /** the agent the call counts for (after a transfer: the agent who took it over) */
  agent: string;
  direction: 'outbound' | 'inbound';
  /** a person picked up and talked (not a machine, not a drop) */
  answered: boolean;
  talk: number;
  sale?: boolean;
  /** minor units */
  amount?: number;
}

interface TruthTotals {
  key: string;
  dials: number;
  connects: number;
  talkSeconds: number;
  sales: number;
  revenue: number;
}

function handCount(calls: readonly TruthCall[], by: 'day' | 'agent'): TruthTotals[] {
  const totals = new Map<string, TruthTotals>();
  const zero = (key: string): TruthTotals => ({
    key,
    dials: 0,
    connects: 0,
    talkSeconds: 0,
    sales: 0,
    revenue: 0,
  });
  for (const c of calls) {
    // Every agent of the workspace is a row (the roster), with 0 where they made no dial.
    if (by === 'agent' && !totals.has(c.agent)) totals.set(c.agent, zero(c.agent));
    if (c.direction !== 'outbound') continue; // only outbound calls are dials
    const key = by === 'day' ? c.day : c.agent;
    const t = totals.get(key) ?? zero(key);
    const connect = c.answered && c.talk > 0;
    t.dials += 1;
    t.connects += connect ? 1 : 0;
    t.talkSeconds += connect ? c.talk : 0;
    t.sales += c.sale ? 1 : 0;
    t.revenue += c.sale ? (c.amount ?? 0) : 0;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The same five numbers picked from `metrics.breakdown` rows, in the same order. */
function pickTotals(rows: readonly MetricsRow[]): TruthTotals[] {
  return rows
    .map(({ key, dials, connects, talkSeconds, sales, revenue }) => ({
      key: key ?? '(none)',
      dials,
      connects,
      talkSeconds,
      sales,
      revenue,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The workspace's per-day and per-agent breakdowns over `range` equal the hand counts of `calls`:
 * every row the breakdown returns, no more and no fewer. The message names the breakdown that differs.
 */
export async function expectHandCounts(
  t: Pick<TestWorkspace, 'call'>,
  calls: readonly TruthCall[],
  range: { from: string; to: string },
): Promise<void> {
  for (const by of ['day', 'agent'] as const) {
    const { rows } = await t.call('metrics.breakdown', { filter: range, by });
    expect(pickTotals(rows), `metrics.breakdown by ${by}`).toEqual(handCount(calls, by));
  }
}

/** The stored inbound calls per agent (code order): their number and talk time, on either engine. */
export async function storedInboundByAgent(
  t: Pick<TestWorkspace, 'ws'>,
): Promise<{ code: string; n: number; talk: number }[]> {
  const rows = await t.ws.kysely
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .where('c.direction', '=', 'inbound')
    .groupBy('a.code')
    .select((eb) => ['a.code', eb.fn.countAll().as('n'), eb.fn.sum('c.talk_seconds').as('talk')])
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({ code: r.code, n: Number(r.n), talk: Number(r.talk) }));
}

/**
 * Hand counts for layout tests: each test lists the calls of its fixture as a person reads the
 * export (one plain object per call), and these few lines total them per day or agent the way
 * DESIGN.md defines the KPIs — written apart from src-shared/kpi.ts so the two check each other.
 */
export interface TruthCall {
  /** the call's local day in the test workspace's time zone, as read off the export */
  day: string;
  agent: string;
  outbound: boolean;
  /** a person picked up and talked (not a machine, not a drop) */
  answered: boolean;
  talk: number;
  sale?: boolean;
  /** minor units */
  amount?: number;
}

export interface TruthTotals {
  key: string;
  dials: number;
  connects: number;
  talkSeconds: number;
  sales: number;
  revenue: number;
}

export function handCount(calls: readonly TruthCall[], by: 'day' | 'agent'): TruthTotals[] {
  const totals = new Map<string, TruthTotals>();
  for (const c of calls) {
    if (!c.outbound) continue; // only outbound calls are dials
    const key = by === 'day' ? c.day : c.agent;
    const t = totals.get(key) ?? { key, dials: 0, connects: 0, talkSeconds: 0, sales: 0, revenue: 0 };
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
export function pickTotals(
  rows: readonly (Omit<TruthTotals, 'key'> & { key: string | null })[],
): TruthTotals[] {
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

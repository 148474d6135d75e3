/**
 * Expected per-day and per-agent KPIs from a truth table of CALLS (one plain object per call, as a
 * person reads the export), worked out with plain arithmetic, not with our KPI code.
 */
import type { MetricsRow } from '../../src-shared/api';

export interface TruthCall {
  /** local day of the call's start */
  day: string;
  /** the agent the call counts for */
  agent: string;
  direction: 'outbound' | 'inbound';
  answered: boolean;
  talk: number;
  /** PBXs never know sales; kept so the table says so */
  sale?: boolean;
}

export interface Counts {
  dials: number;
  connects: number;
  talkSeconds: number;
  sales: number;
}

export function expectedBy(truth: readonly TruthCall[], by: 'day' | 'agent'): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const call of truth) {
    if (call.direction !== 'outbound') continue; // only outbound calls are dials
    const key = by === 'day' ? call.day : call.agent;
    const row = (out[key] ??= { dials: 0, connects: 0, talkSeconds: 0, sales: 0 });
    row.dials += 1;
    if (call.answered && call.talk > 0) {
      row.connects += 1;
      row.talkSeconds += call.talk;
    }
    if (call.sale) row.sales += 1;
  }
  return out;
}

export function countsOf(rows: readonly MetricsRow[]): Record<string, Counts> {
  return Object.fromEntries(
    rows.map((r) => [
      r.key ?? '',
      { dials: r.dials, connects: r.connects, talkSeconds: r.talkSeconds, sales: r.sales },
    ]),
  );
}

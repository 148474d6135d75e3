/**
 * The KPI columns of the agent leaderboard, in their on-screen order: one list for the dashboard
 * table and its XLSX/CSV export, so the two cannot drift apart. Each column's unit (and with it how
 * a cell is formatted and which number format the workbook uses) is `KPI_DEFINITIONS[key].unit`.
 */
import type { KpiKey } from './kpi';

export const LEADERBOARD_KPIS = [
  'dials',
  'connects',
  'connectRate',
  'effective',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'intentRate',
  'sales',
  'conversionRate',
  'revenue',
] as const satisfies readonly KpiKey[];

export type LeaderboardKpi = (typeof LEADERBOARD_KPIS)[number];

/**
 * The export's KPI columns: the on-screen ones plus total talk time before effective talk (the
 * average talk's numerator: the workbook's totals row computes the average from it).
 */
export const LEADERBOARD_EXPORT_KPIS: readonly KpiKey[] = LEADERBOARD_KPIS.flatMap((key): KpiKey[] =>
  key === 'effectiveTalkSeconds' ? ['talkSeconds', key] : [key],
);

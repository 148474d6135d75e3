/**
 * The numbers of a report, read with the dashboard's own queries (src-main/metrics/queries.ts) so a
 * report can never disagree with the screen. The same reader serves the live workspace and a month
 * close's snapshot (replayed into an in-memory database of the same schema, see month-close.ts).
 */
import type { Kysely } from 'kysely';
import type { Filter, LeaderboardRow, MetricsRow } from '../../src-shared/api';
import type { DayRange } from '../../src-shared/periods';
import type { ReportScope } from '../../src-shared/reports-model';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import type { Database } from '../db/schema';
import { breakdown, leaderboard, summary } from '../metrics/queries';

export interface ReportData {
  range: DayRange;
  summary: Awaited<ReturnType<typeof summary>>;
  /** every agent with calls, with team and per-day series (its active days) */
  agents: LeaderboardRow[];
  days: MetricsRow[];
  teams: MetricsRow[];
  campaigns: MetricsRow[];
}

export function scopeFilter(range: DayRange, scope: ReportScope): Filter {
  if (scope.kind === 'team') return { ...range, teamId: scope.teamId };
  if (scope.kind === 'agent') return { ...range, agentId: scope.agentId };
  return { ...range };
}

export async function loadReportData(
  db: Kysely<Database>,
  range: DayRange,
  scope: ReportScope,
  calendar?: WorkingDays,
): Promise<ReportData> {
  const filter = scopeFilter(range, scope);
  const [sum, board, days, teams, campaigns] = await Promise.all([
    summary(db, filter, calendar),
    leaderboard(db, filter),
    breakdown(db, filter, 'day'),
    breakdown(db, filter, 'team'),
    breakdown(db, filter, 'campaign'),
  ]);
  return { range, summary: sum, agents: board.rows, days, teams, campaigns };
}

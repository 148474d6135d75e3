/**
 * The month overview's queries as the renderer makes them: through the API dispatcher (input
 * validation, handler, zod output validation), all fired at once. And the check that their
 * numbers equal DuckDB's over the raw calls.
 */
import type { Dispatch } from '../../src-main/dispatch';
import type { Filter, HeatmapCell, LeaderboardRow, MetricsRow } from '../../src-shared/api';
import { addCounts, COUNT_KEYS, emptyCounts, type KpiCounts, type KpiValues } from '../../src-shared/kpi';
import type { Day } from '../../src-shared/time';
import type { RawAggregates } from './query-duckdb';

export interface OverviewAnswers {
  summary: { current: KpiValues; previous: KpiValues; activeDays: number };
  byDay: MetricsRow[];
  byTeam: MetricsRow[];
  leaderboard: { days: Day[]; rows: LeaderboardRow[] };
  heatmap: HeatmapCell[];
}

async function call<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.value as T;
}

/** Every query the month overview makes for one filter, concurrently as the page fires them. */
export async function overviewQueries(dispatch: Dispatch, filter: Filter): Promise<OverviewAnswers> {
  const [summary, byDay, byTeam, leaderboard, heatmap] = await Promise.all([
    call<OverviewAnswers['summary']>(dispatch, 'metrics.summary', { filter }),
    call<{ rows: MetricsRow[] }>(dispatch, 'metrics.breakdown', { filter, by: 'day' }),
    call<{ rows: MetricsRow[] }>(dispatch, 'metrics.breakdown', { filter, by: 'team' }),
    call<OverviewAnswers['leaderboard']>(dispatch, 'metrics.leaderboard', { filter }),
    call<{ cells: HeatmapCell[] }>(dispatch, 'metrics.heatmap', { filter }),
  ]);
  return { summary, byDay: byDay.rows, byTeam: byTeam.rows, leaderboard, heatmap: heatmap.cells };
}

class Mismatch extends Error {}

function sameCounts(what: string, ours: KpiCounts, raw: KpiCounts | undefined): void {
  if (!raw) throw new Mismatch(`${what}: DuckDB has no such row`);
  for (const k of COUNT_KEYS) {
    if (ours[k] !== raw[k]) throw new Mismatch(`${what}.${k}: overview ${ours[k]}, DuckDB ${raw[k]}`);
  }
}

function sameSize(what: string, ours: number, raw: number): void {
  if (ours !== raw) throw new Mismatch(`${what}: overview has ${ours} rows, DuckDB ${raw}`);
}

/** Throws on the first number that differs between the overview's answers and DuckDB's. */
export function checkSameNumbers(label: string, ours: OverviewAnswers, raw: RawAggregates): void {
  try {
    sameCounts('summary.current', ours.summary.current, raw.current);
    sameCounts('summary.previous', ours.summary.previous, raw.previous);
    if (ours.summary.activeDays !== raw.activeDays)
      throw new Mismatch(`activeDays: overview ${ours.summary.activeDays}, DuckDB ${raw.activeDays}`);

    sameSize('by day', ours.byDay.length, raw.byDay.size);
    for (const r of ours.byDay) sameCounts(`by day ${r.key}`, r, raw.byDay.get(r.key as Day));

    sameSize('by team', ours.byTeam.length, raw.byTeam.size);
    for (const r of ours.byTeam) sameCounts(`by team ${r.key}`, r, raw.byTeam.get(r.id ?? 0));

    sameSize('leaderboard', ours.leaderboard.rows.length, raw.agentDays.size);
    for (const r of ours.leaderboard.rows) {
      const days = raw.agentDays.get(r.id!);
      if (!days) throw new Mismatch(`leaderboard agent ${r.key}: not in DuckDB`);
      const total = emptyCounts();
      for (const counts of days.values()) addCounts(total, counts);
      sameCounts(`leaderboard ${r.key}`, r, total);
      ours.leaderboard.days.forEach((day, i) => {
        const d = days.get(day) ?? emptyCounts();
        for (const k of ['dials', 'connects', 'sales'] as const) {
          if (r.daily[k][i] !== d[k])
            throw new Mismatch(`leaderboard ${r.key} ${day} ${k}: overview ${r.daily[k][i]}, DuckDB ${d[k]}`);
        }
      });
    }

    sameSize('heatmap', ours.heatmap.length, raw.heatmap.size);
    for (const c of ours.heatmap) {
      const d = raw.heatmap.get(c.weekday * 24 + c.hour);
      if (!d || d.dials !== c.dials || d.connects !== c.connects || d.sales !== c.sales)
        throw new Mismatch(
          `heatmap ${c.weekday}/${c.hour}: overview ${c.dials}/${c.connects}/${c.sales}, DuckDB ${d ? `${d.dials}/${d.connects}/${d.sales}` : 'none'}`,
        );
    }
  } catch (err) {
    if (err instanceof Mismatch)
      throw new Error(`${label}: the overview and DuckDB disagree: ${err.message}`);
    throw err;
  }
}

/** Turns the per-day breakdown into one point per calendar day of the range (days without calls = 0). */
import type { MetricsRow } from '../../../src-shared/api';
import type { DayRange } from '../../../src-shared/periods';
import { addDays, type Day } from '../../../src-shared/time';

export interface TrendPoint {
  day: Day;
  dials: number;
  connects: number;
  /** null on a day without dials: the line breaks there instead of dropping to 0 % */
  connectRate: number | null;
}

/** Longest range we draw day by day; the API caps ranges well below this anyway. */
const MAX_DAYS = 1000;

export function dailyTrend(range: DayRange, rows: readonly MetricsRow[]): TrendPoint[] {
  const byDay = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key, r]));
  const points: TrendPoint[] = [];
  for (let day = range.from, i = 0; day <= range.to && i < MAX_DAYS; day = addDays(day, 1), i++) {
    const row = byDay.get(day);
    points.push({
      day,
      dials: row?.dials ?? 0,
      connects: row?.connects ?? 0,
      connectRate: row?.connectRate ?? null,
    });
  }
  return points;
}

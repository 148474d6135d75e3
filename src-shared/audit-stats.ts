/**
 * QA analytics arithmetic: the mean audit score with a 95 % confidence interval (Student's t, since
 * a team lead looks at 3–10 audits per agent and week), and which answers count as an item failure.
 */
import type { AnswerValue } from './scorecard';
import { addDays, daysBetween, startOfMonth, weekdayOf, type Day } from './time';

/** Two-sided 95 % critical values of Student's t for 1–30 degrees of freedom. */
const T_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tCritical95(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.NaN;
  return T_95[degreesOfFreedom - 1] ?? 1.96;
}

export interface MeanWithInterval {
  n: number;
  mean: number | null;
  /** half-width of the 95 % interval; null below two values */
  margin: number | null;
}

export function meanWithInterval(values: readonly number[]): MeanWithInterval {
  const n = values.length;
  if (n === 0) return { n, mean: null, margin: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, margin: null };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, margin: (tCritical95(n - 1) * Math.sqrt(variance)) / Math.sqrt(n) };
}

/** An item failure: "no", or 1–2 on a 1–5 item; null for N/A (neither failed nor passed). */
export function isItemFailure(value: AnswerValue): boolean | null {
  if (value === 'na') return null;
  return value === 'no' || value === '1' || value === '2';
}

/** The QA trend's bucket: weeks up to about four months; beyond that a week holds too few audits. */
export type TrendUnit = 'week' | 'month';
export const WEEKLY_TREND_MAX_DAYS = 120;

export function trendUnit(from: Day, to: Day): TrendUnit {
  return daysBetween(from, to) + 1 > WEEKLY_TREND_MAX_DAYS ? 'month' : 'week';
}

/** The first day of the week (Monday) or month a day falls in. */
export function trendBucket(day: Day, unit: TrendUnit): Day {
  return unit === 'month' ? startOfMonth(day) : addDays(day, 1 - weekdayOf(day));
}

/** Mean score with its 95 % interval per week or month, oldest first (buckets without audits left out). */
export function scoreTrend(
  audits: readonly { day: Day; score: number }[],
  unit: TrendUnit,
): (MeanWithInterval & { start: Day })[] {
  const buckets = new Map<Day, number[]>();
  for (const a of audits) {
    const start = trendBucket(a.day, unit);
    buckets.set(start, [...(buckets.get(start) ?? []), a.score]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, scores]) => ({ start, ...meanWithInterval(scores) }));
}

/**
 * The pass mark a chart can draw as one line: the scorecards behind the audits must all have the
 * same one (different or missing pass marks: no line, rather than a line that is wrong for some).
 */
export function commonPassMark(passMarks: readonly (number | null)[]): number | null {
  const distinct = new Set(passMarks);
  if (distinct.size !== 1) return null;
  const [only] = distinct;
  return only ?? null;
}

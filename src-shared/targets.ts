/**
 * Targets: the KPIs a monthly target can be set on, suggestions from history, splitting a team's
 * target across its agents, and pacing (month-to-date against the target pro-rated by working days).
 *
 * Three kinds of target KPI:
 * - `perDay`: a number per working day (dials, effective talk seconds). A team's or the floor's
 *   target is the sum over its agents per working day.
 * - `total`: a month total (intents, sales, revenue in minor units), pro-rated by working days.
 * - `rate`: a ratio or score (connect rate 0..1, audit score 0..100). Not additive: a team's rate
 *   target applies to each of its agents and is never split.
 */
import { median } from './anomalies';

export const TARGET_KPIS = [
  'dialsPerDay',
  'connectRate',
  'effectiveTalkPerDay',
  'intents',
  'sales',
  'revenue',
  'auditScore',
] as const;
export type TargetKpi = (typeof TARGET_KPIS)[number];

export type TargetKind = 'perDay' | 'total' | 'rate';

export const TARGET_KIND: Record<TargetKpi, TargetKind> = {
  dialsPerDay: 'perDay',
  connectRate: 'rate',
  effectiveTalkPerDay: 'perDay',
  intents: 'total',
  sales: 'total',
  revenue: 'total',
  auditScore: 'rate',
};

/** How a target is rounded when it is suggested or split: the smallest unit a lead would write. */
export const TARGET_STEP: Record<TargetKpi, number> = {
  dialsPerDay: 1,
  connectRate: 0.001,
  effectiveTalkPerDay: 60, // whole minutes of talk
  intents: 1,
  sales: 1,
  revenue: 100, // whole currency units (amounts are minor units)
  auditScore: 0.1,
};

export function isAdditive(kpi: TargetKpi): boolean {
  return TARGET_KIND[kpi] !== 'rate';
}

/** What a month's numbers are for one agent (or a sum of agents): the rollup's counts and the audit mean. */
export interface MonthActuals {
  dials: number;
  connects: number;
  effectiveTalkSeconds: number;
  intents: number;
  sales: number;
  revenue: number;
  /** mean audit percentage; null until audits exist */
  auditScore: number | null;
}

/**
 * A KPI's value for a stretch of `workingDays` working days: per-day KPIs are divided by the
 * working days (an absent day counts: it is a working day the agent did not work), totals are
 * the totals, rates the rates. Null = no data.
 */
export function kpiValue(kpi: TargetKpi, a: MonthActuals, workingDays: number): number | null {
  switch (kpi) {
    case 'dialsPerDay':
      return workingDays > 0 ? a.dials / workingDays : null;
    case 'effectiveTalkPerDay':
      return workingDays > 0 ? a.effectiveTalkSeconds / workingDays : null;
    case 'connectRate':
      return a.dials > 0 ? a.connects / a.dials : null;
    case 'auditScore':
      return a.auditScore;
    case 'intents':
    case 'sales':
    case 'revenue':
      return a[kpi];
  }
}

export function roundToStep(kpi: TargetKpi, value: number): number {
  const step = TARGET_STEP[kpi];
  const rounded = Math.round(value / step) * step;
  // 0.001 steps: keep the float tidy (0.35000000000000003 -> 0.35).
  return step < 1 ? Number(rounded.toFixed(3)) : rounded;
}

/** One past month of history for a suggestion. */
export interface HistoryMonth {
  actuals: MonthActuals;
  /** working days of that month the agent could work (from their first day when they joined in it) */
  workingDays: number;
}

/**
 * "Suggest from history": the median over the given months (the last three, those with data) of
 * the KPI, raised by `uplift` (0.05 = +5 %). Totals are taken per working day and scaled to the
 * target month's working days, so a short month (a holiday week) or a joiner's partial month does
 * not drag the suggestion. A connect rate never goes above 100 %.
 */
export function suggestTarget(
  kpi: TargetKpi,
  history: readonly HistoryMonth[],
  targetMonthWorkingDays: number,
  uplift: number,
): number | null {
  const values: number[] = [];
  for (const m of history) {
    if (m.workingDays <= 0) continue;
    const hasData = m.actuals.dials > 0 || (kpi === 'auditScore' && m.actuals.auditScore !== null);
    if (!hasData) continue;
    const v =
      TARGET_KIND[kpi] === 'total'
        ? (m.actuals[kpi as 'intents' | 'sales' | 'revenue'] / m.workingDays) * targetMonthWorkingDays
        : kpiValue(kpi, m.actuals, m.workingDays);
    if (v !== null) values.push(v);
  }
  const mid = median(values);
  if (mid === null) return null;
  let suggested = mid * (1 + uplift);
  if (kpi === 'connectRate') suggested = Math.min(1, suggested);
  if (kpi === 'auditScore') suggested = Math.min(100, suggested);
  return roundToStep(kpi, suggested);
}

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of `step`, summing exactly
 * to `total` (rounded to the step) by the largest-remainder method: every part gets the floor of
 * its quota, and the units left go to the largest remainders (ties: the earlier part). All-zero
 * weights split evenly.
 */
export function splitByWeights(total: number, weights: readonly number[], step = 1): number[] {
  if (weights.length === 0) return [];
  const sumW = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const w = sumW > 0 ? weights.map((x) => Math.max(0, x)) : weights.map(() => 1);
  const wSum = sumW > 0 ? sumW : weights.length;
  const units = Math.round(total / step);
  const quotas = w.map((x) => (units * x) / wSum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, r: q - parts[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) parts[order[k]!.i]! += 1;
  return parts.map((p) => (step < 1 ? Number((p * step).toFixed(3)) : p * step));
}

export type SplitMethod = 'even' | 'share' | 'hand';

/**
 * A team target split across its agents. `even`: equal parts; `share`: in proportion to each
 * agent's last-three-months value (`basis`); `hand`: the lead's numbers, where those the lead did
 * not fix (`fixed[i]` false) are rescaled so the sum stays the team target.
 */
export function decompose(
  kpi: TargetKpi,
  total: number,
  method: SplitMethod,
  basis: readonly number[],
  hand?: { values: readonly number[]; fixed: readonly boolean[] },
): number[] {
  const step = TARGET_STEP[kpi];
  if (method === 'even')
    return splitByWeights(
      total,
      basis.map(() => 1),
      step,
    );
  if (method === 'share') return splitByWeights(total, basis, step);
  if (!hand) throw new Error('decompose by hand needs the values');
  const fixedSum = hand.values.reduce((a, v, i) => a + (hand.fixed[i] ? v : 0), 0);
  const freeIdx = hand.values.map((_, i) => i).filter((i) => !hand.fixed[i]);
  // Nothing left to rescale: the lead's numbers stand (the UI shows the difference to the team target).
  if (freeIdx.length === 0) return [...hand.values];
  const freeParts = splitByWeights(
    Math.max(0, total - fixedSum),
    freeIdx.map((i) => hand.values[i]!),
    step,
  );
  const out = [...hand.values];
  freeIdx.forEach((i, k) => (out[i] = freeParts[k]!));
  return out;
}

/** Working days of one month as seen by one agent. */
export interface PaceDays {
  /** working days in the month */
  month: number;
  /** working days from the agent's first day (a mid-month joiner) to month end; = month otherwise */
  available: number;
  /** working days of `available` up to and including the as-of day */
  elapsed: number;
}

export interface Pace {
  kpi: TargetKpi;
  /** the month's target for this agent: a joiner's total pro-rated from their first day */
  target: number;
  /** the value so far (per-day KPIs: per elapsed working day; totals: the total; rates: the rate) */
  actual: number | null;
  /** where the value should be by now (totals: target × elapsed ÷ available; others: the target) */
  expected: number;
  /** actual ÷ expected: on pace at 1 */
  pace: number | null;
  /** the month-end value at the current run rate */
  forecast: number | null;
  /** forecast ÷ target */
  forecastAttainment: number | null;
  /** what each remaining working day needs to reach the target (per-day and total KPIs) */
  neededPerDay: number | null;
  remainingDays: number;
}

/**
 * Month-to-date pacing of one KPI. `monthTarget` is the target as set for the month (totals for a
 * full month of working days). A joiner's total target is pro-rated: target × available ÷ month.
 */
export function pace(kpi: TargetKpi, monthTarget: number, a: MonthActuals, days: PaceDays): Pace {
  const kind = TARGET_KIND[kpi];
  const remainingDays = Math.max(0, days.available - days.elapsed);
  const target =
    kind === 'total' && days.month > 0 ? (monthTarget * days.available) / days.month : monthTarget;
  const base = { kpi, target, remainingDays };
  const safe = (n: number, d: number) => (d > 0 ? n / d : null);

  if (kind === 'rate') {
    const actual = kpiValue(kpi, a, days.elapsed);
    const p = actual === null ? null : safe(actual, target);
    return {
      ...base,
      actual,
      expected: target,
      pace: p,
      forecast: actual, // a rate's best forecast is where it stands
      forecastAttainment: p,
      neededPerDay: null,
    };
  }

  const soFar =
    kpi === 'dialsPerDay'
      ? a.dials
      : kpi === 'effectiveTalkPerDay'
        ? a.effectiveTalkSeconds
        : a[kpi as 'intents' | 'sales' | 'revenue'];
  if (kind === 'perDay') {
    const actual = safe(soFar, days.elapsed);
    const forecastTotal = actual === null ? null : soFar + actual * remainingDays;
    return {
      ...base,
      actual,
      expected: target,
      pace: actual === null ? null : safe(actual, target),
      forecast: forecastTotal === null ? null : safe(forecastTotal, days.available),
      forecastAttainment: actual === null ? null : safe(actual, target),
      neededPerDay: remainingDays > 0 ? Math.max(0, (target * days.available - soFar) / remainingDays) : null,
    };
  }

  const expected = days.available > 0 ? (target * days.elapsed) / days.available : 0;
  const runRate = safe(soFar, days.elapsed);
  const forecast = runRate === null ? null : soFar + runRate * remainingDays;
  return {
    ...base,
    actual: soFar,
    expected,
    pace: days.elapsed > 0 ? safe(soFar, expected) : null,
    forecast,
    forecastAttainment: forecast === null ? null : safe(forecast, target),
    neededPerDay: remainingDays > 0 ? Math.max(0, (target - soFar) / remainingDays) : null,
  };
}

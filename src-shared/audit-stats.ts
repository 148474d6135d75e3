/**
 * QA analytics arithmetic: the mean audit score with a 95 % confidence interval (Student's t, since
 * a team lead looks at 3–10 audits per agent and week), and which answers count as an item failure.
 */
import type { AnswerValue } from './scorecard';

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

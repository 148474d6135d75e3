/**
 * The agent page's talk-time bands (`TALK_BUCKETS` of the API): their labels, and where the
 * effective-call threshold falls among them, so the chart can mark it.
 */
import { TALK_BUCKETS } from '../../../src-shared/api';

/** A number (or a span such as `10–30`) with its unit, in the UI language. */
export interface BandUnits {
  seconds(n: string): string;
  minutes(n: string): string;
}

/** Bounds under a minute read in seconds, from a minute up in minutes: `10–30 s`, `1–2 min`, `≥ 10 min`. */
export function talkBandLabels(units: BandUnits, bounds: readonly number[] = TALK_BUCKETS): string[] {
  const withUnit = (lower: number, text: (divisor: number) => string) =>
    lower < 60 ? units.seconds(text(1)) : units.minutes(text(60));
  const first = bounds[0]!;
  const last = bounds[bounds.length - 1]!;
  const labels = [`< ${withUnit(first, (d) => String(first / d))}`];
  for (let i = 1; i < bounds.length; i++) {
    const lower = bounds[i - 1]!;
    const upper = bounds[i]!;
    labels.push(withUnit(lower, (d) => `${lower / d}–${upper / d}`));
  }
  labels.push(`≥ ${withUnit(last, (d) => String(last / d))}`);
  return labels;
}

/**
 * Where the threshold sits on the bands' category axis, as a band index plus the fraction of the
 * way through that band (0 = its left edge). A threshold on a bound lands on the edge between two
 * bars; inside a band, proportionally within it; in the open last band, at its left edge.
 */
export function thresholdPosition(
  thresholdSeconds: number,
  bounds: readonly number[] = TALK_BUCKETS,
): { band: number; fraction: number } {
  let lower = 0;
  for (let band = 0; band < bounds.length; band++) {
    const upper = bounds[band]!;
    if (thresholdSeconds < upper) return { band, fraction: (thresholdSeconds - lower) / (upper - lower) };
    lower = upper;
  }
  return { band: bounds.length, fraction: 0 };
}

/** Whether every connect of a band is effective (its lower bound reaches the threshold). */
export function bandIsEffective(
  band: number,
  thresholdSeconds: number,
  bounds: readonly number[] = TALK_BUCKETS,
) {
  const lower = band === 0 ? 0 : bounds[band - 1]!;
  return lower >= thresholdSeconds;
}

/**
 * The composite score (综合得分), its grade (绩效等级) and the variable pay of the bonus sheet.
 * Score = Σ weight × min(attainment, cap) ÷ Σ weight, in points (100 = every target met). A KPI
 * without a target or without data (audit score before audits exist) is left out and its weight
 * shared among the others: the breakdown says which were left out.
 *
 * The lead's behaviour ratings can carry weights too: each rating counts as an attainment of
 * rating ÷ target rating (4 by default: 5 → 125 %, 4 → 100 %, 3 → 75 %, 2 → 50 %, 1 → 25 %), capped
 * like a KPI. An agent without a lead rating for the month has no data for that dimension: it is
 * left out and its weight shared among the others, exactly as for a KPI without data.
 */
import {
  DEFAULT_RATING_TARGET,
  RATING_DIMENSIONS,
  ratingAttainment,
  type ByDimension,
  type RatingDimension,
} from './ratings';
import { TARGET_KPIS, type TargetKpi } from './targets';

/** What a score is made of: the target KPIs, then the lead's rating dimensions. */
export const SCORE_ITEMS = [...TARGET_KPIS, ...RATING_DIMENSIONS] as const;
export type ScoreItem = TargetKpi | RatingDimension;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface ScoringProfile {
  /** relative weight per KPI (any scale; 0 = not scored) */
  weights: Record<TargetKpi, number>;
  /** relative weight per rating dimension, on the same scale as `weights`; absent = 0 (not scored) */
  ratingWeights?: ByDimension<number>;
  /** the rating that counts as 100 % attainment; absent = DEFAULT_RATING_TARGET */
  ratingTarget?: number;
  /** the most one KPI's attainment counts for, e.g. 1.2 = 120 % */
  cap: number;
  /** lowest score (points) of grades A, B and C; below C is D */
  bands: { A: number; B: number; C: number };
}

export const DEFAULT_PROFILE: Required<ScoringProfile> = {
  weights: {
    dialsPerDay: 15,
    connectRate: 10,
    effectiveTalkPerDay: 15,
    intents: 10,
    sales: 25,
    revenue: 25,
    auditScore: 0,
  },
  ratingWeights: { professionalism: 0, attitude: 0, learning: 0 },
  ratingTarget: DEFAULT_RATING_TARGET,
  cap: 1.2,
  bands: { A: 100, B: 85, C: 70 },
};

export function attainment(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return actual / target;
}

export interface ScorePart {
  /** the KPI or rating dimension */
  kpi: ScoreItem;
  weight: number;
  attainment: number | null;
  /** min(attainment, cap) */
  counted: number | null;
  /** points this KPI adds to the score (0 when left out) */
  points: number;
  /** no target or no data: the weight went to the others */
  leftOut: boolean;
}

export interface Score {
  score: number | null;
  parts: ScorePart[];
}

/** The weight of a KPI or rating dimension in a profile (a profile saved before ratings weighs them 0). */
export function weightOf(profile: ScoringProfile, item: ScoreItem): number {
  return (TARGET_KPIS as readonly string[]).includes(item)
    ? profile.weights[item as TargetKpi]
    : (profile.ratingWeights?.[item as RatingDimension] ?? 0);
}

/**
 * The weighted score. `ratings` are the lead's ratings (1–5) of the month; a dimension without one
 * is left out like a KPI without data.
 */
export function compositeScore(
  attainments: Partial<Record<TargetKpi, number | null>>,
  profile: ScoringProfile,
  ratings: Partial<ByDimension<number | null>> = {},
): Score {
  const targetRating = profile.ratingTarget ?? DEFAULT_RATING_TARGET;
  const attainmentOf = (item: ScoreItem): number | null =>
    (TARGET_KPIS as readonly string[]).includes(item)
      ? (attainments[item as TargetKpi] ?? null)
      : ratingAttainment(ratings[item as RatingDimension], targetRating);
  const counted = SCORE_ITEMS.filter((k) => weightOf(profile, k) > 0);
  const usable = counted.filter((k) => attainmentOf(k) !== null);
  const usedWeight = usable.reduce((sum, k) => sum + weightOf(profile, k), 0);
  const parts: ScorePart[] = counted.map((kpi) => {
    const a = attainmentOf(kpi);
    const c = a === null ? null : Math.min(a, profile.cap);
    const weight = weightOf(profile, kpi);
    return {
      kpi,
      weight,
      attainment: a,
      counted: c,
      points: c === null || usedWeight === 0 ? 0 : (100 * weight * c) / usedWeight,
      leftOut: c === null,
    };
  });
  if (usedWeight === 0) return { score: null, parts };
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

export function gradeOf(score: number | null, bands: ScoringProfile['bands']): Grade | null {
  if (score === null) return null;
  // A hair under a band from float sums (84.99999999) still reads as the band a person would compute.
  const s = score + 1e-9;
  if (s >= bands.A) return 'A';
  if (s >= bands.B) return 'B';
  if (s >= bands.C) return 'C';
  return 'D';
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; no score = no rank. */
export function rankByScore(scores: readonly (number | null)[]): (number | null)[] {
  const rounded = scores.map((s) => (s === null ? null : Math.round(s * 100) / 100));
  return rounded.map((s) => (s === null ? null : 1 + rounded.filter((o) => o !== null && o > s).length));
}

/** A commission band: `rate` applies to the part of revenue from `from` (minor units) up to the next band. */
export interface CommissionBand {
  from: number;
  rate: number;
}

export interface BonusSheet {
  /** the bonus (minor units) a coefficient of 1 pays */
  base: number;
  grades: Record<Grade, { coefficient: number; bands: CommissionBand[] }>;
}

export const DEFAULT_BONUS_SHEET: BonusSheet = {
  base: 200_000,
  grades: {
    A: {
      coefficient: 1.5,
      bands: [
        { from: 0, rate: 0.03 },
        { from: 5_000_000, rate: 0.05 },
      ],
    },
    B: { coefficient: 1, bands: [{ from: 0, rate: 0.03 }] },
    C: { coefficient: 0.6, bands: [{ from: 0, rate: 0.02 }] },
    D: { coefficient: 0, bands: [{ from: 0, rate: 0.01 }] },
  },
};

/** Marginal commission: each band's rate on the revenue that falls in it. */
export function commission(revenue: number, bands: readonly CommissionBand[]): number {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  let total = 0;
  sorted.forEach((band, i) => {
    const upTo = sorted[i + 1]?.from ?? Infinity;
    const inBand = Math.min(revenue, upTo) - band.from;
    if (inBand > 0) total += inBand * band.rate;
  });
  return Math.round(total);
}

export interface VariablePay {
  bonus: number;
  commission: number;
  total: number;
}

/** The month's variable pay for a grade and revenue (minor units); no grade (no score) pays none. */
export function variablePay(grade: Grade | null, revenue: number, sheet: BonusSheet): VariablePay | null {
  if (grade === null) return null;
  const rule = sheet.grades[grade];
  const bonus = Math.round(sheet.base * rule.coefficient);
  const c = commission(revenue, rule.bands);
  return { bonus, commission: c, total: bonus + c };
}

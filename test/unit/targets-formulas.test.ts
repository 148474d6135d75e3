/**
 * Worked examples for the targets formulas, computed by hand. October 2026 in a Chinese calendar:
 * National Day holidays 1–7 October, Saturday 10 October a make-up working day (调休).
 */
import { describe, expect, it } from 'vitest';
import { mad, median, robustZ } from '../../src-shared/anomalies';
import {
  attainment,
  commission,
  compositeScore,
  DEFAULT_BONUS_SHEET,
  gradeOf,
  rankByScore,
  variablePay,
  type ScoringProfile,
} from '../../src-shared/scoring';
import { addMonthsTo, WorkingDays } from '../../src-shared/targets-calendar';
import { decompose, pace, splitByWeights, suggestTarget, type MonthActuals } from '../../src-shared/targets';

const october = new WorkingDays({
  weekend: [6, 7],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
});

function actuals(a: Partial<MonthActuals>): MonthActuals {
  return {
    dials: 0,
    connects: 0,
    effectiveTalkSeconds: 0,
    intents: 0,
    sales: 0,
    revenue: 0,
    auditScore: null,
    ...a,
  };
}

describe('working-day calendar', () => {
  it('counts a month with holidays and a make-up working day', () => {
    // 22 weekdays, minus 5 holiday weekdays, plus Saturday 10 October.
    expect(october.count('2026-10-01', '2026-10-31')).toBe(18);
    expect(october.isWorking('2026-10-10')).toBe(true);
    expect(october.isWorking('2026-10-05')).toBe(false);
    // Elapsed by Friday 16 October: 8, 9, 10, 12–16.
    expect(october.count('2026-10-01', '2026-10-16')).toBe(8);
    expect(addMonthsTo('2026-01', -3)).toBe('2025-10');
  });
});

describe('pacing and forecast', () => {
  const full = { month: 18, available: 18, elapsed: 8 };

  it('paces a month total against the target pro-rated by working days elapsed', () => {
    const p = pace('sales', 36, actuals({ dials: 900, sales: 14 }), full);
    expect(p.expected).toBe(16); // 36 × 8 ÷ 18
    expect(p.pace).toBeCloseTo(0.875, 10); // 14 ÷ 16
    expect(p.forecast).toBeCloseTo(31.5, 10); // 14 + 14 ÷ 8 × 10
    expect(p.forecastAttainment).toBeCloseTo(0.875, 10);
    expect(p.neededPerDay).toBeCloseTo(2.2, 10); // (36 − 14) ÷ 10
    expect(p.remainingDays).toBe(10);
  });

  it('pro-rates a mid-month joiner from their first day', () => {
    // Joined Wednesday 14 October: 13 working days left in the month, 3 of them elapsed by the 16th.
    const days = { month: 18, available: october.count('2026-10-14', '2026-10-31'), elapsed: 3 };
    expect(days.available).toBe(13);
    const p = pace('sales', 36, actuals({ dials: 400, sales: 5 }), days);
    expect(p.target).toBe(26); // 36 × 13 ÷ 18
    expect(p.expected).toBe(6); // 26 × 3 ÷ 13
    expect(p.pace).toBeCloseTo(5 / 6, 10);
    expect(p.forecast).toBeCloseTo(5 + (5 / 3) * 10, 10);
    expect(p.neededPerDay).toBeCloseTo(2.1, 10); // (26 − 5) ÷ 10
  });

  it('paces a per-working-day KPI; an absent day counts as a working day with no dials', () => {
    const p = pace('dialsPerDay', 150, actuals({ dials: 1100 }), full);
    expect(p.actual).toBe(137.5);
    expect(p.pace).toBeCloseTo(137.5 / 150, 10);
    expect(p.forecast).toBe(137.5);
    expect(p.neededPerDay).toBe(160); // (150 × 18 − 1100) ÷ 10
  });

  it('zero dials: a rate has no data, a count is at 0 %', () => {
    const rate = pace('connectRate', 0.35, actuals({}), full);
    expect(rate.actual).toBeNull();
    expect(rate.pace).toBeNull();
    const dials = pace('dialsPerDay', 150, actuals({}), full);
    expect(dials.pace).toBe(0);
    expect(dials.neededPerDay).toBe(270);
  });

  it('before the first working day there is no pace and no forecast', () => {
    const p = pace('sales', 36, actuals({}), { month: 18, available: 18, elapsed: 0 });
    expect(p.pace).toBeNull();
    expect(p.forecast).toBeNull();
    expect(p.neededPerDay).toBe(2);
  });
});

describe('decomposition', () => {
  it('splits evenly with largest remainders, holding the sum', () => {
    expect(decompose('sales', 100, 'even', [1, 1, 1])).toEqual([34, 33, 33]);
    // Revenue in whole currency units: 10,000.00 over three agents.
    expect(decompose('revenue', 1_000_000, 'even', [0, 0, 0])).toEqual([333_400, 333_300, 333_300]);
  });

  it('splits by share of the last three months', () => {
    // quotas 50.5, 30.3, 20.2: floors 50, 30, 20 and the one unit left to the largest remainder.
    expect(decompose('sales', 101, 'share', [50, 30, 20])).toEqual([51, 30, 20]);
    expect(splitByWeights(10, [0, 0], 1)).toEqual([5, 5]);
  });

  it('by hand: the numbers the lead did not fix are rescaled to hold the team target', () => {
    const hand = { values: [50, 30, 30], fixed: [true, false, false] };
    expect(decompose('sales', 100, 'hand', [0, 0, 0], hand)).toEqual([50, 25, 25]);
    const sum = decompose('sales', 97, 'hand', [0, 0, 0], {
      values: [40, 20, 10],
      fixed: [true, false, false],
    });
    expect(sum).toEqual([40, 38, 19]); // 57 split 2:1 → 38, 19
    expect(sum.reduce((a, b) => a + b)).toBe(97);
  });
});

describe('suggestions from history', () => {
  const history = [
    { actuals: actuals({ dials: 3000, connects: 1050, sales: 20 }), workingDays: 20 },
    { actuals: actuals({ dials: 3520, connects: 1232, sales: 33 }), workingDays: 22 },
    { actuals: actuals({ dials: 2940, connects: 882, sales: 21 }), workingDays: 21 },
  ];
  it('takes the median of the last three months with the uplift', () => {
    expect(suggestTarget('dialsPerDay', history, 18, 0.1)).toBe(165); // median(150, 160, 140) × 1.1
    expect(suggestTarget('sales', history, 18, 0.1)).toBe(20); // median(18, 27, 18) × 1.1 = 19.8
    expect(suggestTarget('connectRate', history, 18, 0.1)).toBe(0.385); // median(.35, .35, .30) × 1.1
    expect(suggestTarget('auditScore', history, 18, 0.1)).toBeNull(); // no audits yet
  });
});

describe('composite score, grade, ranking and bonus', () => {
  const profile: ScoringProfile = {
    weights: {
      dialsPerDay: 20,
      connectRate: 10,
      effectiveTalkPerDay: 0,
      intents: 0,
      sales: 40,
      revenue: 30,
      auditScore: 10,
    },
    cap: 1.2,
    bands: { A: 100, B: 85, C: 70 },
  };

  it('weights capped attainments and shares the weight of a KPI without data', () => {
    const s = compositeScore(
      { dialsPerDay: 0.9, connectRate: 1.1, sales: 1.5, revenue: 0.8, auditScore: null },
      profile,
    );
    // Audit score (weight 10 of 110) has no data: (20 × 0.9 + 10 × 1.1 + 40 × 1.2 + 30 × 0.8) ÷ 100 = 101 points
    expect(s.score).toBeCloseTo(101, 10);
    const sales = s.parts.find((p) => p.kpi === 'sales')!;
    expect(sales.counted).toBe(1.2);
    expect(sales.points).toBeCloseTo(48, 10);
    expect(s.parts.find((p) => p.kpi === 'auditScore')!.leftOut).toBe(true);
    expect(gradeOf(s.score, profile.bands)).toBe('A');
  });

  it('grades by bands and ranks with ties', () => {
    expect(
      gradeOf(
        compositeScore({ dialsPerDay: 0.8, connectRate: 0.8, sales: 0.8, revenue: 0.8 }, profile).score,
        profile.bands,
      ),
    ).toBe('C');
    expect(gradeOf(85, profile.bands)).toBe('B');
    expect(gradeOf(69.9, profile.bands)).toBe('D');
    expect(gradeOf(null, profile.bands)).toBeNull();
    expect(rankByScore([90, 95, 90, null, 80])).toEqual([2, 1, 2, null, 4]);
    expect(attainment(0, 0)).toBeNull();
  });

  it('pays the grade bonus and marginal commission bands', () => {
    // A: 2,000.00 × 1.5; 3 % on the first 50,000.00 and 5 % on the 30,000.00 above.
    expect(variablePay('A', 8_000_000, DEFAULT_BONUS_SHEET)).toEqual({
      bonus: 300_000,
      commission: 300_000,
      total: 600_000,
    });
    expect(commission(1_000_000, [{ from: 0, rate: 0.02 }])).toBe(20_000);
    expect(variablePay(null, 8_000_000, DEFAULT_BONUS_SHEET)).toBeNull();
  });
});

describe('robust statistics', () => {
  it('median, MAD and robust z', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(robustZ(10, [1, 2, 3, 4, 100], 5)).toBeCloseTo(7 / 1.4826, 10);
    expect(robustZ(10, [5, 5, 5], 3)).toBeNull();
  });
});

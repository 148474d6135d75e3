/** Agreement statistics against values computed by hand and published worked examples. */
import { describe, expect, it } from 'vitest';
import { cohenKappa, countMatrix, fleissKappa, pairAgreement } from '../../src-shared/agreement';

describe('Fleiss kappa', () => {
  it('matches the worked example on Wikipedia (10 subjects, 14 raters, 5 categories): κ ≈ 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // P̄ = 0.378, P̄e = 0.2128… → κ = 0.2099…
    expect(fleissKappa(counts)).toBeCloseTo(0.20993, 4);
  });

  it('a small case by hand: 3 raters, 2 items', () => {
    // item 1: yes yes yes → P1 = 1; item 2: yes no no → P2 = (1+4-3)/6 = 1/3; P̄ = 2/3
    // p_yes = 4/6, p_no = 2/6 → P̄e = 16/36 + 4/36 = 5/9; κ = (2/3 − 5/9) / (4/9) = 1/4
    expect(
      fleissKappa(
        countMatrix([
          ['yes', 'yes', 'yes'],
          ['yes', 'no', 'no'],
        ]),
      ),
    ).toBeCloseTo(0.25, 12);
    expect(pairAgreement(['yes', 'no', 'no'])).toBeCloseTo(1 / 3, 12);
    expect(pairAgreement(['yes'])).toBeNull();
  });

  it('is undefined when every answer is the same category, or rows disagree on the rater count', () => {
    expect(fleissKappa([[3], [3]])).toBeNull();
    expect(
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });
});

describe('Cohen kappa', () => {
  it('matches the yes/no example on Wikipedia (50 items; 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no): κ = 0.4', () => {
    const first = [...Array(25).fill('yes'), ...Array(25).fill('no')] as string[];
    const second = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('no'),
      ...Array(10).fill('yes'),
      ...Array(15).fill('no'),
    ] as string[];
    // p_o = 35/50 = 0.7; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5 → κ = 0.4
    expect(cohenKappa(first, second)).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement and undefined when both always answer the same', () => {
    expect(cohenKappa(['yes', 'no', '3'], ['yes', 'no', '3'])).toBe(1);
    expect(cohenKappa(['yes', 'yes'], ['yes', 'yes'])).toBeNull();
  });
});

describe('QA analytics arithmetic', () => {
  it('mean with a 95 % t interval, by hand', async () => {
    const { meanWithInterval, isItemFailure } = await import('../../src-shared/audit-stats');
    // 60, 70, 80: mean 70, sd 10, t(2) = 4.303 → margin 4.303 × 10 / √3 = 24.843…
    const m = meanWithInterval([60, 70, 80]);
    expect(m.mean).toBe(70);
    expect(m.margin).toBeCloseTo((4.303 * 10) / Math.sqrt(3), 10);
    expect(meanWithInterval([55])).toEqual({ n: 1, mean: 55, margin: null });
    expect(meanWithInterval([])).toEqual({ n: 0, mean: null, margin: null });
    expect(['yes', 'no', 'na', '1', '2', '3', '5'].map((v) => isItemFailure(v as 'yes'))).toEqual([
      false,
      true,
      null,
      true,
      true,
      false,
      false,
    ]);
  });
});

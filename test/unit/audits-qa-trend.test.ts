/**
 * The QA chart's numbers: weekly buckets start on Monday, long ranges switch to months, each
 * bucket's mean and 95 % interval match a hand computation, and a pass line is drawn only when
 * every scorecard behind the audits has the same pass mark.
 */
import { describe, expect, it } from 'vitest';
import { commonPassMark, scoreTrend, trendBucket, trendUnit } from '../../src-shared/audit-stats';

describe('QA score trend', () => {
  it('weeks up to 120 days, months beyond', () => {
    expect(trendUnit('2026-01-01', '2026-04-30')).toBe('week'); // 120 days
    expect(trendUnit('2026-01-01', '2026-05-01')).toBe('month');
    expect(trendBucket('2026-11-22', 'week')).toBe('2026-11-16'); // a Sunday → its Monday
    expect(trendBucket('2026-11-16', 'week')).toBe('2026-11-16');
    expect(trendBucket('2026-11-22', 'month')).toBe('2026-11-01');
  });

  it('means and 95 % intervals per week, by hand', () => {
    const trend = scoreTrend(
      [
        { day: '2026-11-18', score: 80 },
        { day: '2026-11-10', score: 50 },
        { day: '2026-11-16', score: 60 },
        { day: '2026-11-22', score: 70 },
        { day: '2026-11-11', score: 70 },
      ],
      'week',
    );
    expect(trend.map((p) => p.start)).toEqual(['2026-11-09', '2026-11-16']);
    // Week of 11-09: 50, 70 → mean 60, s = √200, t(1) = 12.706 → margin 12.706 × √200 / √2 = 127.06.
    expect(trend[0]).toMatchObject({ n: 2, mean: 60 });
    expect(trend[0]!.margin).toBeCloseTo(127.06, 9);
    // Week of 11-16: 60, 80, 70 → mean 70, s = 10, t(2) = 4.303 → margin 4.303 × 10 / √3.
    expect(trend[1]).toMatchObject({ n: 3, mean: 70 });
    expect(trend[1]!.margin).toBeCloseTo((4.303 * 10) / Math.sqrt(3), 9);
  });

  it('one audit in a month: a mean without an interval', () => {
    expect(scoreTrend([{ day: '2026-03-09', score: 90 }], 'month')).toEqual([
      { start: '2026-03-01', n: 1, mean: 90, margin: null },
    ]);
  });

  it('a pass line only when all scorecards share it', () => {
    expect(commonPassMark([80, 80])).toBe(80);
    expect(commonPassMark([80, 70])).toBeNull();
    expect(commonPassMark([80, null])).toBeNull();
    expect(commonPassMark([null])).toBeNull();
    expect(commonPassMark([])).toBeNull();
  });
});

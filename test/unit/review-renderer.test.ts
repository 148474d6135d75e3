/** The review's pure renderer modules: the battle report's day, and the leaderboard's pace and change sorts. */
import { describe, expect, it } from 'vitest';
import { nextOrder, sortAgentRows } from '../../src-renderer/pages/dashboard/agent-sort';
import { battleDayFor } from '../../src-renderer/pages/review/battle-day';
import type { MetricsRow } from '../../src-shared/api';
import { emptyCounts, kpiValues } from '../../src-shared/kpi';

describe('battleDayFor', () => {
  it('takes the last day with calls when the filter ends later (Monday morning: Friday)', () => {
    expect(battleDayFor({ to: '2026-12-07' }, '2026-12-04')).toBe('2026-12-04');
  });
  it('takes the filter’s last day otherwise', () => {
    expect(battleDayFor({ to: '2026-11-30' }, '2026-12-04')).toBe('2026-11-30');
    expect(battleDayFor({ to: '2026-11-30' }, null)).toBe('2026-11-30');
  });
});

describe('sorting the leaderboard by pace and by change', () => {
  const row = (id: number, code: string): MetricsRow => ({
    id,
    key: code,
    label: code,
    ...kpiValues({ ...emptyCounts(), dials: 10 }),
  });
  const rows = [row(1, '8001'), row(2, '8002'), row(3, '8003'), row(4, '8004')];
  const pace = new Map<number, number | null>([
    [1, 0.95],
    [2, null],
    [3, 0.62],
    [4, 1.1],
  ]);
  const derived = { pace: (r: MetricsRow) => pace.get(r.id!) ?? null, change: () => null };

  it('a first click on pace puts the worst first; no pace sinks to the bottom either way', () => {
    const order = nextOrder({ column: 'dials', direction: 'desc' }, 'pace');
    expect(order).toEqual({ column: 'pace', direction: 'asc' });
    expect(sortAgentRows(rows, order, derived).map((r) => r.id)).toEqual([3, 1, 4, 2]);
    const again = nextOrder(order, 'pace');
    expect(sortAgentRows(rows, again, derived).map((r) => r.id)).toEqual([4, 1, 3, 2]);
  });

  it('a first click on change also sorts ascending (the biggest drop first)', () => {
    expect(nextOrder({ column: 'pace', direction: 'asc' }, 'change')).toEqual({
      column: 'change',
      direction: 'asc',
    });
  });
});

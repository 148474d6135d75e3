/**
 * Honest comparisons on the pinned Monday (2026-12-07, test/pinned-clock.ts): the workspace says
 * what "today" is and which days are working days; a month to date is compared with the same
 * working days of the month before — on the dashboard's summary and in a report of the running
 * month, which is reported to yesterday and says so. Expected days are counted by hand on the
 * 2026 calendar; expected numbers are summed from the rollup with plain SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { now } from '../../src-main/clock';
import { reportFor } from '../../src-main/reports/generate';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

let t: TestWorkspace;

async function dials(from: string, to: string): Promise<number> {
  const days = await t.ws.kysely
    .selectFrom('daily_agent_stats')
    .select('dials')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return days.reduce((sum, d) => sum + d.dials, 0);
}

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
  const { jobId } = await t.call('demo.load', { agents: 5, days: 50, seed: 7 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
});

afterAll(async () => {
  await t.close();
});

describe('a month to date', () => {
  it('knows today from the pinned clock and hands the calendar to the renderer', async () => {
    const info = await t.call('workspace.info');
    expect(info.today).toBe('2026-12-07');
    expect(info.calendar).toEqual({ weekend: [6, 7], holidays: [], workdays: [] });
    // the demo ends yesterday (a Sunday) in the pinned clock's time
    expect(info.lastDay! <= '2026-12-06').toBe(true);
  });

  it('compares 1-7 December (5 working days) with 1-6 November (its first 5 working days)', async () => {
    const s = await t.call('metrics.summary', {
      filter: { from: '2026-12-01', to: '2026-12-07' },
    });
    expect(s.previousRange).toEqual({ from: '2026-11-01', to: '2026-11-06' });
    expect(s.comparison).toEqual({ basis: 'sameWorkingDays', workingDays: 5 });
    expect(s.current.dials).toBe(await dials('2026-12-01', '2026-12-07'));
    expect(s.previous.dials).toBe(await dials('2026-11-01', '2026-11-06'));
  });

  it('follows the workspace calendar: a holiday on 1 December leaves 4 working days', async () => {
    await t.call('targets.setCalendar', { weekend: [6, 7], holidays: ['2026-12-01'], workdays: [] });
    try {
      const s = await t.call('metrics.summary', {
        filter: { from: '2026-12-01', to: '2026-12-07' },
      });
      // November's 4th working day is Thursday the 5th
      expect(s.previousRange).toEqual({ from: '2026-11-01', to: '2026-11-05' });
      expect(s.comparison.workingDays).toBe(4);
    } finally {
      await t.call('targets.setCalendar', { weekend: [6, 7], holidays: [], workdays: [] });
    }
  });

  it('reports the running month to yesterday against the same working days, and says so', async () => {
    const report = await reportFor(
      t.ws,
      { period: { kind: 'month', month: '2026-12' }, scope: { kind: 'floor' }, language: 'en' },
      now(),
    );
    // 1-6 December has 4 working days (Tue-Fri); November's 4th is Thursday the 5th
    expect(report.range).toEqual({ from: '2026-12-01', to: '2026-12-06' });
    expect(report.lines.join('\n')).toContain('Month to date');
    const summary = report.tables.find((x) => x.id === 'summary')!;
    const row = summary.rows.find((r) => r.kpi === 'dials')!;
    expect(row.current).toBe(await dials('2026-12-01', '2026-12-06'));
    expect(row.previous).toBe(await dials('2026-11-01', '2026-11-05'));
    expect(summary.note).toContain('2026-11-01');
    expect(summary.note).toContain('2026-11-05');

    // a finished month is the whole month against the whole month before, without the to-date line
    const november = await reportFor(
      t.ws,
      { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'floor' }, language: 'zh-CN' },
      now(),
    );
    expect(november.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(november.lines.join('\n')).not.toContain('本月至今');
    const novRow = november.tables.find((x) => x.id === 'summary')!.rows.find((r) => r.kpi === 'dials')!;
    expect(novRow.previous).toBe(await dials('2026-10-01', '2026-10-31'));
  });
});

/**
 * Per-team working days: a team that works Saturdays (单休, 大小周, a weekend team) counts its own
 * working days in targets, pacing, plans, "last working day" and the comparison by working days,
 * while a team without a calendar of its own keeps the workspace's (Monday–Friday here).
 *
 * The clock is pinned (test/pinned-clock.ts): Monday 2026-12-07 in Shanghai, so month-to-date runs
 * to Sunday 6 December. Worked by hand from a wall calendar:
 * - December 2026 starts on a Tuesday; Saturdays 5/12/19/26, Sundays 6/13/20/27.
 *   Monday–Friday: 31 − 8 = 23 working days, 4 of them by the 6th (1–4).
 *   Monday–Saturday: 31 − 4 = 27 working days, 5 of them by the 6th (1–5).
 * - September 2026 (30 days) starts on a Tuesday; Sundays 6/13/20/27, Saturdays 5/12/19/26.
 *   Monday–Saturday: 30 − 4 = 26; Monday–Friday: 30 − 8 = 22.
 * - November 2026 starts on a Sunday: its 4th working day Monday–Friday is Thursday the 5th, its
 *   5th Monday–Saturday Friday the 6th.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaceRow, Filter } from '../../src-shared/api';
import { presetRange } from '../../src-shared/periods';
import { CalendarBook, type WorkCalendar } from '../../src-shared/targets-calendar';
import { now } from '../../src-main/clock';
import { reportFor } from '../../src-main/reports/generate';
import { countRows, openTestWorkspace, type TestWorkspace } from '../helpers';

const MON_FRI: WorkCalendar = { weekend: [6, 7], holidays: [], workdays: [] };
const MON_SAT: WorkCalendar = { weekend: [7], holidays: [], workdays: [] };

describe('a team calendar on top of the workspace calendar', () => {
  it('counts 26 working days in September 2026 for a Monday–Saturday team, 22 for the rest', () => {
    const book = new CalendarBook(MON_FRI, [{ teamId: 2, ...MON_SAT }]);
    expect(book.forTeam(2).count('2026-09-01', '2026-09-30')).toBe(26);
    expect(book.forTeam(1).count('2026-09-01', '2026-09-30')).toBe(22);
    expect(book.forTeam(null).count('2026-09-01', '2026-09-30')).toBe(22);
  });

  it("keeps the workspace's holidays for the team unless the team's own days say otherwise", () => {
    // 15 September 2026 is a Tuesday: a holiday for everyone, except team 3 works it.
    const workspace = { ...MON_FRI, holidays: ['2026-09-15'] };
    const book = new CalendarBook(workspace, [
      { teamId: 2, ...MON_SAT },
      { teamId: 3, ...MON_SAT, workdays: ['2026-09-15'] },
      // 大小周: off on Saturdays except the 12th and the 26th
      { teamId: 4, ...MON_FRI, workdays: ['2026-09-12', '2026-09-26'] },
    ]);
    expect(book.forTeam(2).count('2026-09-01', '2026-09-30')).toBe(25);
    expect(book.forTeam(3).count('2026-09-01', '2026-09-30')).toBe(26);
    expect(book.forTeam(4).count('2026-09-01', '2026-09-30')).toBe(22 - 1 + 2);
    expect(book.workspace.count('2026-09-01', '2026-09-30')).toBe(21);
  });

  it("lands a Monday's 'last working day' on Saturday for the Saturday team, Friday for the rest", () => {
    const book = new CalendarBook(MON_FRI, [{ teamId: 2, ...MON_SAT }]);
    expect(presetRange('lastWorkingDay', '2026-12-07', book.forTeam(2))).toEqual({
      from: '2026-12-05',
      to: '2026-12-05',
    });
    expect(presetRange('lastWorkingDay', '2026-12-07', book.forTeam(1))).toEqual({
      from: '2026-12-04',
      to: '2026-12-04',
    });
  });
});

describe('per-team working days through the API', () => {
  let t: TestWorkspace;
  let weekdayTeam: number;
  let saturdayTeam: number;
  const agentIds = new Map<string, number>();

  beforeAll(async () => {
    t = await openTestWorkspace();
    // Ten dials a working day, one of them a sale: 9001 (Mon–Fri) on 1–4 December and in
    // September, 9002 (the Saturday team) on 1–5 December.
    const rows = [
      'call_id,agent_code,agent_name,team,started_at,phone,direction,disposition,talk_seconds,outcome',
    ];
    const dial = (agent: string, team: string, day: string) => {
      for (let i = 0; i < 10; i++)
        rows.push(
          `${agent}-${day}-${i},${agent},${agent === '9001' ? '王芳' : '赵磊'},${team},${day} 1${i}:00:00,` +
            `1380000${agent.slice(1)}${i},outbound,connected,90,${i === 0 ? 'sale' : ''}`,
        );
    };
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) dial('9001', '工作日组', day);
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'])
      dial('9002', '周六组', day);
    const file = path.join(t.dir, 'team-calendars.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    expect((await t.importFile(file)).status).toBe('done');

    const teams = await t.call('teams.list');
    weekdayTeam = teams.find((x) => x.name === '工作日组')!.id;
    saturdayTeam = teams.find((x) => x.name === '周六组')!.id;
    for (const a of await t.call('agents.list')) agentIds.set(a.code, a.id);

    await t.call('targets.setCalendar', MON_FRI);
    await t.call('targets.setTeamCalendar', { teamId: saturdayTeam, calendar: MON_SAT });
    await t.call('targets.set', {
      month: '2026-12',
      entries: ['9001', '9002'].flatMap((code) => [
        { scope: 'agent' as const, scopeId: agentIds.get(code)!, kpi: 'dialsPerDay' as const, value: 10 },
        { scope: 'agent' as const, scopeId: agentIds.get(code)!, kpi: 'sales' as const, value: 27 },
      ]),
    });
  });
  afterAll(() => t.close());

  const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
  const pacing = (filter: Filter) => t.call('targets.pacing', { filter });
  const kpi = (rows: PaceRow[], name: string) => rows.find((r) => r.kpi === name)!;

  it('stores the team calendar and lists it in workspace.info', async () => {
    expect(await t.call('targets.teamCalendars')).toEqual([{ teamId: saturdayTeam, ...MON_SAT }]);
    const info = await t.call('workspace.info');
    expect(info.teamCalendars).toEqual([{ teamId: saturdayTeam, ...MON_SAT }]);
    expect(info.calendar.weekend).toEqual([6, 7]);
  });

  it('paces the Saturday team on 27 working days, 5 gone by the 6th; the other team on 23 and 4', async () => {
    const saturday = await pacing({ ...DECEMBER, teamId: saturdayTeam });
    expect(saturday).toMatchObject({ applies: true, asOf: '2026-12-06', workingDays: 27, elapsedDays: 5 });
    const weekday = await pacing({ ...DECEMBER, teamId: weekdayTeam });
    expect(weekday).toMatchObject({ applies: true, asOf: '2026-12-06', workingDays: 23, elapsedDays: 4 });
  });

  it('gives both agents, ten dials on each of their working days, a pace of exactly 100 %', async () => {
    // 9002: 50 dials over 5 working days = 10 a day against 10. On the workspace's Monday–Friday
    // it would read 50 / 4 = 12.5 a day, 125 %.
    const p = await pacing({ ...DECEMBER, agentId: agentIds.get('9002')! });
    expect(p).toMatchObject({ workingDays: 27, elapsedDays: 5 });
    expect(kpi(p.kpis, 'dialsPerDay')).toMatchObject({ actual: 10, pace: 1, remainingDays: 22 });
    // 5 sales by day 5 of 27 against 27 for the month: expected 27 × 5 / 27 = 5, need 22 / 22 = 1 a day.
    expect(kpi(p.kpis, 'sales')).toMatchObject({ actual: 5, expected: 5, pace: 1, neededPerDay: 1 });

    // 9001: 40 dials over 4 of 23 working days; sales expected 27 × 4 / 23, needs 23 / 19 a day.
    const w = await pacing({ ...DECEMBER, agentId: agentIds.get('9001')! });
    expect(w).toMatchObject({ workingDays: 23, elapsedDays: 4 });
    expect(kpi(w.kpis, 'dialsPerDay')).toMatchObject({ actual: 10, pace: 1, remainingDays: 19 });
    const sales = kpi(w.kpis, 'sales');
    expect(sales.expected).toBeCloseTo((27 * 4) / 23, 10);
    expect(sales.neededPerDay).toBeCloseTo(23 / 19, 10);
  });

  it("paces each agent row of the whole floor on the agent's own team calendar", async () => {
    const floor = await pacing(DECEMBER);
    expect(floor).toMatchObject({ workingDays: 23, elapsedDays: 4 });
    for (const code of ['9001', '9002']) {
      const row = floor.agents.find((a) => a.agentId === agentIds.get(code))!;
      expect(kpi(row.kpis, 'dialsPerDay').pace).toBe(1);
    }
  });

  it("scores the month to date on each agent's team's working days", async () => {
    const scores = await t.call('targets.scores', { month: '2026-12' });
    const attainment = (code: string, item: string) =>
      scores.rows.find((r) => r.agentId === agentIds.get(code))!.parts.find((p) => p.kpi === item)!
        .attainment;
    // 9002: 10 dials a day against 10; 5 sales against 27 × 5 / 27 = 5.
    expect(attainment('9002', 'dialsPerDay')).toBe(1);
    expect(attainment('9002', 'sales')).toBe(1);
    // 9001: 4 sales against 27 × 4 / 23 -> 23 / 27.
    expect(attainment('9001', 'dialsPerDay')).toBe(1);
    expect(attainment('9001', 'sales')).toBeCloseTo(23 / 27, 10);
  });

  it("plans January 2027 on each team's own working days", async () => {
    // January 2027 starts on a Friday: 5 Saturdays, 5 Sundays -> Monday–Friday 21, Monday–Saturday 26.
    const plan = await t.call('targets.plan', { month: '2027-01', uplift: 0 });
    expect(plan.workingDays).toBe(21);
    expect(plan.teams.find((x) => x.teamId === saturdayTeam)?.workingDays).toBe(26);
    expect(plan.teams.find((x) => x.teamId === weekdayTeam)?.workingDays).toBe(21);
    // History is December to date: 9002 sold 5 in 5 of its working days -> 26 in January, at 10
    // dials a day; 9001 sold 4 in 4 -> 21. (Counted Monday–Friday, 9002 would read 12.5 a day.)
    const suggested = (code: string) => plan.agents.find((a) => a.agentId === agentIds.get(code))!.values;
    expect(suggested('9002')).toMatchObject({ dialsPerDay: 10, sales: 26 });
    expect(suggested('9001')).toMatchObject({ dialsPerDay: 10, sales: 21 });
  });

  it('compares a team month-to-date with the same number of its own working days last month', async () => {
    const summary = (teamId: number) =>
      t.call('metrics.summary', {
        filter: { from: '2026-12-01', to: '2026-12-06', teamId },
      });
    const saturday = await summary(saturdayTeam);
    expect(saturday.comparison).toEqual({ basis: 'sameWorkingDays', workingDays: 5 });
    expect(saturday.previousRange).toEqual({ from: '2026-11-01', to: '2026-11-06' });
    const weekday = await summary(weekdayTeam);
    expect(weekday.comparison).toEqual({ basis: 'sameWorkingDays', workingDays: 4 });
    expect(weekday.previousRange).toEqual({ from: '2026-11-01', to: '2026-11-05' });
  });

  it("compares an agent's orders, and a team's report, on the team's working days too", async () => {
    const orders = await t.call('orders.summary', {
      filter: { from: '2026-12-01', to: '2026-12-06', agentId: agentIds.get('9002')! },
    });
    expect(orders.previousRange).toEqual({ from: '2026-11-01', to: '2026-11-06' });
    const note = async (teamId: number) =>
      (
        await reportFor(
          t.ws,
          {
            period: { kind: 'custom', from: '2026-12-01', to: '2026-12-06' },
            scope: { kind: 'team', teamId },
            language: 'en',
          },
          now(),
        )
      ).tables.find((x) => x.id === 'summary')!.note;
    expect(await note(saturdayTeam)).toContain('2026-11-01 – 2026-11-06');
    expect(await note(weekdayTeam)).toContain('2026-11-01 – 2026-11-05');
  });

  it('refuses a calendar for a team that does not exist, and lets a team follow the workspace again', async () => {
    await expect(t.call('targets.setTeamCalendar', { teamId: 9999, calendar: MON_SAT })).rejects.toThrow(
      /not_found: team 9999/,
    );
    await t.call('targets.setTeamCalendar', { teamId: saturdayTeam, calendar: null });
    expect(await pacing({ ...DECEMBER, teamId: saturdayTeam })).toMatchObject({
      workingDays: 23,
      elapsedDays: 4,
    });
    await t.call('targets.setTeamCalendar', { teamId: saturdayTeam, calendar: MON_SAT });
  });

  it("drops a team's calendar with the team when it is merged into another", async () => {
    await t.call('teams.merge', { fromId: saturdayTeam, intoId: weekdayTeam });
    expect(await t.call('targets.teamCalendars')).toEqual([]);
    expect(await countRows(t, 'team_calendar_days')).toBe(0);
  });
});

/**
 * An agent who moved: 9003 was in the Saturday team until Sunday 15 November 2026 and has been in
 * the weekday team since Monday the 16th. November 2026 starts on a Sunday; by hand:
 * - 1–15 on Monday–Saturday: 15 days less Sundays 1, 8, 15 = 12 working days;
 * - 16–30 on Monday–Friday: 15 days less Saturdays 21, 28 and Sundays 22, 29 = 11;
 * so 23 working days, where the weekday team's whole month has 21 and the Saturday team's 25.
 * The agent dials ten times and sells once on each of those 23 days.
 */
describe('the working days of an agent who moved between teams with different calendars', () => {
  let t: TestWorkspace;
  let agentId: number;
  const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
  const workedDays: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const day = `2026-11-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday
    if (d <= 15 ? weekday !== 0 : weekday !== 0 && weekday !== 6) workedDays.push(day);
  }

  beforeAll(async () => {
    expect(workedDays.length).toBe(23); // the count worked by hand above
    t = await openTestWorkspace();
    const rows = [
      'call_id,agent_code,agent_name,team,started_at,phone,direction,disposition,talk_seconds,outcome',
    ];
    for (const day of workedDays)
      for (let i = 0; i < 10; i++)
        rows.push(
          `9003-${day}-${i},9003,孙丽,周六组,${day} 1${i}:00:00,1390000${String(i).padStart(4, '0')},outbound,connected,90,${i === 0 ? 'sale' : ''}`,
        );
    const file = path.join(t.dir, 'moved.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    expect((await t.importFile(file)).status).toBe('done');
    const saturdayTeam = (await t.call('teams.list')).find((x) => x.name === '周六组')!.id;
    const weekdayTeam = (await t.call('teams.create', { name: '工作日组' })).id;
    agentId = (await t.call('agents.list')).find((a) => a.code === '9003')!.id;
    await t.call('targets.setCalendar', MON_FRI);
    await t.call('targets.setTeamCalendar', { teamId: saturdayTeam, calendar: MON_SAT });
    await t.call('agents.update', { id: agentId, teamId: weekdayTeam, since: '2026-11-16' });
    await t.call('targets.set', {
      month: '2026-11',
      entries: [
        { scope: 'agent', scopeId: agentId, kpi: 'dialsPerDay', value: 10 },
        { scope: 'agent', scopeId: agentId, kpi: 'sales', value: 23 },
      ],
    });
  });
  afterAll(() => t.close());

  it("paces the month on each day's team: 23 working days, ten dials a day, on pace", async () => {
    const p = await t.call('targets.pacing', { filter: { ...NOVEMBER, agentId } });
    expect(p).toMatchObject({ applies: true, workingDays: 23, elapsedDays: 23 });
    expect(p.kpis.find((k) => k.kpi === 'dialsPerDay')).toMatchObject({ actual: 10, pace: 1 });
    expect(p.kpis.find((k) => k.kpi === 'sales')).toMatchObject({ actual: 23, expected: 23, pace: 1 });
    const floor = await t.call('targets.pacing', { filter: NOVEMBER });
    const row = floor.agents.find((a) => a.agentId === agentId)!;
    expect(row.kpis.find((k) => k.kpi === 'dialsPerDay')!.pace).toBe(1);
  });

  it("scores the month on each day's team's working days", async () => {
    const scores = await t.call('targets.scores', { month: '2026-11' });
    const parts = scores.rows.find((r) => r.agentId === agentId)!.parts;
    expect(parts.find((p) => p.kpi === 'dialsPerDay')!.attainment).toBe(1);
    expect(parts.find((p) => p.kpi === 'sales')!.attainment).toBe(1);
  });

  it("plans December from November's ten dials on each of its 23 working days", async () => {
    // December on the weekday team (the agent's now): 23 working days (see the top of this file).
    const plan = await t.call('targets.plan', { month: '2026-12', uplift: 0 });
    expect(plan.agents.find((a) => a.agentId === agentId)!.values).toMatchObject({
      dialsPerDay: 10,
      sales: 23,
    });
  });
});

/**
 * The morning review (issue 19) on real workspaces: the battle report's text, exact, for a day made
 * by hand, and its PNG from the real Chromium; "needs attention" on a seeded demo floor against
 * pace computed here from the raw calls; exports read back with exceljs and our CSV reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src-main/demo/load-demo';
import { CsvReader } from '../../src-main/import/csv';
import type { AttentionAgent } from '../../src-shared/api';
import { openTestWorkspace, type TestWorkspace, answersIn } from '../helpers';

/** A CSV's cells through the import's own reader. */
function parseCsvText(text: string): string[][] {
  const reader = new CsvReader(',');
  return [...reader.push(text), ...reader.end()].map((r) => r.cells);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the daily battle report (战报) of a hand-made day', () => {
  let t: TestWorkspace;
  let teamOne: number;

  beforeAll(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', currency: 'CNY' });
    // Friday 2026-11-13, local times; one sale the day before (month to date).
    const lines = [
      'call_id,agent_code,agent_name,team,campaign,started_at,direction,disposition,talk_seconds,outcome,sale_amount',
      'A1,8001,张伟,一组,C,2026-11-13 09:15:00,outbound,connected,60,sale,1999.00',
      'A2,8001,张伟,一组,C,2026-11-13 14:02:00,outbound,connected,40,sale,599.00',
      'A3,8001,张伟,一组,C,2026-11-13 15:00:00,outbound,no_answer,0,none,',
      'A4,8001,张伟,一组,C,2026-11-13 15:10:00,outbound,no_answer,0,none,',
      'B1,8002,李娜,一组,C,2026-11-13 09:00:00,outbound,connected,50,intent,',
      'B2,8002,李娜,一组,C,2026-11-13 09:30:00,outbound,connected,20,none,',
      'B3,8002,李娜,一组,C,2026-11-13 11:00:00,outbound,busy,0,none,',
      'C1,8003,王强,二组,C,2026-11-13 10:30:00,outbound,connected,90,sale,3000.00',
      'C2,8003,王强,二组,C,2026-11-13 16:00:00,outbound,no_answer,0,none,',
      'D1,8001,张伟,一组,C,2026-11-12 11:00:00,outbound,connected,80,sale,1000.00',
    ];
    const file = path.join(t.dir, 'day.csv');
    fs.writeFileSync(file, lines.join('\n'));
    expect((await t.importFile(file, { preset: 'callscope' })).status).toBe('done');
    const teams = await t.call('teams.list');
    teamOne = teams.find((x) => x.name === '一组')!.id;
    // The floor's month targets: 100 sales, ¥200,000 revenue (minor units).
    await t.call('targets.set', {
      month: '2026-11',
      entries: [
        { scope: 'all' as const, scopeId: 0, kpi: 'sales' as const, value: 100 },
        { scope: 'all' as const, scopeId: 0, kpi: 'revenue' as const, value: 20_000_000 },
      ],
    });
  }, 60_000);

  afterAll(async () => t?.close());

  it('writes the floor’s day in Chinese exactly, with a 1080 px wide PNG', async () => {
    const r = await t.call('review.battleReport', { day: '2026-11-13', language: 'zh-CN' });
    // Nov 2026: 21 working days; Nov 1–13 holds 10. Sales 4 against 100 × 10/21 = 47.6 → 8 %;
    // revenue ¥6,598 against ¥200,000 × 10/21 = ¥95,238 → 7 %. Dials 9, connects 5 (55.6 %).
    expect(r.text).toBe(
      [
        '【每日战报】11月13日 周五 · 全场',
        '今日战绩：外呼 9 通，接通 5 通（接通率 55.6%），成交 3 单，业绩 ¥5,598',
        '',
        '本月累计（截至 11月13日）：',
        '· 成交 4 / 目标 100，进度 8%',
        '· 销售额 ¥6,598 / 目标 ¥20万，进度 7%',
        '',
        '今日排名：',
        '1. 王强 ¥3,000 · 1 单 · 外呼 2',
        '2. 张伟 ¥2,598 · 2 单 · 外呼 4',
        '3. 李娜 ¥0 · 0 单 · 外呼 3',
        '',
        '喜报：',
        '恭喜 张伟 成交 ¥1,999（09:15）',
        '恭喜 王强 成交 ¥3,000（10:30）',
        '恭喜 张伟 成交 ¥599（14:02）',
        '',
      ].join('\n'),
    );
    const png = Buffer.from(r.png.base64, 'base64');
    expect(pngSize(png)).toEqual({ width: 1080, height: r.png.height });
    expect(r.png.width).toBe(1080);
    // Taller than a phone screen with 3 ranked agents and 3 deals, shorter than two.
    expect(r.png.height).toBeGreaterThan(1500);
    expect(r.png.height).toBeLessThan(2600);
    expect(r.fileName).toBe('战报-2026-11-13.png');
  }, 60_000);

  it('writes one team’s day in English, saying the month has no team target', async () => {
    const r = await t.call('review.battleReport', {
      day: '2026-11-13',
      teamId: teamOne,
      language: 'en',
    });
    expect(r.text).toBe(
      [
        '【Daily battle report】Fri, 13 Nov 2026 · 一组',
        'Today: 7 dials, 4 connects (57.1% connect rate), 2 sales, revenue CN¥2,598',
        '',
        'Month to date (through 13 Nov):',
        'No targets set for this month.',
        '',
        'Ranking of the day:',
        '1. 张伟 CN¥2,598 · sales 2 · dials 4',
        '2. 李娜 CN¥0 · sales 0 · dials 3',
        '',
        'Deals:',
        'Congratulations 张伟 on a CN¥1,999 sale (09:15)',
        'Congratulations 张伟 on a CN¥599 sale (14:02)',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('says so on a day without calls', async () => {
    const r = await t.call('review.battleReport', { day: '2026-11-14', language: 'zh-CN' });
    expect(r.text.split('\n').slice(0, 2)).toEqual(['【每日战报】11月14日 周六 · 全场', '当天没有通话。']);
    expect(r.text).toContain('今日暂无成交');
  }, 60_000);

  it('exports the leaderboard as a workbook and the calls as a CSV that read back', async () => {
    const filter = { from: '2026-11-13', to: '2026-11-13' };
    const xlsx = await t.call('review.export', {
      table: 'leaderboard',
      format: 'xlsx',
      language: 'zh-CN',
      query: { filter },
    });
    expect(xlsx.rows).toBe(3);
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['排名', '坐席', '工号', '组', '外呼量']);
    // Most dials first: 张伟 4, 李娜 3, 王强 2; their revenue in yuan as real numbers.
    const body = [3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(body.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [1, '张伟', '8001', 4],
      [2, '李娜', '8002', 3],
      [3, '王强', '8003', 2],
    ]);
    const revenueCol = header.indexOf('销售额');
    expect(body.map((r) => r[revenueCol])).toEqual([2598, 0, 3000]);

    const csv = await t.call('review.export', {
      table: 'calls',
      format: 'csv',
      language: 'en',
      query: { filter, outcomes: ['sale'] },
      sort: 'startedAt',
      order: 'asc',
    });
    expect(csv.capped).toBe(false);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsvText(text.slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['Day', 'Time', 'Agent', 'Agent code']);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[11]])).toEqual([
      ['09:15:00', '8001', '1999'],
      ['10:30:00', '8003', '3000'],
      ['14:02:00', '8001', '599'],
    ]);
  }, 60_000);

  it('neutralises a name that would run as a formula in the CSV', async () => {
    const file = path.join(t.dir, 'evil.csv');
    fs.writeFileSync(
      file,
      'call_id,agent_code,agent_name,team,campaign,started_at,direction,disposition,talk_seconds,outcome,sale_amount\n' +
        'E1,8009,=HYPERLINK("x"),一组,C,2026-11-20 10:00:00,outbound,no_answer,0,none,\n',
    );
    expect((await t.importFile(file, { preset: 'callscope' })).status).toBe('done');
    const csv = await t.call('review.export', {
      table: 'leaderboard',
      format: 'csv',
      language: 'en',
      query: { filter: { from: '2026-11-20', to: '2026-11-20' } },
    });
    const rows = parseCsvText(Buffer.from(csv.base64, 'base64').toString('utf8').slice(1));
    expect(rows[1]![1]).toBe(`'=HYPERLINK("x")`);
  }, 60_000);
});

describe('needs attention on a seeded demo floor', () => {
  let t: TestWorkspace;
  const to = '2026-11-20'; // a Friday; Nov 1–20 holds 15 working days, the month 21
  const DIALS_TARGET = 120;

  beforeAll(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
    await loadDemo(
      t.ws,
      { agents: 10, days: 60, seed: 5, language: 'zh-CN', lastDay: '2026-11-27' },
      { progress: () => {}, signal: new AbortController().signal },
    );
    // Planted anomalies: two sales on 5-second calls, and seven dials to one number in a day.
    const planted = [
      'call_id,agent_code,started_at,phone,direction,disposition,talk_seconds,outcome,sale_amount',
      'P1,8001,2026-11-18 10:00:00,13800000001,outbound,connected,5,sale,100',
      'P2,8002,2026-11-19 10:00:00,13800000002,outbound,connected,5,sale,100',
      ...Array.from(
        { length: 7 },
        (_, i) => `R${i},8003,2026-11-17 1${i}:00:00,13900000009,outbound,no_answer,0,none,`,
      ),
    ];
    const file = path.join(t.dir, 'planted.csv');
    fs.writeFileSync(file, planted.join('\n'));
    expect((await t.importFile(file, { preset: 'callscope' })).status).toBe('done');
    const agents = (await t.ws.kysely.selectFrom('agents').select('id').orderBy('id').execute()).map(
      (a) => a.id,
    );
    await t.call('targets.set', {
      month: '2026-11',
      entries: agents.map((id) => ({
        scope: 'agent' as const,
        scopeId: id,
        kpi: 'dialsPerDay' as const,
        value: DIALS_TARGET,
      })),
    });
    // An overdue follow-up (long past on any day this runs) and one far ahead.
    await t.call('coaching.createNote', {
      agentId: agents[0]!,
      kind: 'oneOnOne',
      day: '2020-01-06',
      coach: '组长',
      followUpDay: '2020-01-10',
    });
    await t.call('coaching.createNote', {
      agentId: agents[1]!,
      kind: 'oneOnOne',
      day: '2020-01-06',
      coach: '组长',
      followUpDay: '2099-01-10',
    });
  }, 120_000);

  afterAll(async () => t?.close());

  it('lists every agent under 90 % of the dials pace, with the pace computed from the calls', async () => {
    const a = await t.call('review.attention', { filter: { from: '2026-11-16', to } });
    expect(a.monthFrom).toBe('2026-11-01');
    expect(a.alertsFrom).toBe('2026-11-16'); // the range itself: shorter than 31 days
    const dials = await t.ws.kysely
      .selectFrom('calls')
      .where('day', '>=', '2026-11-01')
      .where('day', '<=', to)
      .where('direction', '=', 'outbound')
      .groupBy('agent_id')
      .select((eb) => ['agent_id as id', eb.fn.countAll().as('n')])
      .execute();
    const expected = new Map(
      dials.map((d) => [d.id, Number(d.n) / 15 / DIALS_TARGET] as const).filter(([, pace]) => pace < 0.9),
    );
    const shown = new Map(
      a.agents.flatMap((x) =>
        x.reasons.flatMap((r) =>
          r.kind === 'behindPace' && r.kpi === 'dialsPerDay' ? [[x.agentId, r]] : [],
        ),
      ) as [number, Extract<AttentionAgent['reasons'][number], { kind: 'behindPace' }>][],
    );
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThan(0);
    for (const [id, pace] of expected) {
      expect(shown.get(id)!.pace).toBeCloseTo(pace, 9);
      expect(shown.get(id)!.expected).toBe(DIALS_TARGET);
    }
  });

  it('counts too few audits pro-rated (3 a month → 2 by the 15th of 21 working days) and the overdue follow-up', async () => {
    const a = await t.call('review.attention', { filter: { from: '2026-11-16', to } });
    const withCalls = (
      await t.ws.kysely
        .selectFrom('calls')
        .select('agent_id')
        .distinct()
        .where('day', '>=', '2026-11-01')
        .where('day', '<=', to)
        .execute()
    ).map((c) => c.agent_id);
    const tooFew = a.agents.filter((x) => x.reasons.some((r) => r.kind === 'qaTooFew'));
    expect(tooFew.map((x) => x.agentId).sort()).toEqual([...withCalls].sort());
    for (const x of tooFew)
      expect(x.reasons.find((r) => r.kind === 'qaTooFew')).toEqual({
        kind: 'qaTooFew',
        audits: 0,
        expected: 2,
      });
    const overdue = a.agents.flatMap((x) =>
      x.reasons.filter((r) => r.kind === 'overdue').map((r) => ({ agentId: x.agentId, ...r })),
    );
    const { id: first } = await t.ws.kysely
      .selectFrom('agents')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(overdue).toEqual([
      { agentId: first, kind: 'overdue', dueKind: 'followUp', due: '2020-01-10', text: null },
    ]);
  });

  it('names an agent whose audits this month average under the pass mark, with the mean of their audits', async () => {
    const card = (await t.call('scorecards.list', { language: 'zh-CN' })).find(
      (c) => c.template === 'outbound-sales',
    )!;
    expect(card.definition.passMark).toBe(70);
    const { id: agentId } = await t.ws.kysely
      .selectFrom('agents')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const calls = (
      await t.ws.kysely
        .selectFrom('calls')
        .select('id')
        .where('agent_id', '=', agentId)
        .where('day', '>=', '2026-11-02')
        .where('day', '<=', to)
        .where('disposition', '=', 'connected')
        .where('talk_seconds', '>', 60)
        .orderBy('id')
        .limit(3)
        .execute()
    ).map((c) => c.id);
    // Every item failed on two calls, passed on the third: (0 + 0 + 100) / 3 = 33.3.
    const scores: number[] = [];
    for (const [i, callId] of calls.entries()) {
      const answers = Object.fromEntries(
        card.definition.sections.flatMap((s) =>
          s.items.map((item) => [
            item.key,
            item.type === 'yesno' ? (i < 2 ? 'no' : 'yes') : i < 2 ? '1' : '5',
          ]),
        ),
      );
      const opened = await t.call('audits.open', {
        callId,
        versionId: card.versionId,
        reviewer: '质检',
      });
      const done = await t.call('audits.submit', {
        auditId: opened.id,
        answers: answersIn(answers),
        notes: [],
      });
      scores.push(done.score!);
    }
    expect(scores).toEqual([0, 0, 100]);
    const a = await t.call('review.attention', { filter: { from: '2026-11-16', to } });
    expect(a.passMark).toBe(70);
    const reasons = a.agents.find((x) => x.agentId === agentId)!.reasons;
    expect(reasons.find((r) => r.kind === 'qaBelowPass')).toEqual({
      kind: 'qaBelowPass',
      score: 100 / 3,
      passMark: 70,
      audits: 3,
    });
    // Three audits by the 20th: more than the 2 expected, so not "too few".
    expect(reasons.some((r) => r.kind === 'qaTooFew')).toBe(false);
  });

  it('looks for alerts over the last 31 days of a long range only', async () => {
    const a = await t.call('review.attention', { filter: { from: '2026-09-01', to } });
    expect(a.alertsFrom).toBe('2026-10-21'); // Nov 20 and the 30 days before it
    expect(a.monthFrom).toBe('2026-11-01');
  });

  it('lists the open anomaly alerts of the range and leaves an acknowledged one out', async () => {
    const range = { from: '2026-11-02', to };
    const { alerts } = await t.call('targets.alerts', range);
    expect(alerts.length).toBeGreaterThan(1);
    await t.call('targets.ack', { key: alerts[0]!.key, acked: true });
    const a = await t.call('review.attention', { filter: range });
    const shown = a.agents.flatMap((x) =>
      x.reasons.flatMap((r) => (r.kind === 'alert' ? [`${x.agentId}|${r.alert.day}|${r.alert.kind}`] : [])),
    );
    const open = alerts.slice(1).map((x) => `${x.agentId}|${x.day}|${x.kind}`);
    expect(shown.sort()).toEqual(open.sort());
  });
});

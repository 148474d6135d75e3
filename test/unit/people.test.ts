/**
 * People on a real workspace: merging two agent codes of one person, imports that fill a name or
 * team and never overwrite one, the roster as the row set (an agent with 0 calls, agents who
 * left), team rename and merge. Expected numbers come from the calls this test writes, summed here
 * with the two codes treated as one person, never from the code under test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MERGED_AGENT_COLUMNS } from '../../src-main/people/merge';
import { reportFor } from '../../src-main/reports/generate';
import { compareCodes, compareNames, compareTeamNames } from '../../src-shared/collate';

import { countRows, openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

const THRESHOLD = 30;
const HEADER = 'call_id,agent_code,agent_name,team,started_at,disposition,talk_seconds,outcome,sale_amount';

interface TestCall {
  id: string;
  code: string;
  name: string;
  team: string;
  at: string;
  disposition: 'connected' | 'no_answer';
  talk: number;
  outcome: 'none' | 'intent' | 'sale';
  amount: number;
}

/** Calls of four people on 2026-11-02..06; 张伟 dials on two dialers (101 and 201). */
function firstWeek(): TestCall[] {
  const calls: TestCall[] = [];
  const people = [
    { code: '101', name: '张伟' },
    { code: '201', name: '张伟' },
    { code: '102', name: '李娜' },
    { code: '103', name: '王芳' },
  ];
  let n = 0;
  for (const day of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']) {
    people.forEach((p, i) => {
      for (let k = 0; k < 2 + i; k++) {
        n++;
        const connected = (n + k) % 3 !== 0;
        const talk = connected ? 10 + ((n * 17) % 90) : 0;
        const outcome = !connected ? 'none' : n % 5 === 0 ? 'sale' : n % 4 === 0 ? 'intent' : 'none';
        calls.push({
          id: `W${n}`,
          code: p.code,
          name: p.name,
          team: '',
          at: `${day} ${String(9 + k).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00`,
          disposition: connected ? 'connected' : 'no_answer',
          talk,
          outcome,
          amount: outcome === 'sale' ? 100 + n : 0,
        });
      }
    });
  }
  // 104 dials on the first day only: on the roster afterwards with 0 calls.
  calls.push({
    id: 'W-104',
    code: '104',
    name: '赵磊',
    team: '',
    at: '2026-11-02 10:00:00',
    disposition: 'connected',
    talk: 40,
    outcome: 'none',
    amount: 0,
  });
  return calls;
}

function csv(calls: TestCall[]): string {
  return [
    HEADER,
    ...calls.map((c) =>
      [c.id, c.code, c.name, c.team, c.at, c.disposition, c.talk, c.outcome, c.amount || ''].join(','),
    ),
  ].join('\n');
}

/** The dashboard's counts of some calls, by DESIGN.md's definitions. */
function countsOf(calls: TestCall[]) {
  const connects = calls.filter((c) => c.disposition === 'connected' && c.talk > 0);
  const effective = connects.filter((c) => c.talk >= THRESHOLD);
  const sales = calls.filter((c) => c.outcome === 'sale');
  return {
    dials: calls.length,
    connects: connects.length,
    effective: effective.length,
    talkSeconds: connects.reduce((s, c) => s + c.talk, 0),
    effectiveTalkSeconds: effective.reduce((s, c) => s + c.talk, 0),
    // a sale is an intent too
    intents: calls.filter((c) => c.outcome === 'intent' || c.outcome === 'sale').length,
    sales: sales.length,
    revenue: sales.reduce((s, c) => s + Math.round(c.amount * 100), 0),
  };
}

let t: TestWorkspace;

async function importCsv(name: string, text: string) {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  const job = await t.importFile(file, { preset: 'callscope' });
  expect(job.status).toBe('done');
}

const agents = () => t.call('agents.list');
const byCode = async (code: string) => (await agents()).find((a) => a.code === code)!;
const WEEK = { from: '2026-11-02', to: '2026-11-06' };

beforeEach(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: THRESHOLD });
  await importCsv('week.csv', csv(firstWeek()));
}, 60_000);
afterEach(async () => t?.close());

describe('merging two agent codes of one person', () => {
  it('counts the person once: tiles, leaderboard and rollups equal a recomputation from the calls', async () => {
    const calls = firstWeek();
    const from = await byCode('201');
    const into = await byCode('101');
    const result = await t.call('agents.merge', { fromId: from.id, intoId: into.id });
    expect(result.movedCalls).toBe(calls.filter((c) => c.code === '201').length);
    expect(result.agent.otherCodes).toEqual(['201']);
    expect((await agents()).map((a) => a.code)).toEqual(['101', '102', '103', '104']);

    const summary = await t.call('metrics.summary', { filter: WEEK });
    const all = countsOf(calls);
    expect(summary.current).toMatchObject(all);
    // agent-days: distinct (day, person) with calls, 201 being 101
    const person = (c: TestCall) => (c.code === '201' ? '101' : c.code);
    expect(summary.agentDays).toBe(new Set(calls.map((c) => `${c.at.slice(0, 10)}|${person(c)}`)).size);

    const board = await t.call('metrics.leaderboard', { filter: WEEK });
    expect(board.rows.map((r) => r.key)).toEqual(['101', '102', '103', '104']);
    for (const code of ['101', '102', '103', '104']) {
      const row = board.rows.find((r) => r.key === code)!;
      expect(row).toMatchObject(countsOf(calls.filter((c) => person(c) === code)));
    }

    // Both rollups hold what the moved calls say (grouped here with plain SQL by DESIGN.md's definitions).
    const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
    const fromCalls = await sqlRows(
      t,
      `SELECT day, agent_id, COUNT(*) AS dials, SUM(CASE WHEN ${connect} THEN 1 ELSE 0 END) AS connects,
         SUM(CASE WHEN ${connect} THEN talk_seconds ELSE 0 END) AS talk, SUM(is_sale) AS sales
       FROM calls GROUP BY day, agent_id ORDER BY day, agent_id`,
    );
    for (const rollup of ['daily_agent_stats', 'hourly_agent_stats']) {
      const rows = await sqlRows(
        t,
        `SELECT day, agent_id, SUM(dials) AS dials, SUM(connects) AS connects, SUM(talk_seconds) AS talk,
           SUM(sales) AS sales
         FROM ${rollup} GROUP BY day, agent_id ORDER BY day, agent_id`,
      );
      expect(rows).toEqual(fromCalls);
    }
    expect(await t.ws.kysely.selectFrom('agents').select('id').where('id', '=', from.id).execute()).toEqual(
      [],
    );
  });

  it('lands a later import of either code on the person', async () => {
    const into = await byCode('101');
    await t.call('agents.merge', { fromId: (await byCode('201')).id, intoId: into.id });
    await importCsv(
      'later.csv',
      [
        HEADER,
        'L1,201,张伟,,2026-11-09 10:00:00,connected,50,sale,300',
        'L2,101,张伟,,2026-11-09 11:00:00,no_answer,0,none,',
      ].join('\n'),
    );
    expect((await agents()).map((a) => a.code)).toEqual(['101', '102', '103', '104']);
    const board = await t.call('metrics.leaderboard', {
      filter: { from: '2026-11-09', to: '2026-11-09' },
    });
    expect(board.rows.find((r) => r.id === into.id)).toMatchObject({ dials: 2, sales: 1, revenue: 30000 });
  });

  it('moves targets and pay overrides; where both codes have one, the person keeps their own', async () => {
    const into = await byCode('101');
    const from = await byCode('201');
    await t.call('targets.set', {
      month: '2026-11',
      entries: [
        { scope: 'agent', scopeId: into.id, kpi: 'sales', value: 20 },
        { scope: 'agent', scopeId: from.id, kpi: 'sales', value: 5 },
        { scope: 'agent', scopeId: from.id, kpi: 'dialsPerDay', value: 80 },
      ],
    });
    await t.call('targets.overridePay', {
      month: '2026-11',
      agentId: from.id,
      amount: 50000,
      reason: '二号线',
    });
    await t.call('agents.merge', { fromId: from.id, intoId: into.id });
    const plan = await t.call('targets.plan', { month: '2026-11' });
    const mine = plan.targets.filter((x) => x.scope === 'agent').map((x) => [x.scopeId, x.kpi, x.value]);
    expect(mine.sort()).toEqual(
      [
        [into.id, 'dialsPerDay', 80],
        [into.id, 'sales', 20],
      ].sort(),
    );
    const bonus = await t.call('targets.bonus', { month: '2026-11' });
    expect(bonus.rows.filter((r) => r.agentId === from.id)).toEqual([]);
    expect(bonus.rows.find((r) => r.agentId === into.id)!.override).toEqual({
      amount: 50000,
      reason: '二号线',
    });
  });

  it("moves ratings of and by the merged code; a collision keeps the survivor's, a rating of oneself goes", async () => {
    const into = (await byCode('101')).id;
    const from = (await byCode('201')).id;
    const other = (await byCode('102')).id;
    const rate = (
      agent_id: number,
      rater_kind: 'lead' | 'self' | 'peer',
      rater_id: number,
      dimension: 'professionalism' | 'attitude' | 'learning',
      score: number,
    ) =>
      t.ws.kysely
        .insertInto('behaviour_ratings')
        .values({
          month: '2026-11',
          agent_id,
          rater_kind,
          rater_id,
          dimension,
          score,
          reason: '',
          updated_at: 0,
        })
        .execute();
    await rate(from, 'lead', 0, 'attitude', 1); // collides with the survivor's lead rating: goes
    await rate(into, 'lead', 0, 'attitude', 5);
    await rate(from, 'self', from, 'attitude', 2); // becomes the survivor's self-rating
    await rate(from, 'peer', into, 'learning', 3); // the person rating themselves: goes
    await rate(into, 'peer', from, 'learning', 4); // likewise
    await rate(other, 'peer', from, 'professionalism', 3); // collides with the survivor's peer rating: goes
    await rate(other, 'peer', into, 'professionalism', 4);
    await rate(other, 'peer', from, 'learning', 2); // now given by the survivor
    await t.call('agents.merge', { fromId: from, intoId: into });
    const rows = (
      await t.ws.kysely
        .selectFrom('behaviour_ratings')
        .select(['agent_id', 'rater_kind', 'rater_id', 'dimension', 'score'])
        .orderBy('agent_id')
        .orderBy('rater_kind')
        .orderBy('rater_id')
        .orderBy('dimension')
        .execute()
    ).map((r) => [r.agent_id, r.rater_kind, r.rater_id, r.dimension, r.score]);
    expect(rows).toEqual(
      [
        [into, 'lead', 0, 'attitude', 5],
        [into, 'self', into, 'attitude', 2],
        [other, 'peer', into, 'learning', 2],
        [other, 'peer', into, 'professionalism', 4],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('refuses to merge an agent into itself', async () => {
    const a = await byCode('101');
    await expect(t.call('agents.merge', { fromId: a.id, intoId: a.id })).rejects.toThrow(/itself/);
  });

  it('takes care of every column that references an agent', async () => {
    // Each engine's own catalogue of foreign keys.
    const references = (
      t.ws.engine === 'sqlite'
        ? await sqlRows<{ ref: string }>(
            t,
            `SELECT m.name || '.' || fk."from" AS ref FROM sqlite_master m, pragma_foreign_key_list(m.name) fk
             WHERE m.type = 'table' AND fk."table" = 'agents'`,
          )
        : await sqlRows<{ ref: string }>(
            t,
            `SELECT c.conrelid::regclass::text || '.' || a.attname AS ref FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f' AND c.confrelid = 'agents'::regclass`,
          )
    ).map((r) => r.ref);
    expect(references.length).toBeGreaterThan(5);
    for (const r of references) expect(MERGED_AGENT_COLUMNS).toContain(r);
  });
});

describe('an import fills, never overwrites', () => {
  it('fills a missing team and name, keeps what a person set, and the preview says so', async () => {
    // After the first file every agent is 未分组.
    expect((await agents()).every((a) => a.teamId === null)).toBe(true);
    const team = await t.call('teams.create', { name: 'A组' });
    const li = await byCode('102');
    const wang = await byCode('103');
    await t.call('agents.update', { id: li.id, teamId: team.id });
    await t.call('agents.update', { id: wang.id, name: '王小芳' });
    // A person emptied 104's team on purpose: a file does not refill it.
    await t.call('agents.update', { id: (await byCode('104')).id, teamId: null });

    const second = [
      HEADER,
      'S1,101,张伟,B组,2026-11-09 10:00:00,connected,40,none,',
      'S2,102,李娜,C组,2026-11-09 10:05:00,connected,40,none,',
      'S3,103,王芳芳,B组,2026-11-09 10:10:00,connected,40,none,',
      'S4,104,赵磊,B组,2026-11-09 10:15:00,connected,40,none,',
      'S5,301,,B组,2026-11-09 10:20:00,connected,40,none,',
      'S6,302,孙丽,D组,2026-11-09 10:25:00,connected,40,none,',
    ].join('\n');
    const { stagedId } = await t.call('import.stage', {
      name: 'second.csv',
      bytes: Buffer.from(second),
    });
    const preview = await t.call('import.preview', { stagedId, preset: 'callscope' });
    // 301 and 302 are new; 101, 103 (and 201) get a team; no name is missing; B组 and D组 are new teams.
    expect(preview.people).toEqual({ calls: 6, newAgents: 2, fillNames: 0, fillTeams: 2, newTeams: 2 });
    await t.call('import.discard', { stagedId });

    await importCsv('second.csv', second);
    const after = await agents();
    const get = (code: string) => after.find((a) => a.code === code)!;
    expect(get('101').teamName).toBe('B组'); // filled
    expect(get('102').teamName).toBe('A组'); // a person set it
    expect(get('103')).toMatchObject({ name: '王小芳', teamName: 'B组' }); // name kept, team filled
    expect(get('104').teamName).toBeNull(); // emptied in the app stays empty
    expect(get('301')).toMatchObject({ name: null, teamName: 'B组' });
    expect(get('302')).toMatchObject({ name: '孙丽', teamName: 'D组' });

    // A third file names 301: a name the app lacks is filled, once.
    await importCsv(
      'third.csv',
      [HEADER, 'T1,301,周杰,E组,2026-11-10 10:00:00,no_answer,0,none,'].join('\n'),
    );
    expect(await byCode('301')).toMatchObject({ name: '周杰', teamName: 'B组' });
  });
});

describe('the roster is the row set', () => {
  it('lists an active agent with 0 calls in the leaderboard, the agent and team tables and the scores', async () => {
    const team = await t.call('teams.create', { name: '一组' });
    const zhao = await byCode('104');
    await t.call('agents.update', { id: zhao.id, teamId: team.id });
    const range = { from: '2026-11-05', to: '2026-11-06' };

    const board = await t.call('metrics.leaderboard', { filter: range });
    expect(board.rows.map((r) => r.key)).toEqual(['101', '102', '103', '104', '201']);
    expect(board.rows.find((r) => r.key === '104')).toMatchObject({
      dials: 0,
      connects: 0,
      connectRate: null,
    });
    expect(board.rows.find((r) => r.key === '104')!.daily.dials).toEqual([0, 0]);

    const agentRows = await t.call('metrics.breakdown', {
      filter: range,
      by: 'agent',
    });
    expect(agentRows.rows.find((r) => r.key === '104')).toMatchObject({ dials: 0 });
    const teamRows = await t.call('metrics.breakdown', { filter: range, by: 'team' });
    expect(teamRows.rows.find((r) => r.id === team.id)).toMatchObject({ label: '一组', dials: 0 });

    // The team filter: only its agents, with 0.
    const teamBoard = await t.call('metrics.leaderboard', {
      filter: { ...range, teamId: team.id },
    });
    expect(teamBoard.rows.map((r) => [r.key, r.dials])).toEqual([['104', 0]]);

    const bonus = await t.call('targets.bonus', { month: '2026-11' });
    expect(bonus.rows.map((r) => r.agentId)).toContain(zhao.id);
  });

  it('gives the monthly report an agent row of 0 marked "no calls"', async () => {
    // 104's only call is on 11-02: a custom period after it has 104 on the roster with none.
    const report = await reportFor(
      t.ws,
      {
        period: { kind: 'custom', from: '2026-11-03', to: '2026-11-06' },
        scope: { kind: 'floor' },
        language: 'zh-CN',
      },
      Date.UTC(2026, 10, 30),
    );
    const agents = report.tables.find((x) => x.id === 'agents')!;
    const zhao = agents.rows.find((r) => r.code === '104')!;
    expect(zhao).toMatchObject({ name: '赵磊（无通话）', dials: 0, activeDays: 0 });
    expect(agents.rows.map((r) => r.code)).toEqual(
      expect.arrayContaining(['101', '102', '103', '104', '201']),
    );
  });

  it("keeps a closed month's agent rows as they were at the close", async () => {
    // 105 dialled in October only: on November's roster with 0.
    await importCsv(
      'october.csv',
      [HEADER, 'O1,105,孙丽,,2026-10-20 10:00:00,connected,40,none,'].join('\n'),
    );
    const novemberCodes = async () => {
      const report = await reportFor(
        t.ws,
        { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'floor' }, language: 'en' },
        Date.UTC(2026, 11, 5),
      );
      return report.tables
        .find((x) => x.id === 'agents')!
        .rows.map((r) => r.code)
        .sort();
    };
    expect(await novemberCodes()).toEqual(['101', '102', '103', '104', '105', '201']);
    await t.call('reports.closeMonth', { month: '2026-11' });
    // Marked as having left in October, after the close: the closed report still lists them.
    await t.call('agents.update', { id: (await byCode('105')).id, leftOn: '2026-10-25' });
    expect(await novemberCodes()).toEqual(['101', '102', '103', '104', '105', '201']);
    await t.call('reports.reopenMonth', { month: '2026-11' });
    expect(await novemberCodes()).toEqual(['101', '102', '103', '104', '201']);
  });

  it('shows an agent who left only before their leave day or where they have calls', async () => {
    const wang = await byCode('103');
    const zhao = await byCode('104');
    await t.call('agents.update', { id: wang.id, leftOn: '2026-11-05' });
    await t.call('agents.update', { id: zhao.id, leftOn: '2026-11-04' });
    const keys = async (from: string, to: string) =>
      (await t.call('metrics.leaderboard', { filter: { from, to } })).rows.map((r) => r.key);
    // 103 has calls through 11-06: listed whenever they dialled.
    expect(await keys('2026-11-06', '2026-11-06')).toContain('103');
    // After the leave day without calls: gone.
    expect(await keys('2026-11-09', '2026-11-10')).toEqual(['101', '102', '201']);
    // 104 (no calls after 11-02) is listed, with 0, for a period starting before their leave day …
    expect(await keys('2026-11-03', '2026-11-03')).toContain('104');
    // … and not from the leave day on.
    expect(await keys('2026-11-04', '2026-11-04')).not.toContain('104');
    const left = await byCode('103');
    expect(left).toMatchObject({ active: false, leftOn: '2026-11-05' });
    // Coming back clears the day.
    expect(await t.call('agents.update', { id: wang.id, leftOn: null })).toMatchObject({
      active: true,
      leftOn: null,
    });
  });

  it('orders agents by 工号 numerically', async () => {
    await importCsv('codes.csv', [HEADER, 'C1,99,,,2026-11-06 10:00:00,no_answer,0,none,'].join('\n'));
    expect((await agents()).map((a) => a.code)).toEqual(['99', '101', '102', '103', '104', '201']);
  });
});

describe('teams', () => {
  it('renames, sets the lead and merges; the agents and their numbers follow the team', async () => {
    const a = await t.call('teams.create', { name: '一组' });
    const b = await t.call('teams.create', { name: '二组' });
    await t.call('agents.update', { id: (await byCode('101')).id, teamId: a.id });
    await t.call('agents.update', { id: (await byCode('102')).id, teamId: b.id });
    expect(await t.call('teams.update', { id: a.id, name: '销售一组', leadName: '刘强' })).toMatchObject({
      name: '销售一组',
      leadName: '刘强',
      agents: 1,
    });
    await expect(t.call('teams.update', { id: b.id, name: '销售一组' })).rejects.toThrow(/already exists/);
    const merged = await t.call('teams.merge', { fromId: b.id, intoId: a.id });
    expect(merged).toMatchObject({ id: a.id, agents: 2 });
    expect((await t.call('teams.list')).map((x) => x.id)).toEqual([a.id]);
    const calls = firstWeek().filter((c) => c.code === '101' || c.code === '102');
    const board = await t.call('metrics.leaderboard', {
      filter: { ...WEEK, teamId: a.id },
    });
    expect(board.rows.reduce((s, r) => s + r.dials, 0)).toBe(calls.length);
    // The calls themselves were not touched.
    expect(await countRows(t, 'calls')).toBe(firstWeek().length);
  });
});

describe('list order', () => {
  it('sorts 工号 numerically, names by pinyin and team numbers as numbers', () => {
    expect(['A10', '9', 'A2', '10', '101'].sort(compareCodes)).toEqual(['9', '10', '101', 'A2', 'A10']);
    // pinyin: chen, li, wang, zhang, zhao (code-point order would put 张 before 李)
    expect(['张伟', '李娜', '赵磊', '陈静', '王芳'].sort(compareNames)).toEqual([
      '陈静',
      '李娜',
      '王芳',
      '张伟',
      '赵磊',
    ]);
    expect(['销售十组', '销售二组', '销售一组', '销售十二组', '客服组'].sort(compareTeamNames)).toEqual([
      '客服组',
      '销售一组',
      '销售二组',
      '销售十组',
      '销售十二组',
    ]);
  });
});

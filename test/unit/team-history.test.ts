/**
 * An agent's team is a history (issue 19, "history is never rewritten"): moving an agent from team
 * A to team B effective 2026-11-01 leaves A's October as it was — the dashboard, the team table,
 * the monthly report's teams section, a lead of A — and gives B November; the floor does not
 * change. Then the rules of the spans: no overlap, no gap, moves on one day, a move back, a move
 * dated before an earlier one, filling in an unknown team, a team merge.
 *
 * The calls are written here (the callscope layout, made-up rows); every expected number is
 * counted from them, never read from the code under test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentInTeams, agentInTeamsDuring } from '../../src-main/people/team-filter';
import { reportFor } from '../../src-main/reports/generate';
import { copyWorkspace } from '../../src-main/workspace-copy/copy';
import { addDays } from '../../src-shared/time';
import { answersIn, openTestWorkspace, signedInAs, sqlRows, type TestWorkspace } from '../helpers';

const HEADER = 'call_id,agent_code,agent_name,team,started_at,disposition,talk_seconds,outcome,sale_amount';
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const BOTH = { from: OCTOBER.from, to: NOVEMBER.to };
const A = '甲组';
const B = '乙组';
/** 301 starts in A and moves to B from November; 302 stays in A, 303 in B. */
const FIRST_TEAM: Record<string, string> = { '301': A, '302': A, '303': B };

interface Call {
  id: string;
  code: string;
  day: string;
  connected: boolean;
  talk: number;
  /** a sale after a short talk: an anomaly alert of its agent's day */
  sale: boolean;
}

/** The agent-days with one sale after 12 seconds of talk (first call of the day). */
const SALE_DAYS = ['301 2026-10-14', '301 2026-11-03', '303 2026-10-12'];

/** Each agent dials on three days of October and three of November; 2 + agent index calls a day. */
function calls(): Call[] {
  const out: Call[] = [];
  let n = 0;
  for (const day of ['2026-10-12', '2026-10-14', '2026-10-30', '2026-11-02', '2026-11-03', '2026-11-20'])
    ['301', '302', '303'].forEach((code, i) => {
      for (let k = 0; k < 2 + i; k++) {
        n++;
        const sale = k === 0 && SALE_DAYS.includes(`${code} ${day}`);
        const connected = sale || n % 3 !== 0;
        const talk = sale ? 12 : connected ? 20 + ((n * 13) % 70) : 0;
        out.push({ id: `H${n}`, code, day, connected, talk, sale });
      }
    });
  return out;
}

function csv(rows: Call[], teamOf: (code: string) => string = (c) => FIRST_TEAM[c]!): string {
  return [
    HEADER,
    ...rows.map((c, i) =>
      [
        c.id,
        c.code,
        `坐席${c.code}`,
        teamOf(c.code),
        `${c.day} ${String(9 + (i % 8)).padStart(2, '0')}:15:00`,
        c.connected ? 'connected' : 'no_answer',
        c.talk,
        c.sale ? 'sale' : 'none',
        c.sale ? '99' : '',
      ].join(','),
    ),
  ].join('\n');
}

/** Dials, connects and talk seconds of some calls, by DESIGN.md's definitions. */
function counts(rows: Call[]) {
  const connects = rows.filter((c) => c.connected && c.talk > 0);
  return {
    dials: rows.length,
    connects: connects.length,
    talkSeconds: connects.reduce((s, c) => s + c.talk, 0),
  };
}

/** The calls a team owns in a range when 301 is in B from `since` on (the expectation). */
function teamCalls(team: string, range: { from: string; to: string }, since = '2026-11-01'): Call[] {
  const teamOn = (c: Call) => (c.code === '301' && c.day >= since ? B : FIRST_TEAM[c.code]);
  return calls().filter((c) => c.day >= range.from && c.day <= range.to && teamOn(c) === team);
}

let t: TestWorkspace;
const team: Record<string, number> = {};
const agent: Record<string, number> = {};

async function importCsv(name: string, text: string) {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  const job = await t.importFile(file, { preset: 'callscope' });
  expect(job.status).toBe('done');
}

beforeEach(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
  await importCsv('autumn.csv', csv(calls()));
  for (const x of await t.call('teams.list')) team[x.name] = x.id;
  for (const a of await t.call('agents.list')) agent[a.code] = a.id;
}, 60_000);

afterEach(async () => {
  await t.close();
});

const summaryOf = async (filter: { from: string; to: string; teamId?: number; teamIds?: number[] }) => {
  const s = (await t.call('metrics.summary', { filter })).current;
  return { dials: s.dials, connects: s.connects, talkSeconds: s.talkSeconds };
};

describe('a move keeps the past with the team it happened in', () => {
  it("leaves team A's October as it was and gives B November; the floor does not change", async () => {
    const floorBefore = [await summaryOf(OCTOBER), await summaryOf(NOVEMBER)];
    const moved = await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    expect(moved.teamId).toBe(team[B]);
    // the agent's page lists the teams newest first; the first span has no start
    expect(await t.call('agents.teamHistory', { agentId: agent['301']! })).toEqual([
      { teamId: team[B], teamName: B, from: '2026-11-01', to: null },
      { teamId: team[A], teamName: A, from: null, to: '2026-10-31' },
    ]);

    for (const [name, range] of [
      [A, OCTOBER],
      [B, OCTOBER],
      [A, NOVEMBER],
      [B, NOVEMBER],
    ] as const) {
      expect(await summaryOf({ ...range, teamId: team[name]! }), `${name} ${range.from}`).toEqual(
        counts(teamCalls(name, range)),
      );
    }
    // 301's October is A's: the leaderboard of A in October lists them.
    const board = await t.call('metrics.leaderboard', { filter: { ...OCTOBER, teamId: team[A]! } });
    expect(board.rows.find((r) => r.id === agent['301'])?.dials).toBe(
      calls().filter((c) => c.code === '301' && c.day <= OCTOBER.to).length,
    );
    // The calls list of A in October has them too.
    expect((await t.call('calls.count', { filter: { ...OCTOBER, teamId: team[A]! } })).count).toBe(
      teamCalls(A, OCTOBER).length,
    );
    // An anomaly alert is the team's the agent was in on the alert's day.
    const floorAlerts = (await t.call('targets.alerts', BOTH)).alerts;
    expect(floorAlerts.filter((x) => x.kind === 'salesWithoutTalk').length).toBe(SALE_DAYS.length);
    const teamOnDay = (agentId: number, day: string) =>
      agentId === agent['301'] ? (day >= '2026-11-01' ? B : A) : agentId === agent['302'] ? A : B;
    for (const name of [A, B])
      expect((await t.call('targets.alerts', { ...BOTH, teamId: team[name]! })).alerts, name).toEqual(
        floorAlerts.filter((x) => teamOnDay(x.agentId, x.day) === name),
      );
    // The orders' team table reads (no orders here: no rows).
    expect((await t.call('orders.breakdown', { filter: BOTH, by: 'team' })).rows).toEqual([]);
    // The floor is the same as before the move.
    expect([await summaryOf(OCTOBER), await summaryOf(NOVEMBER)]).toEqual(floorBefore);
    expect(await summaryOf(BOTH)).toEqual(counts(calls()));
  });

  it("counts each row for its day's team in the dashboard's team table and the report's teams section", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    const table = (await t.call('metrics.breakdown', { filter: BOTH, by: 'team' })).rows;
    for (const name of [A, B])
      expect(table.find((r) => r.label === name)?.dials, name).toBe(teamCalls(name, BOTH).length);

    const report = await reportFor(
      t.ws,
      { period: { kind: 'month', month: '2026-10' }, scope: { kind: 'floor' }, language: 'en' },
      Date.UTC(2026, 11, 5),
    );
    const teams = report.tables.find((x) => x.id === 'teams')!;
    for (const name of [A, B])
      expect(teams.rows.find((r) => r['name'] === name)?.['dials'], name).toBe(
        teamCalls(name, OCTOBER).length,
      );
    // October closed after the move: the frozen report keeps each row with its day's team.
    await t.call('reports.closeMonth', { month: '2026-10' });
    const frozen = await reportFor(
      t.ws,
      {
        period: { kind: 'month', month: '2026-10' },
        scope: { kind: 'team', teamId: team[A]! },
        language: 'en',
      },
      Date.UTC(2026, 11, 5),
    );
    expect(frozen.tables.find((x) => x.id === 'agents')!.rows.map((r) => [r['code'], r['dials']])).toEqual(
      ['301', '302'].map((code) => [code, teamCalls(A, OCTOBER).filter((c) => c.code === code).length]),
    );
    const ofA = await reportFor(
      t.ws,
      {
        period: { kind: 'month', month: '2026-10' },
        scope: { kind: 'team', teamId: team[A]! },
        language: 'en',
      },
      Date.UTC(2026, 11, 5),
    );
    expect(
      ofA.tables
        .find((x) => x.id === 'agents')!
        .rows.map((r) => r['code'])
        .sort(),
    ).toEqual(['301', '302']);
  });

  it("shows a lead of A their team's October with the agent who has left for B", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    // On a team workspace the lead signs in and is narrowed to A; a local file has one user.
    const lead = await signedInAs(t, {
      login: 'lead-a',
      displayName: 'Lead of A',
      role: 'team_lead',
      teamIds: [team[A]!],
    });
    try {
      const october = (await lead.call('metrics.summary', { filter: { ...OCTOBER, teamIds: [team[A]!] } }))
        .current;
      expect(october.dials).toBe(teamCalls(A, OCTOBER).length);
      const november = (await lead.call('metrics.summary', { filter: { ...NOVEMBER, teamIds: [team[A]!] } }))
        .current;
      expect(november.dials).toBe(teamCalls(A, NOVEMBER).length);
      // the lists beside the totals hold the same rows: the calls of A's October, 301's included
      const listed = await lead.call('calls.list', {
        filter: { ...OCTOBER, teamIds: [team[A]!] },
        limit: 200,
      });
      expect(listed.rows.length).toBe(teamCalls(A, OCTOBER).length);
      const board = await lead.call('metrics.leaderboard', { filter: { ...OCTOBER, teamIds: [team[A]!] } });
      expect(board.rows.map((r) => r.key).sort()).toEqual(['301', '302']);
    } finally {
      await lead.close();
    }
  });

  it('reads the spans through one EXISTS when the moved agents have many of them', async () => {
    // Moves back and forth (a span a week) past the number of spans written out one by one.
    let since = '2026-06-01';
    for (let i = 0; i < 100; i++, since = addDays(since, 1))
      await t.call('agents.update', { id: agent['303']!, teamId: i % 2 === 0 ? team[A]! : team[B]!, since });
    await t.call('agents.update', { id: agent['303']!, teamId: team[B]!, since: '2026-10-01' });
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    for (const name of [A, B])
      expect(await summaryOf({ ...BOTH, teamId: team[name]! }), name).toEqual(counts(teamCalls(name, BOTH)));
  });
  it("counts an audit for the team of the audited call's day: QA analytics by team and the audit summary", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    const card = (await t.call('scorecards.list', { language: 'en' })).find(
      (c) => c.template === 'compliance-check',
    )!;
    const keys = card.definition.sections.flatMap((x) => x.items.map((i) => i.key));
    // one connected call of 301 in October (A's) and one in November (B's)
    const audited = await sqlRows<{ id: number; day: string }>(
      t,
      `SELECT id, day FROM calls WHERE agent_id = ? AND disposition = 'connected' AND talk_seconds > 0
       AND (day = ? OR day = ?) ORDER BY day, id`,
      agent['301']!,
      '2026-10-12',
      '2026-11-02',
    );
    const chosen = [
      audited.find((c) => c.day === '2026-10-12')!,
      audited.find((c) => c.day === '2026-11-02')!,
    ];
    for (const call of chosen) {
      const opened = await t.call('audits.open', {
        callId: call.id,
        versionId: card.versionId,
        reviewer: 'QA',
      });
      await t.call('audits.submit', {
        auditId: opened.id,
        answers: answersIn(Object.fromEntries(keys.map((k) => [k, 'yes']))),
        notes: [],
      });
    }
    const byTeam = await t.call('audits.analytics', { filter: BOTH, by: 'team' });
    expect(Object.fromEntries(byTeam.groups.map((g) => [g.name, g.overall.n]))).toEqual({ [A]: 1, [B]: 1 });
    expect((await t.call('audits.summary', { filter: { ...OCTOBER, teamId: team[A]! } })).audits).toBe(1);
    expect((await t.call('audits.summary', { filter: { ...OCTOBER, teamId: team[B]! } })).audits).toBe(0);
  });
});

interface SpanRow {
  team_id: number | null;
  from_day: string;
  to_day: string | null;
}

/** An agent's stored spans, checked for gaps and overlaps and against agents.team_id. */
async function spans(code: string): Promise<[number | null, string, string | null][]> {
  const rows = await sqlRows<SpanRow>(
    t,
    'SELECT team_id, from_day, to_day FROM agent_team_history WHERE agent_id = ? ORDER BY from_day',
    agent[code]!,
  );
  expect(rows[0]!.from_day).toBe('0000-01-01');
  rows.forEach((r, i) => {
    if (i > 0)
      expect(r.from_day, `gap or overlap before ${r.from_day}`).toBe(addDays(rows[i - 1]!.to_day!, 1));
    if (i < rows.length - 1) expect(r.to_day).not.toBeNull();
  });
  const open = rows[rows.length - 1]!;
  expect(open.to_day).toBeNull();
  const [current] = await sqlRows<{ team_id: number | null }>(
    t,
    'SELECT team_id FROM agents WHERE id = ?',
    agent[code]!,
  );
  expect(current!.team_id).toBe(open.team_id);
  return rows.map((r) => [r.team_id, r.from_day, r.to_day]);
}

describe('the spans of an agent', () => {
  it('never overlap nor leave a gap: moves, a move back, moves on one day, a move dated before an earlier one', async () => {
    const a = team[A]!;
    const b = team[B]!;
    const c = (await t.call('teams.create', { name: '丙组' })).id;
    const move = (teamId: number | null, since?: string) =>
      t.call('agents.update', { id: agent['302']!, teamId, ...(since !== undefined && { since }) });
    expect(await spans('302')).toEqual([[a, '0000-01-01', null]]);

    await move(b, '2026-10-20');
    expect(await spans('302')).toEqual([
      [a, '0000-01-01', '2026-10-19'],
      [b, '2026-10-20', null],
    ]);
    // back to A: a third span, the past kept
    await move(a, '2026-11-05');
    expect(await spans('302')).toEqual([
      [a, '0000-01-01', '2026-10-19'],
      [b, '2026-10-20', '2026-11-04'],
      [a, '2026-11-05', null],
    ]);
    // two moves on one day: the second replaces the first
    await move(c, '2026-11-10');
    await move(b, '2026-11-10');
    expect(await spans('302')).toEqual([
      [a, '0000-01-01', '2026-10-19'],
      [b, '2026-10-20', '2026-11-04'],
      [a, '2026-11-05', '2026-11-09'],
      [b, '2026-11-10', null],
    ]);
    // a move back on the day it happened undoes it
    await move(a, '2026-11-10');
    expect(await spans('302')).toEqual([
      [a, '0000-01-01', '2026-10-19'],
      [b, '2026-10-20', '2026-11-04'],
      [a, '2026-11-05', null],
    ]);
    // dated before the move to B: replaces everything from that day on
    await move(c, '2026-10-01');
    expect(await spans('302')).toEqual([
      [a, '0000-01-01', '2026-09-30'],
      [c, '2026-10-01', null],
    ]);
    // no day: today (the pinned clock's, in the workspace's zone)
    await move(null);
    const [, , last] = await spans('302');
    expect(last![0]).toBeNull();
    expect(last![1] > '2026-11-30').toBe(true);
    // a day after today is refused
    await expect(move(a, '2099-01-01')).rejects.toThrow(/after today/);
  });

  it('fills in an unknown team instead of moving: by an import and by a person', async () => {
    await importCsv(
      'newcomers.csv',
      [
        HEADER,
        'N1,304,新人甲,,2026-11-02 10:00:00,connected,40,none,',
        'N2,305,新人乙,,2026-11-02 11:00:00,no_answer,0,none,',
      ].join('\n'),
    );
    for (const a of await t.call('agents.list')) agent[a.code] = a.id;
    expect(await spans('304')).toEqual([[null, '0000-01-01', null]]);
    // a later file with a team fills it: the team was unknown, not different
    await importCsv(
      'with-team.csv',
      [HEADER, 'N3,304,新人甲,乙组,2026-11-03 10:00:00,connected,40,none,'].join('\n'),
    );
    expect(await spans('304')).toEqual([[team[B]!, '0000-01-01', null]]);
    // a person choosing a team without a day fills it too
    await t.call('agents.update', { id: agent['305']!, teamId: team[A]! });
    expect(await spans('305')).toEqual([[team[A]!, '0000-01-01', null]]);
    expect(await summaryOf({ from: '2026-11-02', to: '2026-11-02', teamId: team[B]! })).toMatchObject({
      // nobody moved here: 303's calls of the day and 304's one
      dials: teamCalls(B, { from: '2026-11-02', to: '2026-11-02' }, '9999-12-31').length + 1,
    });
  });

  it("merging team B into A makes B's spans A's, joined", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    await t.call('teams.merge', { fromId: team[B]!, intoId: team[A]! });
    expect(await spans('301')).toEqual([[team[A]!, '0000-01-01', null]]);
    expect(await spans('303')).toEqual([[team[A]!, '0000-01-01', null]]);
    expect(await summaryOf({ ...BOTH, teamId: team[A]! })).toEqual(counts(calls()));
  });

  it("merging two codes of one person keeps the survivor's history, or takes the merged code's when it had none", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    const moved = await spans('301');
    await importCsv(
      'second-dialer.csv',
      [
        HEADER,
        'D1,306,坐席301,,2026-11-04 10:00:00,connected,40,none,',
        'D2,307,新人丙,,2026-11-04 11:00:00,connected,50,none,',
      ].join('\n'),
    );
    for (const a of await t.call('agents.list')) agent[a.code] = a.id;
    // 306 (no team) merged into 301: 301's history stays
    await t.call('agents.merge', { fromId: agent['306']!, intoId: agent['301']! });
    expect(await spans('301')).toEqual(moved);
    // 301 merged into 307, who never had a team: 307 takes 301's history whole
    await t.call('agents.merge', { fromId: agent['301']!, intoId: agent['307']! });
    expect(await spans('307')).toEqual(moved);
    expect(await summaryOf({ ...OCTOBER, teamId: team[A]! })).toEqual(counts(teamCalls(A, OCTOBER)));
  });

  it("goes with a workspace copied into another: the target's agent takes the moved agent's history", async () => {
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
    const target = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
    try {
      await copyWorkspace(t.ws, target.ws);
      const ids = new Map((await target.call('teams.list')).map((x) => [x.name, x.id]));
      const copied = (await target.call('agents.list')).find((a) => a.code === '301')!;
      expect(await target.call('agents.teamHistory', { agentId: copied.id })).toEqual([
        { teamId: ids.get(B), teamName: B, from: '2026-11-01', to: null },
        { teamId: ids.get(A), teamName: A, from: null, to: '2026-10-31' },
      ]);
      const october = (await target.call('metrics.summary', { filter: { ...OCTOBER, teamId: ids.get(A)! } }))
        .current.dials;
      expect(october).toBe(teamCalls(A, OCTOBER).length);
      // a second copy changes nothing
      await copyWorkspace(t.ws, target.ws);
      expect(await target.call('agents.teamHistory', { agentId: copied.id })).toHaveLength(2);
    } finally {
      await target.close();
    }
  });
});

describe('the roster follows the team history (issue 19: the roster is the row set)', () => {
  const C = '丙组';
  /** 309 was in A with calls in September only; from 1 November 309 is in C, and 301 in B. */
  const EXTRA = [
    'R1,309,坐席309,甲组,2026-09-15 10:00:00,connected,45,none,',
    'R2,309,坐席309,甲组,2026-09-15 11:00:00,no_answer,0,none,',
    'R3,302,坐席302,甲组,2026-10-21 10:00:00,connected,50,none,',
    'R4,302,坐席302,甲组,2026-10-21 11:00:00,connected,35,none,',
    'R5,303,坐席303,乙组,2026-11-11 10:00:00,connected,60,none,',
  ];
  const CODES = ['301', '302', '303', '309'];
  const teamOn = (code: string, day: string): string =>
    day >= '2026-11-01' && code === '309'
      ? C
      : day >= '2026-11-01' && code === '301'
        ? B
        : (FIRST_TEAM[code] ?? A);
  /** Every call of the workspace as code and day: the file of the suite and the extra rows. */
  const allCalls = () => [
    ...calls().map((c) => ({ code: c.code, day: c.day })),
    ...EXTRA.map((line) => ({ code: line.split(',')[1]!, day: line.split(',')[4]!.slice(0, 10) })),
  ];
  const daysOf = (range: { from: string; to: string }) => {
    const out: string[] = [];
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
    return out;
  };

  /**
   * The expected agent rows of a range under a choice of teams (none: the floor): the agents in a
   * chosen team on a day of the range, with the team of the last such day and the dials of their
   * calls on the days they were in a chosen team.
   */
  function expectedAgents(range: { from: string; to: string }, chosen?: string[]) {
    const counts = (name: string) => chosen === undefined || chosen.includes(name);
    return CODES.flatMap((code) => {
      const days = daysOf(range).filter((d) => counts(teamOn(code, d)));
      if (days.length === 0) return [];
      const dials = allCalls().filter(
        (c) => c.code === code && c.day >= range.from && c.day <= range.to && counts(teamOn(code, c.day)),
      ).length;
      return [{ code, team: teamOn(code, days[days.length - 1]!), dials }];
    });
  }

  /** The expected team table: each team's dials (its rows by day), and 0 for a roster's team without. */
  function expectedTeams(range: { from: string; to: string }, chosen?: string[]) {
    const teams = new Map<string, number>();
    for (const a of expectedAgents(range, chosen)) teams.set(a.team, teams.get(a.team) ?? 0);
    for (const c of allCalls()) {
      const name = teamOn(c.code, c.day);
      if (c.day >= range.from && c.day <= range.to && (chosen === undefined || chosen.includes(name)))
        teams.set(name, (teams.get(name) ?? 0) + 1);
    }
    return Object.fromEntries([...teams].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  beforeEach(async () => {
    await importCsv('extra.csv', [HEADER, ...EXTRA].join('\n'));
    for (const a of await t.call('agents.list')) agent[a.code] = a.id;
    team[C] = (await t.call('teams.create', { name: C })).id;
    await t.call('agents.update', { id: agent['309']!, teamId: team[C]!, since: '2026-11-01' });
    await t.call('agents.update', { id: agent['301']!, teamId: team[B]!, since: '2026-11-01' });
  });

  const WEEK_BEFORE = { from: '2026-10-19', to: '2026-10-25' };
  const WEEK_AFTER = { from: '2026-11-09', to: '2026-11-15' };
  /** a week across the move: 309 was in A and in C */
  const ACROSS = { from: '2026-10-26', to: '2026-11-01' };
  const CHOICES: (string[] | undefined)[] = [undefined, [A], [B], [C], [A, C]];

  const filterOf = (range: { from: string; to: string }, chosen?: string[]) => ({
    ...range,
    ...(chosen && { teamIds: chosen.map((name) => team[name]!) }),
  });

  it('keeps the roster query of a workspace where nobody moved as it was', async () => {
    const fresh = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
    try {
      await fresh.importFile(path.join(t.dir, 'autumn.csv'), { preset: 'callscope' });
      const teamA = (await fresh.call('teams.list')).find((x) => x.name === A)!.id;
      for (const choice of [{}, { teamId: teamA }, { teamIds: [teamA] }, { teamIds: [] }]) {
        const during = await agentInTeamsDuring(fresh.ws.kysely, choice, 'a.id', OCTOBER);
        expect(during.lastTeam.size).toBe(0);
        expect(during.condition?.compile(fresh.ws.kysely)).toEqual(
          agentInTeams(choice, 'a.id')?.compile(fresh.ws.kysely),
        );
      }
    } finally {
      await fresh.close();
    }
  });

  it('lists a moved agent with 0 under the old team before the move and under the new one after it', async () => {
    // the case itself, spelled out: 309 has no call in either week
    const board = async (range: { from: string; to: string }, name: string) =>
      (await t.call('metrics.leaderboard', { filter: filterOf(range, [name]) })).rows.map((r) => [
        r.key,
        r.teamName,
        r.dials,
      ]);
    expect((await board(WEEK_BEFORE, A)).find((r) => r[0] === '309')).toEqual(['309', A, 0]);
    expect((await board(WEEK_BEFORE, C)).find((r) => r[0] === '309')).toBeUndefined();
    expect((await board(WEEK_AFTER, C)).find((r) => r[0] === '309')).toEqual(['309', C, 0]);
    expect((await board(WEEK_AFTER, A)).find((r) => r[0] === '309')).toBeUndefined();

    for (const range of [WEEK_BEFORE, WEEK_AFTER, ACROSS, OCTOBER, NOVEMBER])
      for (const chosen of CHOICES) {
        const filter = filterOf(range, chosen);
        const label = `${range.from} ${chosen?.join('+') ?? 'floor'}`;
        const expected = expectedAgents(range, chosen);
        // the dashboard's leaderboard: one row per agent, the team of the range
        const rows = (await t.call('metrics.leaderboard', { filter })).rows;
        expect(
          rows.map((r) => ({ code: r.key, team: r.teamName, dials: r.dials })),
          label,
        ).toEqual(expected);
        // the pace of each agent (the dashboard's pace column and attention panel), within a month
        if (range.from.slice(0, 7) === range.to.slice(0, 7)) {
          const paced = (await t.call('targets.pacing', { filter })).agents.map((a) => a.agentId);
          expect(
            paced.sort((x, y) => x - y),
            label,
          ).toEqual(expected.map((a) => agent[a.code]!).sort((x, y) => x - y));
        }
        // the agent table
        const byAgent = (await t.call('metrics.breakdown', { filter, by: 'agent' })).rows;
        expect(
          byAgent.map((r) => [r.key, r.dials]),
          label,
        ).toEqual(expected.map((a) => [a.code, a.dials]));
        // the team table: every row's team of its day, a 0-row only for a roster's team without rows
        const teams = (await t.call('metrics.breakdown', { filter, by: 'team' })).rows;
        expect(
          Object.fromEntries(
            teams
              .map((r) => [r.label, r.dials] as const)
              .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1)),
          ),
          label,
        ).toEqual(expectedTeams(range, chosen));
      }
  });

  /** The monthly report's agent and team rows of each month, for the floor and each team, as expected. */
  async function expectReports(ws: TestWorkspace['ws'], teamIds: Record<string, number>, state: string) {
    for (const month of ['2026-10', '2026-11'] as const) {
      const range = month === '2026-10' ? OCTOBER : NOVEMBER;
      for (const chosen of [undefined, [A], [B], [C]]) {
        const scope = chosen
          ? { kind: 'team' as const, teamId: teamIds[chosen[0]!]! }
          : { kind: 'floor' as const };
        const report = await reportFor(
          ws,
          { period: { kind: 'month', month }, scope, language: 'en' },
          Date.UTC(2026, 11, 7),
        );
        const label = `${state} ${month} ${chosen?.[0] ?? 'floor'}`;
        const agents = report.tables.find((x) => x.id === 'agents')!.rows;
        expect(
          agents
            .map((r) => ({ code: r['code'], team: r['team'], dials: r['dials'] }))
            .sort((a, b) => (String(a.code) < String(b.code) ? -1 : 1)),
          label,
        ).toEqual(expectedAgents(range, chosen));
        const teams = report.tables.find((x) => x.id === 'teams')?.rows ?? [];
        expect(
          Object.fromEntries(
            teams
              .map((r) => [r['name'], r['dials']] as const)
              .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
          ),
          label,
        ).toEqual(expectedTeams(range, chosen));
      }
    }
  }

  it("the monthly report's agent and team rows and the bonus sheet agree with the dashboard", async () => {
    await expectReports(t.ws, team, 'live');
    for (const month of ['2026-10', '2026-11'] as const) {
      const range = month === '2026-10' ? OCTOBER : NOVEMBER;
      // the bonus sheet (the floor's month): every agent, with the team of the month
      const bonus = await t.call('targets.bonus', { month });
      const nameOf = new Map(Object.entries(team).map(([name, id]) => [id, name]));
      expect(
        bonus.rows
          .map((r) => ({
            code: CODES.find((code) => agent[code] === r.agentId),
            team: nameOf.get(r.teamId!),
          }))
          .sort((a, b) => ((a.code ?? '') < (b.code ?? '') ? -1 : 1)),
        month,
      ).toEqual(expectedAgents(range).map((a) => ({ code: a.code, team: a.team })));
    }
  });

  it('a closed month keeps its roster by the teams of the month: after a later move, and copied', async () => {
    for (const month of ['2026-10', '2026-11']) await t.call('reports.closeMonth', { month });
    // a move after the close, dated inside the closed November (309 to B from the 15th), changes
    // the live roster of November (309 under B) but not the frozen one
    await t.call('agents.update', { id: agent['309']!, teamId: team[B]!, since: '2026-11-15' });
    const live = await t.call('metrics.leaderboard', { filter: filterOf(NOVEMBER, [B]) });
    expect(live.rows.find((r) => r.key === '309')?.teamName).toBe(B);
    await expectReports(t.ws, team, 'closed');
    const target = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
    try {
      await copyWorkspace(t.ws, target.ws);
      const ids = Object.fromEntries((await target.call('teams.list')).map((x) => [x.name, x.id]));
      await expectReports(target.ws, ids, 'copied');
    } finally {
      await target.close();
    }
  });
});

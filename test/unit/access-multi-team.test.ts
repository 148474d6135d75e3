/**
 * A team lead of two teams out of three reads exactly those two teams — all of them, not the first
 * — and every total beside a list counts the rows they see. Calls of three teams are written here
 * (the callscope layout, made-up rows) and the expected figures are counted from those rows.
 *
 * Both engines: a filter of several teams (`teamIds`) as the services apply it. On a team
 * workspace (PostgreSQL, where people sign in): the lead of two who chooses no team, the lead of
 * one (unchanged), and the third team refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClock, unpinClock } from '../../src-main/clock';
import type { Job } from '../../src-shared/api';
import { openTestWorkspace, signedInAs, testEngine, type SignedInUser, type TestWorkspace } from '../helpers';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const TEAMS = { A: '东区一组', B: '东区二组', C: '西区组' } as const;
type TeamKey = keyof typeof TEAMS;
const AGENTS: Record<string, TeamKey> = { '7001': 'A', '7002': 'A', '7003': 'B', '7004': 'C' };

/** [call id, agent code, local start, disposition, talk seconds]: every call outbound. */
const CALLS: [string, string, string, string, number][] = [
  ['M01', '7001', '2026-11-03 09:10:00', 'connected', 120],
  ['M02', '7001', '2026-11-03 09:20:00', 'no_answer', 0],
  ['M03', '7001', '2026-11-04 10:00:00', 'connected', 45],
  ['M04', '7002', '2026-11-03 11:00:00', 'connected', 300],
  ['M05', '7002', '2026-11-05 14:00:00', 'busy', 0],
  ['M06', '7003', '2026-11-04 09:00:00', 'connected', 75],
  ['M07', '7003', '2026-11-04 09:30:00', 'connected', 15],
  ['M08', '7003', '2026-11-06 16:00:00', 'voicemail', 0],
  ['M09', '7004', '2026-11-03 09:00:00', 'connected', 500],
  ['M10', '7004', '2026-11-04 09:00:00', 'connected', 220],
  ['M11', '7004', '2026-11-05 09:00:00', 'no_answer', 0],
];
/** Calls put to calibration: one of each team. */
const CALIBRATED = ['M01', 'M06', 'M09'];
/** Coaching notes per agent code (the lead's total must count only their agents'). */
const NOTES: Record<string, number> = { '7001': 2, '7002': 1, '7003': 1, '7004': 3 };

function csv(): string {
  const header =
    'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording';
  const lines = CALLS.map(
    ([id, code, at, disposition, talk], i) =>
      `${id},${code},坐席${code},${TEAMS[AGENTS[code]!]},新客,${at},1390000${String(1000 + i)},outbound,${disposition},5,${talk},,,`,
  );
  return [header, ...lines].join('\n') + '\n';
}

/** Dials, connects (connected with talk) and talk seconds of some teams, counted from CALLS. */
function expected(teams: TeamKey[]) {
  const rows = CALLS.filter(([, code]) => teams.includes(AGENTS[code]!));
  return {
    dials: rows.length,
    connects: rows.filter(([, , , d, talk]) => d === 'connected' && talk > 0).length,
    talkSeconds: rows.reduce((sum, [, , , , talk]) => sum + talk, 0),
    agentCodes: [...new Set(rows.map(([, code]) => code))].sort(),
    callIds: rows.map(([id]) => id).sort(),
    calibrated: CALLS.filter(([id, code]) => CALIBRATED.includes(id) && teams.includes(AGENTS[code]!))
      .map(([, code]) => code)
      .sort(),
    notes: Object.entries(NOTES)
      .filter(([code]) => teams.includes(AGENTS[code]!))
      .reduce((sum, [, n]) => sum + n, 0),
  };
}

let t: TestWorkspace;
const teamId = {} as Record<TeamKey, number>;
/** Spot-check lists: one of every team, then a later one of the third team only. */
const samples = { floor: 0, teamC: 0 };
const codeOf = new Map<number, string>();

beforeAll(async () => {
  // "Today" pinned: a week into December, after the month the calls are of.
  pinClock('2026-12-07T04:00:00Z');
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
  const file = path.join(t.dir, 'three-teams.csv');
  fs.writeFileSync(file, csv());
  expect((await t.importFile(file)).status).toBe('done');
  for (const team of await t.call('teams.list'))
    for (const key of Object.keys(TEAMS) as TeamKey[]) if (team.name === TEAMS[key]) teamId[key] = team.id;
  for (const a of await t.call('agents.list')) codeOf.set(a.id, a.code);
  const idOf = (code: string) => [...codeOf].find(([, c]) => c === code)![0];

  // One submitted audit per call that connected; notes per agent.
  const card = await t.call('scorecards.save', {
    definition: {
      name: 'One check',
      passMark: 60,
      sections: [{ key: 'main', title: 'Main', items: [{ key: 'greet', label: 'Greets', type: 'yesno' }] }],
    },
  });
  samples.floor = (await t.call('audits.buildSample', { ...NOVEMBER, perAgent: 1 })).id;
  samples.teamC = (await t.call('audits.buildSample', { ...NOVEMBER, perAgent: 1, teamId: teamId.C })).id;
  const calls = await t.ws.kysely.selectFrom('calls').select(['id', 'source_key']).execute();
  for (const [id, , , disposition, talk] of CALLS) {
    if (disposition !== 'connected' || talk === 0) continue;
    const callId = calls.find((c) => c.source_key === `cs:${id}`)!.id;
    const audit = await t.call('audits.open', { callId, versionId: card.versionId, reviewer: 'QA' });
    await t.call('audits.submit', { auditId: audit.id, answers: { greet: 'yes' }, notes: [] });
  }
  for (const id of CALIBRATED) {
    const callId = calls.find((c) => c.source_key === `cs:${id}`)!.id;
    await t.call('calibrations.create', { callId, versionId: card.versionId });
  }
  // A target of the third team's: not in the plan of a reader of the other two.
  await t.call('targets.set', {
    month: '2026-12',
    entries: [{ scope: 'team', scopeId: teamId.C, kpi: 'intents', value: 9 }],
  });
  for (const [code, n] of Object.entries(NOTES))
    for (let i = 0; i < n; i++)
      await t.call('coaching.createNote', {
        agentId: idOf(code),
        kind: 'review',
        day: `2026-11-1${i}`,
        coach: 'Lead',
      });
}, 120_000);

afterAll(async () => {
  await t?.close();
  unpinClock();
});

type Call = TestWorkspace['call'];
type Wait = (jobId: string) => Promise<Job>;

/** The CSV files of a report zip, by file name. */
function zipTexts(zip: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const texts = new Map<string, string>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(texts));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/**
 * Everything a reader of teams A and B sees, checked against the rows of A and B: `extra` is what
 * the caller adds to a filter (nothing for the lead: no team chosen).
 */
async function seesExactly(
  call: Call,
  wait: Wait,
  teams: TeamKey[],
  extra: { teamIds?: number[] },
  reportScope?: object,
) {
  const want = expected(teams);
  const filter = { ...NOVEMBER, ...extra };
  const codes = (ids: number[]) => [...new Set(ids.map((id) => codeOf.get(id)!))].sort();

  const summary = (await call('metrics.summary', { filter })).current;
  expect({ dials: summary.dials, connects: summary.connects, talkSeconds: summary.talkSeconds }).toEqual({
    dials: want.dials,
    connects: want.connects,
    talkSeconds: want.talkSeconds,
  });

  const board = await call('metrics.leaderboard', { filter });
  expect(codes(board.rows.map((r) => r.id!))).toEqual(want.agentCodes);
  expect(board.rows.reduce((sum, r) => sum + r.dials, 0)).toBe(want.dials);
  expect(board.rows.reduce((sum, r) => sum + r.talkSeconds, 0)).toBe(want.talkSeconds);

  const list = await call('calls.list', { filter });
  expect(list.rows.map((r) => r.id).length).toBe(want.callIds.length);
  expect(codes(list.rows.map((r) => r.agentId))).toEqual(want.agentCodes);
  expect((await call('calls.count', { filter })).count).toBe(want.callIds.length);

  const audits = await call('audits.list', { filter });
  expect(audits.rows.length).toBe(want.connects); // one audit per connect
  expect(codes(audits.rows.map((r) => r.agentId))).toEqual(want.agentCodes);

  // A page of one note: the total still counts every note the caller may see, and no other.
  const notes = await call('coaching.notes', { limit: 1, ...extra });
  expect(notes.notes.length).toBe(1);
  expect(notes.total).toBe(want.notes);

  // Next month's plan: suggestions for their teams and agents only, and no other team's targets.
  const plan = await call('targets.plan', { month: '2026-12', ...extra });
  expect(codes(plan.agents.map((a) => a.agentId))).toEqual(want.agentCodes);
  expect(plan.teams.map((x) => x.teamId).sort()).toEqual(teams.map((k) => teamId[k]).sort());
  expect(plan.targets.filter((e) => e.scope === 'team').map((e) => e.scopeId)).toEqual(
    teams.includes('C') ? [teamId.C] : [],
  );

  // The latest spot-check list drawn for their teams (or every team), with their agents' calls.
  const sample = (await call('audits.sample', { ...extra }))!;
  expect(sample.id).toBe(teams.includes('C') ? samples.teamC : samples.floor);
  expect(codes(sample.calls.map((c) => c.agentId))).toEqual(want.agentCodes);

  // Calibrations of their teams' calls only (the newest 50 are counted after the teams are chosen).
  const calibrations = await call('calibrations.list', { ...extra });
  expect(codes(calibrations.map((c) => c.agentId!))).toEqual(want.calibrated);

  // 100 audits a month expected: every agent of the teams is short of audits, so all are listed.
  const attention = await call('review.attention', { filter, auditsPerMonth: 100 });
  expect(codes(attention.agents.map((a) => a.agentId))).toEqual(want.agentCodes);

  // The month report: its summary sheet counts the teams' dials, its agents are theirs.
  const spec = {
    period: { kind: 'month' as const, month: '2026-11' },
    language: 'en' as const,
    ...reportScope,
  };
  const { jobId } = await call('reports.generate', { spec, format: 'csv' });
  expect((await wait(jobId)).status).toBe('done');
  const texts = await zipTexts(Buffer.from((await call('reports.file', { jobId })).base64, 'base64'));
  const agentsSheet = [...texts].find(([name]) => /agents/i.test(name))?.[1] ?? '';
  const listed = Object.keys(AGENTS).filter((code) => agentsSheet.includes(code));
  expect(listed.sort()).toEqual(want.agentCodes);
  const summarySheet = [...texts].find(([name]) => /summary/i.test(name))?.[1] ?? '';
  expect(summarySheet).toMatch(new RegExp(`(^|\\n)"?Dials"?,${want.dials}(,|\\n|$)`));
}

describe('a filter of several teams', () => {
  it('reads the sum of exactly those teams', async () => {
    await seesExactly(
      t.call,
      (id) => t.api.jobs.wait(id),
      ['A', 'B'],
      { teamIds: [teamId.A, teamId.B] },
      {
        scope: { kind: 'teams', teamIds: [teamId.A, teamId.B] },
      },
    );
  });
});

describe.runIf(testEngine() === 'postgres')('a team lead of two teams out of three', () => {
  let lead: SignedInUser;
  let leadOfOne: SignedInUser;
  beforeAll(async () => {
    lead = await signedInAs(t, {
      login: 'lead-two',
      displayName: 'Lead of two',
      role: 'team_lead',
      teamIds: [teamId.A, teamId.B],
    });
    leadOfOne = await signedInAs(t, {
      login: 'lead-one',
      displayName: 'Lead of one',
      role: 'team_lead',
      teamIds: [teamId.C],
    });
  });
  afterAll(async () => {
    await lead?.close();
    await leadOfOne?.close();
  });

  it('sees both their teams when they choose none', async () => {
    await seesExactly(lead.call, (id) => lead.api.jobs.wait(id), ['A', 'B'], {});
  });

  it('sees one of them when they choose it', async () => {
    const summary = await lead.call('metrics.summary', { filter: { ...NOVEMBER, teamId: teamId.B } });
    expect(summary.current.dials).toBe(expected(['B']).dials);
  });

  it('a lead of one team sees that team, as before', async () => {
    await seesExactly(leadOfOne.call, (id) => leadOfOne.api.jobs.wait(id), ['C'], {});
  });

  it('naming the third team is refused', async () => {
    for (const [m, input] of [
      ['metrics.summary', { filter: { ...NOVEMBER, teamId: teamId.C } }],
      ['metrics.summary', { filter: { ...NOVEMBER, teamIds: [teamId.A, teamId.C] } }],
      ['calls.list', { filter: { ...NOVEMBER, teamIds: [teamId.C] } }],
      ['coaching.notes', { teamIds: [teamId.C] }],
      ['targets.alerts', { ...NOVEMBER, teamIds: [teamId.B, teamId.C] }],
      [
        'reports.generate',
        {
          spec: {
            period: { kind: 'month', month: '2026-11' },
            scope: { kind: 'teams', teamIds: [teamId.C] },
            language: 'en',
          },
          format: 'csv',
        },
      ],
    ] as const)
      expect(await lead.api.dispatch(m, input), m).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

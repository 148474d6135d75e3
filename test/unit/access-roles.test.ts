/**
 * Every method of the contract, called by every role on a team workspace (PostgreSQL): allowed or
 * refused as the rules of a floor below say — written here from the roles' jobs, not read from
 * src-shared/api/access.ts. Then scoping with real imported calls in two teams: a team lead sees
 * only their team's totals, an agent only their own (counted here from the fixture file itself).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../src-main/api';
import type { Outcome } from '../../src-main/dispatch';
import { contract, type Method, type Role } from '../../src-shared/api';
import { FIXTURES, openTestWorkspace, TEST_ADMIN, type TestWorkspace } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const DISPOSITIONS = ['connected', 'no_answer', 'busy', 'failed', 'voicemail'];
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

// --- The rules of the floor, per role (independent of ACCESS) ---------------------------------

/** Reads anyone but an agent may make (a team lead's are scoped to their teams by the service). */
const READS = new Set<Method>([
  'workspace.info',
  'settings.get',
  'teams.list',
  'agents.list',
  'agents.teamHistory',
  'campaigns.list',
  'metrics.summary',
  'metrics.breakdown',
  'metrics.heatmap',
  'metrics.leaderboard',
  'metrics.agent',
  'calls.list',
  'calls.count',
  'import.presets',
  'import.batches',
  'import.rejects',
  'import.rejectsCsv',
  'coaching.notes',
  'coaching.note',
  'coaching.plans',
  'coaching.due',
  'coaching.agent',
  'reports.generate',
  'reports.file',
  'reports.closeStatus',
  'reports.closedMonths',
  'orders.settings.get',
  'orders.summary',
  'orders.breakdown',
  'scorecards.list',
  'scorecards.version',
  'scorecards.templates',
  'scorecards.export',
  'audits.recordingsFolder',
  'audits.sample',
  'audits.get',
  'audits.list',
  'audits.summary',
  'audits.analytics',
  'calibrations.list',
  'calibrations.report',
  'targets.calendar',
  'targets.teamCalendars',
  'targets.plan',
  'targets.pacing',
  'targets.profile',
  'targets.campaignProfiles',
  'targets.scores',
  'targets.bonusSheet',
  'targets.bonus',
  'targets.thresholds',
  'targets.alerts',
  'ratings.month',
  'recordings.setup',
  'recordings.find',
  'review.attention',
  'review.battleReport',
  'review.export',
]);
/** Variable pay, and the reports that carry it: never for QA. */
const PAY = new Set<Method>([
  'targets.scores',
  'targets.bonusSheet',
  'targets.bonus',
  'reports.generate',
  'reports.file',
]);
/** What every signed-in user does for themselves. */
const OWN = new Set<Method>([
  'jobs.get',
  'jobs.cancel',
  'jobs.list',
  'auth.changePassword',
  // the change counter open screens poll
  'workspace.revision',
  // the dispute queue (an agent's is their own)
  'audits.disputes',
]);
/** Who changed what on the floor: for those who answer for it. */
const MANAGER_READS = new Set<Method>(['activity.list']);
const PUBLIC = new Set<Method>(['auth.state', 'auth.signIn', 'auth.signOut']);

const MANAGER_WRITES = new Set<Method>([
  'reports.closeMonth',
  'reports.reopenMonth',
  'targets.set',
  'targets.setCalendar',
  'targets.setProfile',
  'targets.dropProfile',
  'targets.setBonusSheet',
  'targets.overridePay',
  'targets.setThresholds',
]);
const QA_WRITES = new Set<Method>([
  'scorecards.save',
  'scorecards.import',
  'audits.setRecordingsFolder',
  'audits.buildSample',
  'audits.open',
  'audits.saveDraft',
  'audits.submit',
  'calibrations.create',
  'calibrations.open',
  'recordings.setPatterns',
  'recordings.createFolder',
  'recordings.buildIndex',
  // a reviewer answers an agent's dispute
  'audits.answerDispute',
]);
const LEAD_WRITES = new Set<Method>([
  'import.stage',
  'import.preview',
  'import.discard',
  'import.start',
  'import.undo',
  'import.undoStart',
  'coaching.createNote',
  'coaching.updateNote',
  'coaching.deleteNote',
  'coaching.createPlan',
  'coaching.updatePlan',
  'coaching.markDone',
  'agents.update',
  'targets.setTeamCalendar',
  'targets.set',
  'targets.ack',
  'ratings.set',
  'ratings.saveTraining',
  'ratings.deleteTraining',
  // a lead audits their own team's calls
  'audits.buildSample',
  'audits.open',
  'audits.saveDraft',
  'audits.submit',
  'calibrations.open',
  // a lead records an agent's answer to an audit on their behalf, and answers disputes
  'audits.acknowledge',
  'audits.dispute',
  'audits.answerDispute',
]);
/** An agent answers their own audits: acknowledged, or disputed with a reason. */
const AGENT_WRITES = new Set<Method>(['audits.acknowledge', 'audits.dispute']);
/** An agent: their own numbers, audits and coaching notes (and what naming them needs). */
const AGENT_READS = new Set<Method>([
  'workspace.info',
  'settings.get',
  'teams.list',
  'agents.list',
  'agents.teamHistory',
  'campaigns.list',
  'metrics.summary',
  'metrics.breakdown',
  'metrics.heatmap',
  'metrics.agent',
  'calls.list',
  'calls.count',
  'coaching.notes',
  'coaching.note',
  'coaching.plans',
  'coaching.due',
  'coaching.agent',
  'orders.settings.get',
  'orders.summary',
  'orders.breakdown',
  'scorecards.list',
  'scorecards.version',
  'audits.get',
  'audits.list',
  'audits.summary',
  'targets.calendar',
  'targets.teamCalendars',
  'targets.pacing',
  'recordings.setup',
]);

function mayBy(role: Role, m: Method): boolean {
  if (PUBLIC.has(m) || OWN.has(m) || role === 'admin') return true;
  switch (role) {
    case 'manager':
      return READS.has(m) || MANAGER_READS.has(m) || MANAGER_WRITES.has(m);
    case 'qa':
      return (READS.has(m) && !PAY.has(m) && m !== 'ratings.month') || QA_WRITES.has(m);
    case 'team_lead':
      return READS.has(m) || LEAD_WRITES.has(m);
    case 'agent':
      return AGENT_READS.has(m) || AGENT_WRITES.has(m);
  }
}

// --- The workspace: two teams of imported calls, a user per role --------------------------------

const ROLES: Role[] = ['admin', 'manager', 'qa', 'team_lead', 'agent'];
const PASSWORD = 'role-password';
let t: TestWorkspace;
const ids = {} as Record<
  | 'teamA'
  | 'teamB'
  | 'agentA'
  | 'agentB'
  | 'callA'
  | 'callB'
  | 'version'
  | 'audit'
  | 'draft'
  | 'note'
  | 'plan'
  | 'calibration'
  | 'batch'
  | 'spareUser',
  number
>;
let fixed: {
  calendar: unknown;
  profile: unknown;
  bonusSheet: unknown;
  thresholds: unknown;
  scorecard: unknown;
};
const apis = new Map<Role, Api>();

async function callId(source: string): Promise<number> {
  const row = await t.ws.kysely
    .selectFrom('calls')
    .select('id')
    .where('source_key', '=', source)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' }, { engine: 'postgres' });
  const job = await t.importFile(BASIC);
  expect(job.status).toBe('done');
  ids.batch = job.result!.batchId;
  const teams = await t.call('teams.list');
  ids.teamA = teams.find((x) => x.name === '销售一组')!.id;
  ids.teamB = teams.find((x) => x.name === '销售二组')!.id;
  const agents = await t.call('agents.list');
  ids.agentA = agents.find((a) => a.code === '8001')!.id;
  ids.agentB = agents.find((a) => a.code === '8002')!.id;
  ids.callA = await callId('cs:C001');
  ids.callB = await callId('cs:C006');
  const card = await t.call('scorecards.save', {
    definition: {
      name: 'Two checks',
      passMark: 60,
      sections: [{ key: 'main', title: 'Main', items: [{ key: 'greet', label: 'Greets', type: 'yesno' }] }],
    },
  });
  ids.version = card.versionId;
  const audit = await t.call('audits.open', { callId: ids.callA, versionId: ids.version, reviewer: 'QA' });
  await t.call('audits.submit', { auditId: audit.id, answers: { greet: 'yes' }, notes: [] });
  ids.audit = audit.id;
  ids.draft = (
    await t.call('audits.open', { callId: await callId('cs:C003'), versionId: ids.version, reviewer: 'QA' })
  ).id;
  ids.note = (
    await t.call('coaching.createNote', {
      agentId: ids.agentA,
      kind: 'oneOnOne',
      day: '2026-11-05',
      coach: 'Lead',
      followUpDay: '2026-11-12',
    })
  ).id;
  ids.plan = (
    await t.call('coaching.createPlan', {
      agentId: ids.agentA,
      startDay: '2026-11-01',
      endDay: '2026-11-30',
      coach: 'Lead',
      goals: [{ text: 'Open calls with the name' }],
    })
  ).id;
  ids.calibration = (
    await t.call('calibrations.create', { callId: ids.callA, versionId: ids.version })
  ).calibrationId;
  ids.spareUser = (
    await t.call('users.create', { login: 'spare', displayName: 'Spare', role: 'qa', password: PASSWORD })
  ).id;
  fixed = {
    calendar: await t.call('targets.calendar'),
    profile: await t.call('targets.profile', {}),
    bonusSheet: await t.call('targets.bonusSheet'),
    thresholds: await t.call('targets.thresholds'),
    scorecard: (await t.call('scorecards.export', { versionId: ids.version })).json,
  };
  for (const role of ROLES) {
    if (role !== 'admin')
      await t.call('users.create', {
        login: role,
        displayName: role,
        role,
        password: PASSWORD,
        teamIds: role === 'team_lead' ? [ids.teamA] : [],
        agentId: role === 'agent' ? ids.agentA : null,
      });
    const api = createApi(t.ws);
    const login = role === 'admin' ? TEST_ADMIN.login : role;
    const password = role === 'admin' ? TEST_ADMIN.password : PASSWORD;
    expect(await api.dispatch('auth.signIn', { login, password })).toMatchObject({ ok: true });
    apis.set(role, api);
  }
}, 180_000);

afterAll(async () => {
  for (const api of apis.values()) await api.close();
  await t?.close();
});

/** A minimal valid input per method (agent A of team A: within the lead's and the agent's reach). */
function sample(m: Method, role: Role): unknown {
  const filter = NOVEMBER;
  const month = '2026-11';
  const samples: Partial<Record<Method, unknown>> = {
    'workspace.info': {},
    'settings.get': {},
    'settings.update': {},
    'teams.list': {},
    'teams.create': { name: `walk ${role}` },
    'agents.list': {},
    'agents.update': { id: ids.agentA },
    'agents.teamHistory': { agentId: ids.agentA },
    'campaigns.list': {},
    'metrics.summary': { filter },
    'metrics.breakdown': { filter, by: 'agent' },
    'metrics.heatmap': { filter },
    'metrics.leaderboard': { filter },
    'metrics.agent': { agentId: ids.agentA, filter },
    'calls.list': { filter },
    'calls.count': { filter },
    'import.presets': {},
    'import.stage': { name: 'a.csv', bytes: new Uint8Array([97]) },
    'import.preview': { stagedId: 'none' },
    'import.discard': { stagedId: 'none' },
    'import.start': { stagedId: 'none' },
    'import.batches': {},
    'import.rejects': { batchId: ids.batch },
    'import.rejectsCsv': { batchId: ids.batch },
    'import.undo': { batchId: 99999 },
    'import.undoStart': { batchId: 99999 },
    'backups.list': {},
    'backups.create': {},
    'backups.restore': { name: 'none.sqlite' },
    'demo.load': { agents: 1, days: 1, seed: 1 },
    'coaching.notes': {},
    'coaching.note': { id: ids.note },
    'coaching.createNote': { agentId: ids.agentA, kind: 'review', day: '2026-11-06', coach: role },
    'coaching.updateNote': {
      id: ids.note,
      agentId: ids.agentA,
      kind: 'oneOnOne',
      day: '2026-11-05',
      coach: role,
      followUpDay: '2026-11-12',
    },
    'coaching.deleteNote': { id: 99999 },
    'coaching.plans': {},
    'coaching.createPlan': {
      agentId: ids.agentA,
      startDay: '2026-11-01',
      endDay: '2026-11-30',
      coach: role,
      goals: [{ text: 'x' }],
    },
    'coaching.updatePlan': {
      id: ids.plan,
      agentId: ids.agentA,
      startDay: '2026-11-01',
      endDay: '2026-11-30',
      coach: role,
      goals: [{ text: 'x' }],
      status: 'active',
    },
    'coaching.due': { today: '2026-11-10' },
    'coaching.markDone': { kind: 'followUp', noteId: ids.note, done: false },
    'coaching.agent': { agentId: ids.agentA, today: '2026-11-10' },
    'reports.generate': { spec: { period: { kind: 'month', month }, language: 'en' }, format: 'csv' },
    'reports.file': { jobId: 'none' },
    'reports.closeStatus': { month: '2026-10' },
    'reports.closeMonth': { month: '2026-10' },
    'reports.reopenMonth': { month: '2026-10' },
    'reports.closedMonths': {},
    'orders.settings.get': {},
    'orders.settings.update': {},
    'orders.summary': { filter },
    'orders.breakdown': { filter, by: 'agent' },
    'scorecards.list': { language: 'en' },
    'scorecards.version': { versionId: ids.version },
    'scorecards.templates': { language: 'en' },
    'scorecards.save': {
      definition: JSON.parse(fixed.scorecard as string).definition ?? JSON.parse(fixed.scorecard as string),
    },
    'scorecards.import': { json: fixed.scorecard },
    'scorecards.export': { versionId: ids.version },
    'audits.recordingsFolder': {},
    'audits.setRecordingsFolder': { folder: null },
    'audits.buildSample': { ...filter, perAgent: 1 },
    'audits.sample': {},
    'audits.open': { callId: ids.callA, versionId: ids.version, reviewer: role },
    'audits.get': { auditId: ids.audit },
    'audits.saveDraft': { auditId: ids.draft, answers: {}, notes: [] },
    'audits.submit': { auditId: 99999, answers: {}, notes: [] },
    'audits.list': { filter },
    'audits.summary': { filter },
    'audits.analytics': { filter },
    'calibrations.create': { callId: ids.callA, versionId: ids.version },
    'calibrations.list': {},
    'calibrations.open': { calibrationId: ids.calibration, reviewer: role },
    'calibrations.report': { calibrationId: ids.calibration, reviewer: 'QA' },
    'targets.calendar': {},
    'targets.setCalendar': fixed.calendar,
    'targets.teamCalendars': {},
    'targets.setTeamCalendar': { teamId: ids.teamA, calendar: null },
    'targets.plan': { month },
    'targets.set': { month, entries: [] },
    'targets.pacing': { filter },
    'targets.profile': {},
    'targets.setProfile': { profile: fixed.profile },
    'targets.campaignProfiles': {},
    'targets.dropProfile': { campaignId: 99999 },
    'targets.scores': { month },
    'targets.bonusSheet': {},
    'targets.setBonusSheet': fixed.bonusSheet,
    'targets.bonus': { month },
    'targets.overridePay': { month, agentId: ids.agentA, amount: null, reason: '' },
    'targets.thresholds': {},
    'targets.setThresholds': fixed.thresholds,
    'targets.alerts': filter,
    'targets.ack': { key: 'walk', acked: false },
    'ratings.month': { month },
    'ratings.set': { month, entries: [] },
    'ratings.saveTraining': {
      day: '2026-11-05',
      topic: 'Objections',
      hours: null,
      notes: null,
      attendees: [],
    },
    'ratings.deleteTraining': { id: 99999 },
    'zone.preview': { timeZone: 'Asia/Shanghai' },
    'zone.change': { timeZone: 'Asia/Shanghai' },
    'recordings.setup': {},
    'recordings.setPatterns': { patterns: null },
    'recordings.createFolder': {},
    'recordings.buildIndex': {},
    'recordings.find': { callId: ids.callA },
    'review.attention': { filter },
    'review.battleReport': { day: '2026-11-03', language: 'en' },
    'review.export': { table: 'leaderboard', format: 'csv', language: 'en', query: { filter } },
    'teams.update': { id: ids.teamA },
    'teams.merge': { fromId: 99998, intoId: 99999 },
    'agents.merge': { fromId: 99998, intoId: 99999 },
    'jobs.get': { jobId: 'none' },
    'jobs.cancel': { jobId: 'none' },
    'jobs.list': {},
    'auth.state': {},
    'auth.signIn': {
      login: role === 'admin' ? TEST_ADMIN.login : role,
      password: role === 'admin' ? TEST_ADMIN.password : PASSWORD,
    },
    'auth.signOut': {},
    'auth.changePassword': { current: 'not-my-password', next: 'another-password' },
    'users.list': {},
    'users.create': { login: `made-by-${role}`, displayName: 'x', role: 'qa', password: PASSWORD },
    'users.update': { id: ids.spareUser, displayName: `renamed by ${role}` },
    'users.resetPassword': { id: ids.spareUser, password: PASSWORD },
    'audits.acknowledge': { auditId: ids.audit },
    'audits.dispute': { auditId: ids.audit, reason: `disputed by ${role}` },
    'audits.answerDispute': { auditId: ids.audit, answer: `answered by ${role}`, outcome: 'upheld' },
    'audits.disputes': { status: 'all', limit: 10 },
    'activity.list': { limit: 10 },
    'workspace.revision': {},
  };
  if (!(m in samples)) throw new Error(`no sample input for ${m}: add one to the walk`);
  return samples[m];
}

/** Refused by the access table (not the handler's own answer to the input). */
function refusedByAccess(outcome: Outcome): boolean {
  return (
    !outcome.ok &&
    ((outcome.error.code === 'forbidden' && /may not do this/.test(outcome.error.message)) ||
      (outcome.error.code === 'unauthorized' && /sign in first/.test(outcome.error.message)))
  );
}

/** The API's methods (the session's own are answered before any workspace opens). */
const WALKED = (Object.keys(contract) as Method[]).filter((m) => !m.startsWith('session.'));
// Signing out last: the walk needs the user signed in.
const ORDERED = [...WALKED.filter((m) => m !== 'auth.signOut'), 'auth.signOut' as Method];

describe('every method, every role', () => {
  it.each(ROLES)(
    '%s: allowed and refused as the floor rules say',
    async (role) => {
      const api = apis.get(role)!;
      const wrong: string[] = [];
      for (const m of ORDERED) {
        const outcome = await api.dispatch(m, sample(m, role));
        const allowed = !refusedByAccess(outcome);
        if (allowed !== mayBy(role, m))
          wrong.push(
            `${m}: ${allowed ? 'allowed' : 'refused'} (${outcome.ok ? 'ok' : outcome.error.message})`,
          );
        // The samples are valid inputs, and a scoped caller's are within their reach.
        if (allowed && !outcome.ok && ['bad_input', 'forbidden'].includes(outcome.error.code))
          wrong.push(`${m}: ${outcome.error.code} ${outcome.error.message}`);
      }
      expect(wrong).toEqual([]);
      // Signed out now: nothing but the public methods answers.
      for (const m of ORDERED.filter((x) => x !== 'auth.signIn')) {
        const outcome = await api.dispatch(m, sample(m, role));
        expect(refusedByAccess(outcome), m).toBe(!PUBLIC.has(m));
      }
      await api.dispatch('auth.signIn', sample('auth.signIn', role));
    },
    300_000,
  );
});

// --- Scoping: the same calls seen by a team lead and an agent -----------------------------------

/**
 * The fixture's dials (outbound calls the import stores) per team and per agent code, counted
 * from the file itself: a row without an agent code, with a day that does not exist or with a
 * disposition outside the five is rejected.
 */
function fixtureCounts(): { byTeam: Map<string, number>; byAgent: Map<string, number>; all: number } {
  const [, ...lines] = fs.readFileSync(BASIC, 'utf8').trim().split('\n');
  const byTeam = new Map<string, number>();
  const byAgent = new Map<string, number>();
  let all = 0;
  for (const line of lines) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const [, code, , team, , startedAt, , direction, disposition] = cells as string[];
    const [y, m, d] = startedAt!.slice(0, 10).split('-').map(Number) as [number, number, number];
    const realDay = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
    if (!code || !realDay || !DISPOSITIONS.includes(disposition!)) continue; // rejected by the import
    if (direction !== 'outbound') continue; // stored, but not a dial
    all++;
    byAgent.set(code, (byAgent.get(code) ?? 0) + 1);
    if (team) byTeam.set(team, (byTeam.get(team) ?? 0) + 1);
  }
  return { byTeam, byAgent, all };
}

describe('what a team lead and an agent see', () => {
  const counts = fixtureCounts();
  const call = async (role: Role, m: Method, input: unknown) => apis.get(role)!.dispatch(m, input);
  const value = async (role: Role, m: Method, input: unknown) => {
    const outcome = await call(role, m, input);
    if (!outcome.ok) throw new Error(`${role} ${m}: ${outcome.error.message}`);
    return outcome.value as Record<string, unknown>;
  };
  const dials = async (role: Role, filter: object) =>
    ((await value(role, 'metrics.summary', { filter })).current as { dials: number }).dials;

  it('the fixture is what the floor imported: the admin sees every call', async () => {
    expect(counts.all).toBeGreaterThan(counts.byTeam.get('销售一组')!);
    expect(await dials('admin', NOVEMBER)).toBe(counts.all);
    expect(await dials('manager', NOVEMBER)).toBe(counts.all);
  });

  it("a team lead sees their team's totals only, and no other team's agent", async () => {
    expect(await dials('team_lead', NOVEMBER)).toBe(counts.byTeam.get('销售一组'));
    expect(await dials('team_lead', { ...NOVEMBER, teamId: ids.teamA })).toBe(counts.byTeam.get('销售一组'));
    for (const [m, input] of [
      ['metrics.summary', { filter: { ...NOVEMBER, teamId: ids.teamB } }],
      ['metrics.agent', { agentId: ids.agentB, filter: NOVEMBER }],
      ['calls.list', { filter: { ...NOVEMBER, agentId: ids.agentB } }],
      ['coaching.notes', { agentId: ids.agentB }],
      ['agents.teamHistory', { agentId: ids.agentB }],
      ['audits.open', { callId: ids.callB, versionId: ids.version, reviewer: 'lead' }],
      ['targets.alerts', { ...NOVEMBER, teamId: ids.teamB }],
      [
        'targets.set',
        { month: '2026-11', entries: [{ scope: 'team', scopeId: ids.teamB, kpi: 'intents', value: 9 }] },
      ],
      [
        'targets.set',
        { month: '2026-11', entries: [{ scope: 'all', scopeId: 0, kpi: 'intents', value: 9 }] },
      ],
      ['targets.overridePay', { month: '2026-11', agentId: ids.agentB, amount: 1, reason: 'x' }],
    ] as const)
      expect(await call('team_lead', m, input), m).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call('team_lead', 'targets.set', {
        month: '2026-11',
        entries: [{ scope: 'team', scopeId: ids.teamA, kpi: 'intents', value: 9 }],
      }),
    ).toMatchObject({ ok: true });
    // The people pickers hold their own team and its agents only.
    expect((await value('team_lead', 'teams.list', {})) as unknown as { id: number }[]).toEqual([
      expect.objectContaining({ id: ids.teamA }),
    ]);
    const theirAgents = (await value('team_lead', 'agents.list', {})) as unknown as { id: number }[];
    expect(theirAgents.map((a) => a.id)).toEqual([ids.agentA]);
    const calls = (await value('team_lead', 'calls.list', { filter: NOVEMBER })).rows as {
      agentId: number;
    }[];
    expect(calls.length).toBe(counts.byTeam.get('销售一组'));
    expect(new Set(calls.map((c) => c.agentId))).toEqual(new Set([ids.agentA]));
    const board = (await value('team_lead', 'metrics.leaderboard', { filter: NOVEMBER })).rows as {
      id: number;
    }[];
    expect(board.map((r) => r.id)).toEqual([ids.agentA]);
  });

  it('an agent sees their own numbers, audits and notes only', async () => {
    const own = counts.byAgent.get('8001');
    expect(await dials('agent', NOVEMBER)).toBe(own);
    expect(await dials('agent', { ...NOVEMBER, teamId: ids.teamA })).toBe(own);
    const byAgent = (await value('agent', 'metrics.breakdown', { filter: NOVEMBER, by: 'agent' })).rows as {
      dials: number;
    }[];
    expect(byAgent.map((r) => r.dials)).toEqual([own]);
    const auditOfB = await t.call('audits.open', {
      callId: ids.callB,
      versionId: ids.version,
      reviewer: 'QA',
    });
    const noteOfB = await t.call('coaching.createNote', {
      agentId: ids.agentB,
      kind: 'review',
      day: '2026-11-05',
      coach: 'Lead B',
    });
    for (const [m, input] of [
      ['metrics.summary', { filter: { ...NOVEMBER, agentId: ids.agentB } }],
      ['metrics.agent', { agentId: ids.agentB, filter: NOVEMBER }],
      ['audits.get', { auditId: auditOfB.id }],
      ['coaching.note', { id: noteOfB.id }],
      ['coaching.agent', { agentId: ids.agentB }],
      ['agents.teamHistory', { agentId: ids.agentB }],
    ] as const)
      expect(await call('agent', m, input), m).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const agents = (await value('agent', 'agents.list', {})) as unknown as { id: number }[];
    expect(agents.map((a) => a.id)).toEqual([ids.agentA]);
    const audits = (await value('agent', 'audits.list', { filter: NOVEMBER })).rows as { agentId: number }[];
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((a) => a.agentId === ids.agentA)).toBe(true);
    const notes = (await value('agent', 'coaching.notes', {})).notes as { agentId: number }[];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.agentId === ids.agentA)).toBe(true);
    expect((await value('agent', 'audits.get', { auditId: ids.audit })).id).toBe(ids.audit);
  });
});

/**
 * The audit dispute loop (申诉) on both engines: the agent acknowledges or disputes a submitted
 * audit, a reviewer answers (upheld / revised), every refused transition, who may do what, and a
 * revised score is the one the QA figures read. The scorecard is made here, so every score is
 * worked out by hand. The agents and the reviewer act as themselves: on PostgreSQL users the admin
 * creates, each signed in on a Callscope of their own, whose logins the answers carry; a local
 * workspace has no sign-in, so its one user does it all and the answers name nobody (''). The
 * scorecard is worked out by hand:
 *
 *   weights scoring, pass mark 80; section "talk" (weight 3): greet 1 point, needs 3 points;
 *   section "close" (weight 1): ask 1 point.
 *   - greet yes, needs no,  ask yes: talk 1/4, close 1 → (3·0.25 + 1·1) / 4 = 43.75 %, failed
 *   - greet no,  needs yes, ask yes: talk 3/4, close 1 → (3·0.75 + 1·1) / 4 = 81.25 %, passed
 *   - greet yes, needs yes, ask no:  talk 1,   close 0 → (3·1 + 1·0) / 4    = 75 %,    failed
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardVersion } from '../../src-shared/api';
import { runAs, type Actor } from '../../src-main/auth/actor';
import { acknowledgeAudit, answerDispute, disputeAudit, listDisputes } from '../../src-main/audits/disputes';
import { pinClock } from '../../src-main/clock';
import type { Engine } from '../../src-main/workspace';
import {
  answersIn,
  FIXTURES,
  openTestWorkspace,
  signedInAs,
  type SignedInUser,
  type TestWorkspace,
} from '../helpers';
import { PINNED_NOW } from '../pinned-clock';

const FIRST = answersIn({ greet: 'yes', needs: 'no', ask: 'yes' }); // 43.75 %, failed
const REVISED = answersIn({ greet: 'no', needs: 'yes', ask: 'yes' }); // 81.25 %, passed
const OTHER = answersIn({ greet: 'yes', needs: 'yes', ask: 'no' }); // 75 %, failed

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T02:00:00Z');

function actor(role: Actor['role'], extra: Partial<Actor> = {}): Actor {
  return { userId: 9, login: `${role}-login`, displayName: role, role, teamIds: [], agentId: null, ...extra };
}

describe.each<Engine>(['sqlite', 'postgres'])('audit disputes on %s', (engine) => {
  let t: TestWorkspace;
  let card: ScorecardVersion;
  /** call id by the export's call id, agent id by code */
  const calls: Record<string, number> = {};
  const agents: Record<string, number> = {};
  const teams: Record<string, number> = {};
  /** 王伟 (8001) and 李娜 (8002), agents answering their own audits; Lin, the QA reviewer */
  let wang: SignedInUser;
  let li: SignedInUser;
  let lin: SignedInUser;

  async function submitted(sourceCall: string, answers: Record<string, string>) {
    const draft = await t.call('audits.open', {
      callId: calls[sourceCall]!,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    return t.call('audits.submit', { auditId: draft.id, answers: answersIn(answers), notes: [] });
  }

  const wangFilter = () => ({ from: '2026-11-01', to: '2026-11-30', agentId: agents['8001']! });

  beforeAll(async () => {
    pinClock(PINNED_NOW);
    t = await openTestWorkspace(undefined, { engine });
    expect((await t.importFile(path.join(FIXTURES, 'calls/callscope-basic.csv'))).status).toBe('done');
    const rows = await t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['c.id', 'c.source_key', 'a.id as agent_id', 'a.code'])
      .execute();
    for (const r of rows) {
      agents[r.code] = r.agent_id;
      calls[r.source_key.replace(/^cs:/, '')] = r.id;
    }
    for (const team of await t.call('teams.list')) teams[team.name] = team.id;
    wang = await signedInAs(t, {
      login: 'wang.wei',
      displayName: '王伟',
      role: 'agent',
      agentId: agents['8001']!,
    });
    li = await signedInAs(t, {
      login: 'li.na',
      displayName: '李娜',
      role: 'agent',
      agentId: agents['8002']!,
    });
    lin = await signedInAs(t, { login: 'qa.lin', displayName: 'Lin', role: 'qa' });
    card = await t.call('scorecards.save', {
      definition: {
        name: 'Weighted',
        scoring: 'weights',
        passMark: 80,
        sections: [
          {
            key: 'talk',
            title: 'Talk',
            weight: 3,
            items: [
              { key: 'greet', label: 'Greets', type: 'yesno', points: 1 },
              { key: 'needs', label: 'Needs', type: 'yesno', points: 3 },
            ],
          },
          { key: 'close', title: 'Close', weight: 1, items: [{ key: 'ask', label: 'Asks', type: 'yesno' }] },
        ],
      },
    });
  }, 120_000);

  afterAll(async () => {
    pinClock(PINNED_NOW);
    for (const user of [wang, li, lin]) await user?.close();
    await t?.close();
  });

  it('disputes, answers as revised, and every QA figure reads the revised score', async () => {
    const audit = await submitted('C001', FIRST);
    expect(audit.score).toBeCloseTo(43.75, 9);
    expect(audit.failed).toBe(true);
    expect(audit.response).toEqual({ state: 'pending', acknowledged: null, dispute: null, answer: null });
    expect((await t.call('audits.list', { filter: wangFilter() })).rows[0]!.responseState).toBe('pending');

    pinClock(T0);
    const disputed = await wang.call('audits.dispute', {
      auditId: audit.id,
      reason: '  The customer had already said what they need.  ',
      itemIds: ['needs'],
    });
    expect(disputed.response?.state).toBe('disputed');
    expect(disputed.response?.dispute).toEqual({
      reason: 'The customer had already said what they need.',
      itemKeys: ['needs'],
      at: expect.any(Number),
      by: wang.login,
    });
    expect(Math.abs(disputed.response!.dispute!.at - T0)).toBeLessThan(60_000);
    expect((await t.call('audits.list', { filter: wangFilter() })).rows[0]!.responseState).toBe('disputed');

    pinClock(T0 + 5 * HOUR + 60_000); // a minute past: the dispute itself took a few ms
    const open = await t.call('audits.disputes', { status: 'open' });
    expect(open.open).toBe(1);
    expect(open.rows.map((r) => [r.auditId, r.reason, r.itemKeys, r.ageHours, r.answer])).toEqual([
      [audit.id, 'The customer had already said what they need.', ['needs'], 5, null],
    ]);
    expect(open.rows[0]!.agentName).toBe('王伟');
    expect(open.rows[0]!.score).toBeCloseTo(43.75, 9);

    const answered = await lin.call('audits.answerDispute', {
      auditId: audit.id,
      answer: 'Agreed: the needs were covered; greeting was missing though.',
      outcome: 'revised',
      answers: REVISED,
    });
    expect(answered.score).toBeCloseTo(81.25, 9);
    expect(answered.failed).toBe(false);
    expect(answered.answers).toEqual(REVISED);
    expect(answered.submittedAt).toBe(audit.submittedAt); // the submission keeps its time
    expect(answered.response?.state).toBe('answered');
    expect(answered.response?.answer).toMatchObject({
      text: 'Agreed: the needs were covered; greeting was missing though.',
      outcome: 'revised',
      by: lin.login,
      original: { failed: true, answers: FIRST },
    });
    expect(answered.response?.answer?.original?.score).toBeCloseTo(43.75, 9);
    expect(answered.response?.dispute?.reason).toBe('The customer had already said what they need.');

    // the agent's summary, the audit list and the QA analytics read the revision
    const summary = await t.call('audits.summary', { filter: wangFilter() });
    expect(summary.audits).toBe(1);
    expect(summary.auditScore).toBeCloseTo(81.25, 9);
    expect(summary.failed).toBe(0);
    const listed = (await t.call('audits.list', { filter: wangFilter() })).rows;
    expect(listed.map((r) => [r.id, r.responseState])).toEqual([[audit.id, 'answered']]);
    expect(listed[0]!.score).toBeCloseTo(81.25, 9);
    const analytics = await t.call('audits.analytics', { filter: wangFilter(), by: 'agent' });
    expect(analytics.groups[0]!.overall.mean).toBeCloseTo(81.25, 9);
    // item failure rates follow the revised answers: greet failed, needs passed
    const items = Object.fromEntries(analytics.items.map((i) => [i.key, i.failures]));
    expect(items).toEqual({ greet: 1, needs: 0, ask: 0 });

    const queue = await t.call('audits.disputes', { status: 'open' });
    expect([queue.rows.length, queue.open, queue.answered]).toEqual([0, 0, 1]);
    const done = await t.call('audits.disputes', { status: 'answered' });
    expect(done.rows.map((r) => [r.auditId, r.answer?.outcome, r.ageHours])).toEqual([
      [audit.id, 'revised', 5],
    ]);

    // final: no new dispute, no second answer, no acknowledgement
    await expect(t.call('audits.dispute', { auditId: audit.id, reason: 'Again' })).rejects.toThrow(
      /conflict: the dispute of audit \d+ was answered: the answer is final, a new dispute is refused/,
    );
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: 'Changed my mind', outcome: 'upheld' }),
    ).rejects.toThrow(/conflict: .*already answered: the answer is final/);
    await expect(t.call('audits.acknowledge', { auditId: audit.id })).rejects.toThrow(/conflict: .*final/);
  });

  it('upholds a dispute: the score stands and the history has no revision', async () => {
    const audit = await submitted('C004', OTHER);
    await wang.call('audits.dispute', { auditId: audit.id, reason: 'The customer asked me not to ask.' });
    const answered = await lin.call('audits.answerDispute', {
      auditId: audit.id,
      answer: 'Asking for the sale is required on every call.',
      outcome: 'upheld',
    });
    expect(answered.score).toBeCloseTo(75, 9);
    expect(answered.failed).toBe(true);
    expect(answered.answers).toEqual(OTHER);
    expect(answered.response?.dispute?.itemKeys).toEqual([]); // the audit as a whole
    expect(answered.response?.answer).toMatchObject({ outcome: 'upheld', original: null, by: lin.login });
    // the agent's two audits now: 81.25 (revised) and 75 (upheld) → mean 78.125, one failed
    const summary = await t.call('audits.summary', { filter: wangFilter() });
    expect([summary.audits, summary.failed]).toEqual([2, 1]);
    expect(summary.auditScore).toBeCloseTo(78.125, 9);
  });

  it('acknowledges: final, and refuses a dispute after it', async () => {
    const audit = await submitted('C003', OTHER);
    const acked = await wang.call('audits.acknowledge', { auditId: audit.id });
    expect(acked.response?.state).toBe('acknowledged');
    expect(acked.response?.acknowledged?.by).toBe(wang.login);
    await expect(wang.call('audits.acknowledge', { auditId: audit.id })).rejects.toThrow(
      /conflict: audit \d+ is already acknowledged/,
    );
    await expect(wang.call('audits.dispute', { auditId: audit.id, reason: 'x' })).rejects.toThrow(
      /conflict: audit \d+ is already acknowledged/,
    );
    await expect(
      lin.call('audits.answerDispute', { auditId: audit.id, answer: 'x', outcome: 'upheld' }),
    ).rejects.toThrow(/conflict: audit \d+ has no dispute to answer/);
    expect((await t.call('audits.disputes', { status: 'all' })).rows.map((r) => r.auditId)).not.toContain(
      audit.id,
    );
  });

  it('refuses what the loop does not allow', async () => {
    pinClock(T0 + 2 * HOUR);
    // a draft
    const draft = await t.call('audits.open', {
      callId: calls['C009']!,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    await expect(t.call('audits.dispute', { auditId: draft.id, reason: 'Too early' })).rejects.toThrow(
      /conflict: audit \d+ is a draft: only a submitted audit can be answered/,
    );
    await expect(t.call('audits.acknowledge', { auditId: draft.id })).rejects.toThrow(/is a draft/);
    expect((await t.call('audits.get', { auditId: draft.id })).response).toBeNull();
    await expect(t.call('audits.acknowledge', { auditId: 999_999 })).rejects.toThrow(
      /not_found: audit 999999/,
    );

    // a calibration scoring is not the agent's to answer
    const { calibrationId } = await t.call('calibrations.create', {
      callId: calls['C009']!,
      versionId: card.versionId,
    });
    const blind = await t.call('calibrations.open', { calibrationId, reviewer: 'Zhou' });
    const blindDone = await t.call('audits.submit', { auditId: blind.id, answers: OTHER, notes: [] });
    expect(blindDone.response).toBeNull();
    await expect(t.call('audits.dispute', { auditId: blind.id, reason: 'x' })).rejects.toThrow(
      /bad_input: audit \d+ is a calibration scoring/,
    );

    const audit = await submitted('C006', FIRST);
    // a pending audit has no dispute to answer
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: 'x', outcome: 'upheld' }),
    ).rejects.toThrow(/conflict: audit \d+ has no dispute to answer/);
    // a reason is required and bounded; items must be the scorecard's
    await expect(t.call('audits.dispute', { auditId: audit.id, reason: '   ' })).rejects.toThrow(
      /bad_input: audits.dispute: reason/,
    );
    await expect(t.call('audits.dispute', { auditId: audit.id, reason: 'x'.repeat(2001) })).rejects.toThrow(
      /bad_input: audits.dispute: reason/,
    );
    await expect(
      t.call('audits.dispute', { auditId: audit.id, reason: 'x', itemIds: ['nope'] }),
    ).rejects.toThrow(/bad_input: not items of this scorecard: nope/);
    expect((await t.call('audits.get', { auditId: audit.id })).response?.state).toBe('pending');

    await t.call('audits.dispute', { auditId: audit.id, reason: 'Unfair' });
    // an agent disputes once
    await expect(t.call('audits.dispute', { auditId: audit.id, reason: 'Still unfair' })).rejects.toThrow(
      /conflict: audit \d+ is already disputed: a reviewer answers it/,
    );
    await expect(t.call('audits.acknowledge', { auditId: audit.id })).rejects.toThrow(/already disputed/);
    // revised needs the new answers; upheld takes none; revised answers name the card's items
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: 'x', outcome: 'revised' }),
    ).rejects.toThrow(/bad_input: a revised outcome re-scores the audit: send the revised answers/);
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: 'x', outcome: 'upheld', answers: REVISED }),
    ).rejects.toThrow(/bad_input: an upheld dispute keeps the score/);
    await expect(
      t.call('audits.answerDispute', {
        auditId: audit.id,
        answer: 'x',
        outcome: 'revised',
        answers: { nope: 'yes' },
      }),
    ).rejects.toThrow(/bad_input: not items of this scorecard: nope/);
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: 'x', outcome: 'revised', answers: {} }),
    ).rejects.toThrow(/bad_input: answer at least one item/);
    await expect(
      t.call('audits.answerDispute', { auditId: audit.id, answer: ' ', outcome: 'upheld' }),
    ).rejects.toThrow(/bad_input: audits.answerDispute: answer/);
    // nothing of the refused answers landed
    const still = await t.call('audits.get', { auditId: audit.id });
    expect(still.response?.state).toBe('disputed');
    expect(still.answers).toEqual(FIRST);
    expect(still.score).toBeCloseTo(43.75, 9);
  });

  it('lets only the audited agent (or their lead) answer, and only a reviewer answer the dispute', async () => {
    const db = t.ws.kysely;
    const wang = agents['8001']!;
    const li = agents['8002']!;
    const audit = await submitted('C010', FIRST); // 李娜, 销售二组
    const asLi = actor('agent', { agentId: li });
    await expect(
      runAs(actor('agent', { agentId: wang }), () => disputeAudit(db, audit.id, 'x')),
    ).rejects.toThrow(/another agent's: only the audited agent answers it/);
    await expect(runAs(actor('qa'), () => acknowledgeAudit(db, audit.id))).rejects.toThrow(
      /only the audited agent/,
    );
    await expect(runAs(actor('manager'), () => disputeAudit(db, audit.id, 'x'))).rejects.toThrow(
      /only the audited agent/,
    );
    await expect(
      runAs(actor('team_lead', { teamIds: [teams['销售一组']!] }), () => disputeAudit(db, audit.id, 'x')),
    ).rejects.toThrow(/only the audited agent/);

    const disputed = await runAs(asLi, () => disputeAudit(db, audit.id, 'I did ask about needs.'));
    expect(disputed.response?.dispute?.by).toBe('agent-login');
    // the agent's own queue: their dispute only; another agent sees none of it
    expect((await runAs(asLi, () => listDisputes(db, 'all', 100))).rows.map((r) => r.agentId)).toEqual(
      expect.arrayContaining([li]),
    );
    expect((await runAs(asLi, () => listDisputes(db, 'all', 100))).rows.every((r) => r.agentId === li)).toBe(
      true,
    );
    const wangsView = await runAs(actor('agent', { agentId: wang }), () => listDisputes(db, 'all', 100));
    expect(wangsView.rows.every((r) => r.agentId === wang)).toBe(true);
    expect(wangsView.rows.map((r) => r.auditId)).not.toContain(audit.id);

    await expect(
      runAs(asLi, () => answerDispute(db, { auditId: audit.id, answer: 'Fine', outcome: 'upheld' })),
    ).rejects.toThrow(/only a reviewer answers the dispute/);
    await expect(
      runAs(actor('manager'), () =>
        answerDispute(db, { auditId: audit.id, answer: 'Fine', outcome: 'upheld' }),
      ),
    ).rejects.toThrow(/only a reviewer answers the dispute/);
    const answered = await runAs(actor('qa'), () =>
      answerDispute(db, { auditId: audit.id, answer: 'Heard it: upheld.', outcome: 'upheld' }),
    );
    expect(answered.response?.answer?.by).toBe('qa-login');

    // a team lead records an acknowledgement on behalf of an agent of their team
    const other = await submitted('C015', OTHER); // agent 8003 has no team: only an admin may record it
    await expect(
      runAs(actor('team_lead', { teamIds: [teams['销售二组']!] }), () => acknowledgeAudit(db, other.id)),
    ).rejects.toThrow(/only the audited agent/);
    const lead = await runAs(actor('admin'), () => acknowledgeAudit(db, other.id));
    expect(lead.response?.acknowledged?.by).toBe('admin-login');
  });

  it('lists open disputes oldest first', async () => {
    // three fresh disputes, made out of order in time
    const a = await submitted('C007', OTHER);
    const b = await submitted('C008', OTHER);
    const c = await submitted('C002', OTHER);
    pinClock(T0 + 30 * HOUR);
    await li.call('audits.dispute', { auditId: b.id, reason: 'b' });
    pinClock(T0 + 10 * HOUR);
    await wang.call('audits.dispute', { auditId: c.id, reason: 'c' });
    pinClock(T0 + 20 * HOUR);
    await li.call('audits.dispute', { auditId: a.id, reason: 'a' });
    pinClock(T0 + 40 * HOUR + 60_000);
    const queue = await t.call('audits.disputes', { status: 'open' });
    // with the one left open by the refusals test (disputed at T0 + 2 h)
    expect(queue.rows.map((r) => [r.reason, r.ageHours])).toEqual([
      ['Unfair', 38],
      ['c', 30],
      ['a', 20],
      ['b', 10],
    ]);
    expect([queue.open, queue.answered]).toEqual([4, 3]);
    const firstTwo = await t.call('audits.disputes', { status: 'open', limit: 2 });
    expect(firstTwo.rows.map((r) => r.reason)).toEqual(['Unfair', 'c']);
    expect(firstTwo.open).toBe(4); // the count is the whole queue's, not the page's
    // all: the open ones, then the answered ones latest answer first (the upheld one answered
    // just after the revised one at T0 + 5 h, then the one answered at T0 + 2 h)
    const all = await t.call('audits.disputes', { status: 'all' });
    expect(all.rows.map((r) => r.answer?.outcome ?? 'open')).toEqual([
      'open',
      'open',
      'open',
      'open',
      'upheld',
      'revised',
      'upheld',
    ]);
  });
});

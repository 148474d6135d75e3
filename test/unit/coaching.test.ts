/**
 * Coaching on a real workspace: notes with agreed actions and a KPI snapshot that later imports
 * do not change, the follow-ups list in order for a pinned "today", and plan status transitions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, AuditDetail, Input } from '../../src-shared/api';
import { dueBucket, endOfWeek, nextPlanStatuses, planChangeProblem } from '../../src-shared/coaching';
import { FIXTURES, openTestWorkspace, type TestWorkspace, answersIn } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
// Agent 8001 in the fixture (worked out by hand in import-callscope.test.ts).
const AGENT_8001 = { dials: 5, connects: 3, sales: 1, revenue: 199_900 };

describe('coaching notes, plans and follow-ups', () => {
  let t: TestWorkspace;
  let agent: Agent;
  let other: Agent;
  /** two submitted audits of the agent's calls (lower id first), one draft, and one of the other agent */
  let audits: { first: AuditDetail; second: AuditDetail; draft: AuditDetail; others: AuditDetail };

  /** An audit of one of the agent's calls; submitted with every item "yes" (or scale 4). */
  async function auditOf(agentId: number, nth: number, submit: boolean): Promise<AuditDetail> {
    const [card] = await t.call('scorecards.list', { language: 'en' });
    const call = await t.ws.kysely
      .selectFrom('calls')
      .select('id')
      .where('agent_id', '=', agentId)
      .orderBy('id')
      .limit(1)
      .offset(nth)
      .executeTakeFirstOrThrow();
    const opened = await t.call('audits.open', {
      callId: call.id,
      versionId: card!.versionId,
      reviewer: '李娜',
    });
    if (!submit) return opened;
    const answers = Object.fromEntries(
      card!.definition.sections.flatMap((s) => s.items.map((i) => [i.key, i.type === 'yesno' ? 'yes' : '4'])),
    );
    return t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] });
  }

  beforeEach(async () => {
    t = await openTestWorkspace();
    expect((await t.importFile(BASIC)).status).toBe('done');
    const agents = await t.call('agents.list');
    agent = agents.find((a) => a.code === '8001')!;
    other = agents.find((a) => a.code === '8002')!;
    audits = {
      first: await auditOf(agent.id, 0, true),
      second: await auditOf(agent.id, 1, true),
      draft: await auditOf(agent.id, 2, false),
      others: await auditOf(other.id, 0, true),
    };
  });
  afterEach(async () => t.close());

  const note = (extra: Partial<Input<'coaching.createNote'>> = {}): Input<'coaching.createNote'> => ({
    agentId: agent.id,
    kind: 'oneOnOne',
    day: '2026-12-01',
    coach: '李娜',
    strengths: '开场白清楚',
    shortfalls: '异议处理太快放弃',
    agentView: '同意多练习价格异议',
    followUpDay: '2026-12-08',
    actions: [{ text: '每天复听两通成交录音' }, { text: '练习价格异议话术', dueDay: '2026-12-04' }],
    auditIds: [audits.second.id, audits.first.id],
    kpiRange: NOVEMBER,
    ...extra,
  });

  it('writes a note with its actions, audit links and a KPI snapshot of the period', async () => {
    const created = await t.call('coaching.createNote', note());
    expect(created).toMatchObject({
      agentId: agent.id,
      agentCode: '8001',
      agentName: '王伟',
      kind: 'oneOnOne',
      coach: '李娜',
      followUpDay: '2026-12-08',
      followUpDoneAt: null,
      planId: null,
      auditIds: [audits.first.id, audits.second.id],
    });
    expect(created.actions.map((a) => [a.text, a.dueDay, a.doneAt])).toEqual([
      ['每天复听两通成交录音', null, null],
      ['练习价格异议话术', '2026-12-04', null],
    ]);
    expect(created.kpis).toMatchObject({ ...NOVEMBER, values: AGENT_8001 });
    expect(created.kpis!.values.connectRate).toBeCloseTo(3 / 5, 12);
    expect(await t.call('coaching.note', { id: created.id })).toEqual(created);
  });

  it("links only existing audits of the note's agent, and shows them with their score", async () => {
    const created = await t.call('coaching.createNote', note());
    expect(created.audits).toEqual(
      [audits.first, audits.second].map((a) => ({
        id: a.id,
        day: a.call.day,
        submitted: true,
        score: a.score,
        failed: a.failed,
        scorecardName: a.scorecard.name,
      })),
    );
    expect(created.audits[0]!.score).toBeCloseTo(audits.first.score!, 10);

    const missing = audits.others.id + 100;
    await expect(
      t.call('coaching.createNote', note({ auditIds: [audits.first.id, missing] })),
    ).rejects.toThrow(`auditIds: audit ${missing} not found`);
    await expect(t.call('coaching.createNote', note({ auditIds: [audits.others.id] }))).rejects.toThrow(
      `auditIds: audit ${audits.others.id} is of another agent`,
    );
    await expect(
      t.call('coaching.updateNote', { ...note({ auditIds: [audits.others.id] }), id: created.id }),
    ).rejects.toThrow(`auditIds: audit ${audits.others.id} is of another agent`);
    // The refused edit left the links as they were; a draft of the agent's may be linked.
    expect((await t.call('coaching.note', { id: created.id })).auditIds).toEqual([
      audits.first.id,
      audits.second.id,
    ]);
    const withDraft = await t.call('coaching.updateNote', {
      ...note({ auditIds: [audits.draft.id] }),
      id: created.id,
    });
    expect(withDraft.audits).toMatchObject([{ id: audits.draft.id, submitted: false, score: null }]);
  });

  it('edits a note: keeps done actions, drops removed ones, keeps the snapshot unless the period changes', async () => {
    const created = await t.call('coaching.createNote', note());
    const [first] = created.actions;
    await t.call('coaching.markDone', { kind: 'action', actionId: first!.id, done: true });
    const doneAt = (await t.call('coaching.note', { id: created.id })).actions[0]!.doneAt;
    expect(doneAt).toEqual(expect.any(Number));

    const edited = await t.call('coaching.updateNote', {
      ...note({ strengths: '开场白清楚，语速合适', auditIds: [audits.first.id] }),
      id: created.id,
      actions: [{ id: first!.id, text: first!.text, done: true }, { text: '周五前约一次陪听' }],
    });
    expect(edited.strengths).toBe('开场白清楚，语速合适');
    expect(edited.auditIds).toEqual([audits.first.id]);
    expect(edited.actions.map((a) => a.text)).toEqual(['每天复听两通成交录音', '周五前约一次陪听']);
    expect(edited.actions[0]).toMatchObject({ id: first!.id, doneAt });
    expect(edited.kpis!.takenAt).toBe(created.kpis!.takenAt);

    const narrowed = await t.call('coaching.updateNote', {
      ...note({ kpiRange: { from: '2026-11-04', to: '2026-11-04' } }),
      id: created.id,
    });
    expect(narrowed.kpis).toMatchObject({ from: '2026-11-04', to: '2026-11-04' });
    expect(narrowed.kpis!.values.dials).toBeLessThan(AGENT_8001.dials);
    const none = await t.call('coaching.updateNote', { ...note({ kpiRange: null }), id: created.id });
    expect(none.kpis).toBeNull();

    // Another note's action cannot be smuggled in; the agent of a note does not change.
    const otherNote = await t.call('coaching.createNote', note());
    await expect(
      t.call('coaching.updateNote', {
        ...note(),
        id: created.id,
        actions: [{ id: otherNote.actions[0]!.id, text: 'x' }],
      }),
    ).rejects.toThrow(/actions: action \d+ is not one of this note's/);
    await expect(
      t.call('coaching.updateNote', { ...note({ agentId: other.id }), id: created.id }),
    ).rejects.toThrow(/agentId: a note stays with its agent/);

    expect(await t.call('coaching.deleteNote', { id: created.id })).toEqual({ deleted: true });
    const listed = await t.call('coaching.notes', { agentId: agent.id });
    expect(listed.notes.map((n) => n.id)).toEqual([otherNote.id]);
    expect(listed.total).toBe(1);
  });

  it('keeps the KPIs the note was written against after a later import into the same period', async () => {
    const created = await t.call('coaching.createNote', note());
    const late = path.join(t.dir, 'late.csv');
    fs.writeFileSync(
      late,
      [
        fs.readFileSync(BASIC, 'utf8').split('\n')[0],
        'L001,8001,王伟,销售一组,老客续费,2026-11-20 10:00:00,13800138101,outbound,connected,3,200,sale,"5,000.00",',
        'L002,8001,王伟,销售一组,老客续费,2026-11-20 10:10:00,13800138102,outbound,no_answer,20,0,,,',
      ].join('\n'),
    );
    expect((await t.importFile(late)).status).toBe('done');

    const live = await t.call('metrics.summary', {
      filter: { ...NOVEMBER, agentId: agent.id },
    });
    expect(live.current).toMatchObject({ dials: AGENT_8001.dials + 2, sales: AGENT_8001.sales + 1 });
    const stored = await t.call('coaching.note', { id: created.id });
    expect(stored.kpis).toEqual(created.kpis);
    expect(stored.kpis!.values).toMatchObject(AGENT_8001);
  });

  it('names the field of bad input', async () => {
    const bad = async (input: Record<string, unknown>) =>
      t.callUnchecked('coaching.createNote', { ...note(), ...input }).then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    expect(await bad({ followUpDay: '2026-11-30' })).toMatch(
      /bad_input: .*followUpDay: the follow-up date must not be before the note date 2026-12-01/,
    );
    expect(await bad({ day: '2026-13-01' })).toMatch(/day: expected a date YYYY-MM-DD/);
    expect(await bad({ followUpDay: '8.12.2026' })).toMatch(/followUpDay: expected a date YYYY-MM-DD/);
    expect(await bad({ coach: '  ' })).toMatch(/coach: name who coached/);
    expect(await bad({ kind: 'checkpoint' })).toMatch(/planId: a checkpoint belongs to an improvement plan/);
    expect(await bad({ actions: [{ text: '' }] })).toMatch(/actions\.0\.text: describe the action/);
    expect(await bad({ actions: [{ text: 'x', dueDay: '2026-11-01' }] })).toMatch(
      /actions\.0\.dueDay: an action cannot be due before the note date/,
    );
    expect(await bad({ kpiRange: { from: '2026-11-30', to: '2026-11-01' } })).toMatch(/kpiRange\.to:/);
    expect(await bad({ agentId: 9999 })).toMatch(/not_found: agent 9999 not found/);
    expect(await bad({ planId: 9999 })).toMatch(/planId: improvement plan 9999 not found/);
  });

  it('lists what is due for a pinned today: overdue first, then today, this week, later, undated', async () => {
    const today = '2026-12-09'; // a Wednesday; the week ends on Sunday 12-13
    expect(endOfWeek(today)).toBe('2026-12-13');
    const n1 = await t.call('coaching.createNote', note({ followUpDay: '2026-12-08' }));
    const n2 = await t.call(
      'coaching.createNote',
      note({
        agentId: other.id,
        day: '2026-12-09',
        followUpDay: '2026-12-09',
        actions: [{ text: '下周一前整理客户清单', dueDay: '2026-12-14' }],
        auditIds: [audits.others.id],
        kpiRange: null,
      }),
    );
    const n3 = await t.call(
      'coaching.createNote',
      note({ day: '2026-12-02', followUpDay: null, actions: [{ text: '没有日期的行动' }] }),
    );
    const plan = await t.call('coaching.createPlan', {
      agentId: agent.id,
      startDay: '2026-11-16',
      endDay: '2026-12-11',
      coach: '李娜',
      goals: [{ kpi: 'connectRate', target: 0.5 }],
    });

    const { items } = await t.call('coaching.due', { today });
    expect(items.map((i) => [i.bucket, i.due, i.kind, i.agentCode])).toEqual([
      ['overdue', '2026-12-04', 'action', '8001'],
      ['overdue', '2026-12-08', 'followUp', '8001'],
      ['overdue', '2026-12-08', 'action', '8001'],
      ['today', '2026-12-09', 'followUp', '8002'],
      ['thisWeek', '2026-12-11', 'planEnd', '8001'],
      ['later', '2026-12-14', 'action', '8002'],
      ['undated', null, 'action', '8001'],
    ]);
    expect(items.find((i) => i.kind === 'planEnd')).toMatchObject({ planId: plan.id, planStatus: 'active' });
    expect(items[0]).toMatchObject({ noteId: n1.id, text: '练习价格异议话术', noteKind: 'oneOnOne' });
    expect(items[6]).toMatchObject({ noteId: n3.id, text: '没有日期的行动' });

    // Marking done takes an item off the list; undoing puts it back.
    await t.call('coaching.markDone', { kind: 'followUp', noteId: n2.id, done: true });
    await t.call('coaching.markDone', { kind: 'action', actionId: n1.actions[1]!.id, done: true });
    const after = await t.call('coaching.due', { today });
    expect(after.items.map((i) => i.key)).not.toContain(`followUp:${n2.id}`);
    expect(after.items.map((i) => i.key)).not.toContain(`action:${n1.actions[1]!.id}`);
    expect(after.items).toHaveLength(5);
    await t.call('coaching.markDone', { kind: 'followUp', noteId: n2.id, done: false });
    expect((await t.call('coaching.due', { today })).items).toHaveLength(6);
    await expect(
      t.call('coaching.markDone', { kind: 'followUp', noteId: n3.id, done: true }),
    ).rejects.toThrow(/has no follow-up date/);

    // One agent's list, and the agent page's summary.
    const mine = await t.call('coaching.due', { today, agentId: other.id });
    expect(mine.items.every((i) => i.agentId === other.id)).toBe(true);
    const panel = await t.call('coaching.agent', { agentId: agent.id, today });
    expect(panel.totalNotes).toBe(2);
    expect(panel.openPlan?.id).toBe(plan.id);
    expect(panel.nextDue).toMatchObject({ kind: 'followUp', due: '2026-12-08' });
  });

  it('moves a plan through its statuses and refuses the moves that make no sense', async () => {
    const base: Input<'coaching.createPlan'> = {
      agentId: agent.id,
      startDay: '2026-11-01',
      endDay: '2026-11-30',
      coach: '李娜',
      reason: '接通率连续两个月低于组平均',
      goals: [{ kpi: 'connectRate', target: 0.5 }, { text: '每周至少复听5通录音' }],
    };
    const plan = await t.call('coaching.createPlan', base);
    expect(plan.status).toBe('active');
    // The KPI goal shows the agent's value over the plan's period (connects 3 / dials 5 in the fixture).
    expect(plan.goals[0]).toMatchObject({ kpi: 'connectRate', target: 0.5, status: 'open' });
    expect(plan.goals[0]!.current).toBeCloseTo(0.6, 12);
    expect(plan.goals[1]).toMatchObject({
      kpi: null,
      text: '每周至少复听5通录音',
      target: null,
      current: null,
    });

    await expect(t.call('coaching.createPlan', base)).rejects.toThrow(
      /conflict: agentId: .*open improvement plan/,
    );

    const update = (
      extra: Partial<Input<'coaching.updatePlan'>> & Pick<Input<'coaching.updatePlan'>, 'status'>,
    ) =>
      t.call('coaching.updatePlan', {
        ...base,
        id: plan.id,
        goals: plan.goals.map((g) => ({
          id: g.id,
          kpi: g.kpi,
          text: g.text,
          target: g.target,
          status: g.status,
        })),
        ...extra,
      });
    await expect(update({ status: 'extended' })).rejects.toThrow(
      /endDay: extending the plan needs an end date after 2026-11-30/,
    );
    const extended = await update({ status: 'extended', endDay: '2026-12-15' });
    expect(extended).toMatchObject({ status: 'extended', endDay: '2026-12-15' });
    await expect(update({ status: 'active', endDay: '2026-12-15' })).rejects.toThrow(
      /status: a plan that is extended cannot become active/,
    );

    // A checkpoint note belongs to the open plan and counts on it.
    const checkpoint = await t.call('coaching.createNote', note({ kind: 'checkpoint', planId: plan.id }));
    expect(checkpoint.planId).toBe(plan.id);
    const otherPlan = await t.call('coaching.createPlan', { ...base, agentId: other.id });
    await expect(
      t.call('coaching.createNote', note({ kind: 'checkpoint', planId: otherPlan.id })),
    ).rejects.toThrow(/planId: improvement plan \d+ belongs to another agent/);

    const passed = await update({
      status: 'passed',
      endDay: '2026-12-15',
      goals: [
        { id: plan.goals[0]!.id, kpi: 'connectRate', target: 0.5, status: 'met' },
        { id: plan.goals[1]!.id, text: '每周至少复听5通录音', status: 'met' },
      ],
    });
    expect(passed).toMatchObject({ status: 'passed', checkpoints: 1, lastCheckpointDay: '2026-12-01' });
    expect(passed.goals.map((g) => g.status)).toEqual(['met', 'met']);
    await expect(update({ status: 'failed', endDay: '2026-12-15' })).rejects.toThrow(
      /status: a plan that is passed cannot become failed/,
    );
    await expect(update({ status: 'passed', endDay: '2026-12-31' })).rejects.toThrow(
      /endDay: the plan is passed; its dates no longer change/,
    );
    // A closed plan takes no new checkpoints, and the agent may start a new plan.
    await expect(
      t.call('coaching.createNote', note({ kind: 'checkpoint', planId: plan.id })),
    ).rejects.toThrow(/is passed; checkpoints go to open plans/);
    const next = await t.call('coaching.createPlan', {
      ...base,
      startDay: '2027-01-04',
      endDay: '2027-01-31',
    });
    const plans = await t.call('coaching.plans', { agentId: agent.id });
    expect(plans.plans.map((p) => [p.id, p.status])).toEqual([
      [next.id, 'active'],
      [plan.id, 'passed'],
    ]);

    await expect(t.call('coaching.createPlan', { ...base, endDay: '2026-10-01' })).rejects.toThrow(
      /endDay: the end date must not be before the start date 2026-11-01/,
    );
    await expect(t.call('coaching.createPlan', { ...base, goals: [{ kpi: 'sales' }] })).rejects.toThrow(
      /goals\.0\.target: a KPI goal needs a target value/,
    );
    await expect(t.call('coaching.createPlan', { ...base, goals: [] })).rejects.toThrow(
      /goals: a plan needs at least one goal/,
    );
  });
});

describe('coaching rules', () => {
  it('puts a due date in its bucket around a pinned today (weeks end on Sunday)', () => {
    expect(dueBucket('2026-12-06', '2026-12-07')).toBe('overdue');
    expect(dueBucket('2026-12-07', '2026-12-07')).toBe('today');
    expect(dueBucket('2026-12-13', '2026-12-07')).toBe('thisWeek');
    expect(dueBucket('2026-12-14', '2026-12-07')).toBe('later');
    expect(dueBucket('2026-12-14', '2026-12-13')).toBe('later'); // on Sunday, this week is today
    expect(dueBucket(null, '2026-12-07')).toBe('undated');
  });

  it('lets only open plans change status', () => {
    expect(nextPlanStatuses('active')).toEqual(['active', 'extended', 'passed', 'failed', 'cancelled']);
    expect(nextPlanStatuses('cancelled')).toEqual(['cancelled']);
    const open = { status: 'active' as const, startDay: '2026-11-01', endDay: '2026-11-30' };
    expect(planChangeProblem(open, { ...open, status: 'failed' })).toBeNull();
    expect(planChangeProblem(open, { ...open, status: 'extended', endDay: '2026-12-31' })).toBeNull();
    expect(planChangeProblem(open, { ...open, status: 'extended' })).toMatch(/needs an end date after/);
  });
});

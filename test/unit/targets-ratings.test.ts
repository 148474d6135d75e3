/**
 * Behaviour ratings and the training log: the formulas by hand (a missing rating, the peers'
 * average, a weight of zero), then on a real workspace with the demo floor: stored ratings weigh in
 * the composite score as the profile says, self/peer ratings never do, and the table refuses a
 * rater that does not fit the rater kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { agentRatings, attendanceOf, ratingAttainment, type RatingEntry } from '../../src-shared/ratings';
import { compositeScore, DEFAULT_PROFILE, type ScoringProfile } from '../../src-shared/scoring';
import { countRows, openTestWorkspace, type TestWorkspace } from '../helpers';

const profile: ScoringProfile = {
  weights: {
    dialsPerDay: 20,
    connectRate: 0,
    effectiveTalkPerDay: 0,
    intents: 0,
    sales: 40,
    revenue: 0,
    auditScore: 0,
  },
  ratingWeights: { professionalism: 20, attitude: 10, learning: 10 },
  ratingTarget: 4,
  cap: 1.2,
  bands: { A: 100, B: 85, C: 70 },
};

describe('ratings in the composite score', () => {
  it('maps a rating to rating ÷ target rating, capped like a KPI', () => {
    expect(ratingAttainment(3, 4)).toBe(0.75);
    expect(ratingAttainment(5, 4)).toBe(1.25);
    expect(ratingAttainment(null, 4)).toBeNull();
    const s = compositeScore({ dialsPerDay: 1, sales: 1 }, profile, {
      professionalism: 5,
      attitude: 3,
      learning: 4,
    });
    // (20 × 1 + 40 × 1 + 20 × min(1.25, 1.2) + 10 × 0.75 + 10 × 1) ÷ 100 × 100 = 101.5 points
    expect(s.score).toBeCloseTo(101.5, 10);
    const prof = s.parts.find((p) => p.kpi === 'professionalism')!;
    expect(prof).toMatchObject({ attainment: 1.25, counted: 1.2, leftOut: false });
    expect(prof.points).toBeCloseTo(24, 10);
  });

  it('leaves out a dimension the lead did not rate and shares its weight, as for a KPI without data', () => {
    const s = compositeScore({ dialsPerDay: 1, sales: 1 }, profile, { professionalism: 5, attitude: 3 });
    // Learning (weight 10) has no lead rating: (20 + 40 + 20 × 1.2 + 10 × 0.75) ÷ 90 × 100 = 101.666… points
    expect(s.score).toBeCloseTo((100 * 91.5) / 90, 10);
    const learning = s.parts.find((p) => p.kpi === 'learning')!;
    expect(learning).toMatchObject({ leftOut: true, points: 0, attainment: null });
    // No ratings at all: only the KPIs count, 100 points.
    expect(compositeScore({ dialsPerDay: 1, sales: 1 }, profile).score).toBeCloseTo(100, 10);
  });

  it('a weight of zero keeps a rating out of the score and out of the breakdown', () => {
    const zero = { ...profile, ratingWeights: { professionalism: 0, attitude: 0, learning: 0 } };
    const s = compositeScore({ dialsPerDay: 0.5, sales: 1 }, zero, {
      professionalism: 1,
      attitude: 1,
      learning: 1,
    });
    // (20 × 0.5 + 40 × 1) ÷ 60 × 100 = 83.333… points; the ratings of 1 change nothing.
    expect(s.score).toBeCloseTo(250 / 3, 10);
    expect(s.parts.map((p) => p.kpi)).toEqual(['dialsPerDay', 'sales']);
    // The default profile weighs ratings 0, and a profile saved before ratings (no ratingWeights) too.
    const { ratingWeights: _, ratingTarget: __, ...old } = DEFAULT_PROFILE;
    const withRatings = compositeScore({ sales: 1 }, DEFAULT_PROFILE, { attitude: 1 });
    expect(withRatings.score).toBe(compositeScore({ sales: 1 }, old, { attitude: 1 }).score);
    expect(withRatings.score).toBeCloseTo(100, 10);
  });

  it('the lead, self and the peers’ average side by side', () => {
    const e = (
      raterKind: RatingEntry['raterKind'],
      raterId: number,
      dimension: RatingEntry['dimension'],
      score: number,
    ) => ({ agentId: 7, raterKind, raterId, dimension, score, reason: '' }) satisfies RatingEntry;
    const entries: RatingEntry[] = [
      e('lead', 0, 'attitude', 4),
      e('self', 7, 'attitude', 5),
      e('peer', 3, 'attitude', 3),
      e('peer', 4, 'attitude', 4),
      e('peer', 5, 'attitude', 4),
      e('peer', 3, 'learning', 2),
      { ...e('lead', 0, 'attitude', 1), agentId: 8 },
    ];
    const r = agentRatings(7, entries);
    expect(r.lead).toEqual({ professionalism: null, attitude: 4, learning: null });
    expect(r.self.attitude).toBe(5);
    // (3 + 4 + 4) ÷ 3 = 3.666…
    expect(r.peer.attitude.average).toBeCloseTo(11 / 3, 10);
    expect(r.peer.attitude.raters).toBe(3);
    expect(r.peer.learning).toEqual({ average: 2, raters: 1 });
    expect(r.peer.professionalism).toEqual({ average: null, raters: 0 });
  });

  it('counts training attendance and hours, by day', () => {
    const sessions = [
      { id: 2, day: '2026-10-20', topic: 'Objections', hours: 1.5, notes: null, attendees: [7, 8] },
      { id: 1, day: '2026-10-12', topic: 'Product', hours: null, notes: null, attendees: [7] },
      { id: 3, day: '2026-10-22', topic: 'CRM', hours: 2, notes: null, attendees: [8] },
    ];
    const a = attendanceOf(7, sessions);
    expect(a.count).toBe(2);
    expect(a.hours).toBe(1.5);
    expect(a.sessions.map((s) => s.id)).toEqual([1, 2]);
    expect(attendanceOf(9, sessions)).toEqual({ sessions: [], count: 0, hours: 0 });
  });
});

describe('ratings on a real workspace', () => {
  let t: TestWorkspace;
  let month: string;
  let agents: number[];

  beforeAll(async () => {
    t = await openTestWorkspace();
    const { jobId } = await t.call('demo.load', { agents: 6, days: 10, seed: 11 });
    expect((await t.api.jobs.wait(jobId)).status).toBe('done');
    const first = await t.ws.kysely
      .selectFrom('calls')
      .select('day')
      .orderBy('day')
      .limit(1)
      .executeTakeFirstOrThrow();
    month = first.day.slice(0, 7);
    agents = (
      await t.ws.kysely.selectFrom('calls').select('agent_id').distinct().orderBy('agent_id').execute()
    ).map((c) => c.agent_id);
  }, 60_000);
  afterAll(() => t.close());

  const weighted: ScoringProfile = {
    ...DEFAULT_PROFILE,
    weights: { ...DEFAULT_PROFILE.weights, dialsPerDay: 0, connectRate: 0, effectiveTalkPerDay: 0 },
    ratingWeights: { professionalism: 100, attitude: 0, learning: 0 },
  };

  it('stores lead, self and peer ratings and lists them side by side with the training log', async () => {
    const [a, b, c] = agents as [number, number, number];
    await t.call('ratings.set', {
      month,
      entries: [
        {
          agentId: a,
          raterKind: 'lead' as const,
          raterId: 0,
          dimension: 'professionalism',
          score: 5,
          reason: ' knows the plans ',
        },
        {
          agentId: b,
          raterKind: 'lead' as const,
          raterId: 0,
          dimension: 'professionalism',
          score: 1,
          reason: 'misquotes',
        },
        {
          agentId: a,
          raterKind: 'self' as const,
          raterId: a,
          dimension: 'professionalism' as const,
          score: 4,
          reason: '',
        },
        {
          agentId: a,
          raterKind: 'peer' as const,
          raterId: b,
          dimension: 'professionalism' as const,
          score: 3,
          reason: '',
        },
        {
          agentId: a,
          raterKind: 'peer' as const,
          raterId: c,
          dimension: 'professionalism' as const,
          score: 4,
          reason: '',
        },
      ],
    });
    const training = await t.call('ratings.saveTraining', {
      day: `${month}-05`,
      topic: 'Handling objections',
      hours: 2,
      notes: null,
      attendees: [a, c],
    });
    const out = await t.call('ratings.month', { month });
    const rowA = out.agents.find((r) => r.agentId === a)!;
    expect(rowA.lead.professionalism).toBe(5);
    expect(rowA.self.professionalism).toBe(4);
    expect(rowA.peer.professionalism).toEqual({ average: 3.5, raters: 2 });
    expect(rowA.trainings).toEqual({ sessionIds: [training.id], count: 1, hours: 2 });
    expect(out.entries.find((e) => e.agentId === a && e.raterKind === 'lead')!.reason).toBe(
      'knows the plans',
    );
    expect(out.sessions).toEqual([
      {
        id: training.id,
        day: `${month}-05`,
        topic: 'Handling objections',
        hours: 2,
        notes: null,
        attendees: [a, c],
      },
    ]);
    // A null score removes a rating.
    await t.call('ratings.set', {
      month,
      entries: [
        {
          agentId: a,
          raterKind: 'peer' as const,
          raterId: c,
          dimension: 'professionalism' as const,
          score: null,
          reason: '',
        },
      ],
    });
    const after = await t.call('ratings.month', { month });
    expect(after.agents.find((r) => r.agentId === a)!.peer.professionalism).toEqual({
      average: 3,
      raters: 1,
    });
    // Deleting the session drops its attendees with it.
    await t.call('ratings.deleteTraining', { id: training.id });
    expect(await countRows(t, 'training_attendees')).toBe(0);
  });

  it('refuses a rater that does not fit the kind', async () => {
    const [a, b] = agents as [number, number];
    const bad = (raterKind: string, raterId: number) =>
      t.callUnchecked('ratings.set', {
        month,
        entries: [{ agentId: a, raterKind, raterId, dimension: 'attitude' as const, score: 3, reason: '' }],
      });
    await expect(bad('lead', b)).rejects.toThrow(/lead rates as 0/);
    await expect(bad('self', b)).rejects.toThrow(/self-rating is by the agent/);
    await expect(bad('peer', a)).rejects.toThrow(/peer is another agent/);
    await expect(bad('peer', 99_999)).rejects.toThrow(/not_found/);
    await expect(
      t.call('ratings.set', {
        month,
        entries: [
          {
            agentId: a,
            raterKind: 'lead' as const,
            raterId: 0,
            dimension: 'attitude' as const,
            score: 6,
            reason: '',
          },
        ],
      }),
    ).rejects.toThrow(/bad_input/);
  });

  it('editing a training replaces its attendees; an unknown session or agent changes nothing', async () => {
    const [a, b, c] = agents as [number, number, number];
    const session = { day: `${month}-12`, topic: 'Closing', hours: 1, notes: 'room 2' };
    const added = await t.call('ratings.saveTraining', {
      ...session,
      attendees: [a, b],
    });
    expect(added.attendees).toEqual([a, b].sort((x, y) => x - y));
    // The same agent twice counts once; the earlier attendees not listed again are gone.
    const edited = await t.call('ratings.saveTraining', {
      ...session,
      id: added.id,
      topic: 'Closing, part 2',
      attendees: [c, c],
    });
    expect(edited).toEqual({ ...session, id: added.id, topic: 'Closing, part 2', attendees: [c] });
    await expect(t.call('ratings.saveTraining', { ...session, id: 99_999, attendees: [a] })).rejects.toThrow(
      /not_found/,
    );
    await expect(
      t.call('ratings.saveTraining', { ...session, id: added.id, attendees: [a, 99_999] }),
    ).rejects.toThrow(/not_found/);
    const stored = await t.ws.kysely
      .selectFrom('training_attendees')
      .select('agent_id')
      .where('session_id', '=', added.id)
      .execute();
    expect(stored.map((s) => s.agent_id)).toEqual([c]);
    expect(await t.call('ratings.deleteTraining', { id: added.id })).toEqual({ deleted: true });
    expect(await t.call('ratings.deleteTraining', { id: added.id })).toEqual({ deleted: false });
  });

  it('the lead’s ratings weigh in the score; self and peer ratings do not; no rating = no data', async () => {
    const [a, b, c] = agents as [number, number, number];
    const scores = (p?: ScoringProfile) => t.call('targets.scores', { month, ...(p ? { profile: p } : {}) });
    // No targets are set and the only weight left is the professionalism rating: the score is the rating.
    const out = await scores(weighted);
    const row = (id: number) => out.rows.find((r) => r.agentId === id)!;
    // 5 ÷ 4 = 125 %, capped at 120 % → 120 points; 1 ÷ 4 → 25 points.
    expect(row(a).score).toBeCloseTo(120, 10);
    expect(row(b).score).toBeCloseTo(25, 10);
    expect(row(a).rank).toBe(1);
    // c has only peer ratings from the earlier test (none now) and no lead rating: no data, no rank.
    expect(row(c).score).toBeNull();
    expect(row(c).parts.find((p) => p.kpi === 'professionalism')).toEqual({
      kpi: 'professionalism',
      weight: 100,
      attainment: null,
      counted: null,
      points: 0,
      leftOut: true,
    });
    // Every other weighted part (sales, …) has no target this month: all left out.
    expect(row(c).parts.every((p) => p.leftOut)).toBe(true);
    // The saved default profile weighs ratings 0: the stored profile reads back with the new fields.
    const saved = await t.call('targets.profile', {});
    expect(saved.ratingWeights).toEqual({ professionalism: 0, attitude: 0, learning: 0 });
    expect(saved.ratingTarget).toBe(4);
    expect(
      (await scores()).rows.every((r) =>
        r.parts.every((p) => !['professionalism', 'attitude', 'learning'].includes(p.kpi)),
      ),
    ).toBe(true);
  });

  it('keeps a campaign’s own profile apart and drops it back to the workspace’s', async () => {
    const { id: campaignId } = await t.ws.kysely
      .selectFrom('campaigns')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await t.call('targets.campaignProfiles')).campaignIds).toEqual([]);
    await t.call('targets.setProfile', { campaignId, profile: weighted });
    expect((await t.call('targets.campaignProfiles')).campaignIds).toEqual([campaignId]);
    expect((await t.call('targets.profile', { campaignId })).ratingWeights!.professionalism).toBe(100);
    expect((await t.call('targets.profile', {})).ratingWeights!.professionalism).toBe(0);
    const dropped = await t.call('targets.dropProfile', { campaignId });
    expect(dropped.ratingWeights!.professionalism).toBe(0);
    expect((await t.call('targets.campaignProfiles')).campaignIds).toEqual([]);
  });
});

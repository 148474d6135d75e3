/**
 * Spot-checks on a real SQLite workspace with the demo floor: a reproducible, stratified sample
 * that skips audited calls; drafts that survive a restart; submit scored on the server with the
 * audit's own scorecard version; the audit-score KPI; blind calibration with kappa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohenKappa, countMatrix, fleissKappa } from '../../src-shared/agreement';
import type { AuditDetail, Sample, ScorecardVersion } from '../../src-shared/api';
import { scoreAudit, type Answers } from '../../src-shared/scorecard';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { answersIn, openTestWorkspace, signInAsTestAdmin, sqlRows, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let from: string;
let to: string;
let cards: ScorecardVersion[];

function raw<T>(sqlText: string, ...params: unknown[]): Promise<T[]> {
  return sqlRows<T>(t, sqlText, ...params);
}

beforeAll(async () => {
  t = await openTestWorkspace();
  const { jobId } = await t.call('demo.load', { agents: 6, days: 21, seed: 5 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  const days = (await raw<{ day: string }>('SELECT DISTINCT day FROM calls ORDER BY day')).map((r) => r.day);
  from = days[days.length - 7]!;
  to = days[days.length - 1]!;
  cards = await t.call('scorecards.list', { language: 'en' });
}, 120_000);

afterAll(async () => t?.close());

const sampleInput = (seed: number) => ({ from, to, perAgent: 4, seed, strata: true, minimum: 2 });

function picksByAgent(sample: Sample): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const c of sample.calls) (out[c.agentId] ??= []).push(`${c.callId}:${c.stratum}`);
  return out;
}

describe('sampling', () => {
  it('draws N connected calls per agent, the same list for the same seed', async () => {
    const first = await t.call('audits.buildSample', sampleInput(42));
    const again = await t.call('audits.buildSample', sampleInput(42));
    const other = await t.call('audits.buildSample', sampleInput(43));
    expect(again.id).not.toBe(first.id);
    expect(picksByAgent(again)).toEqual(picksByAgent(first));
    expect(picksByAgent(other)).not.toEqual(picksByAgent(first));

    const agents = await raw<{ agent_id: number; n: number }>(
      `SELECT agent_id, count(*) AS n FROM calls WHERE day BETWEEN ? AND ? AND direction = 'outbound'
       AND disposition = 'connected' AND talk_seconds > 0 GROUP BY agent_id`,
      from,
      to,
    );
    expect(Object.keys(picksByAgent(first)).length).toBe(agents.length);
    for (const a of agents) expect(picksByAgent(first)[a.agent_id]!.length).toBe(Math.min(4, a.n));
    for (const c of first.calls) {
      const [call] = await raw<{ disposition: string; talk_seconds: number; day: string }>(
        'SELECT disposition, talk_seconds, day FROM calls WHERE id = ?',
        c.callId,
      );
      expect(call!.disposition).toBe('connected');
      expect(call!.talk_seconds).toBeGreaterThan(0);
      expect(call!.day >= from && call!.day <= to).toBe(true);
    }
  });

  it('strata: a sale, the longest conversation, a short sale when there is one, then random', async () => {
    const sample = await t.call('audits.buildSample', sampleInput(7));
    for (const [agentId, picks] of Object.entries(picksByAgent(sample))) {
      const calls = await raw<{ id: number; talk_seconds: number; is_sale: number }>(
        `SELECT id, talk_seconds, is_sale FROM calls WHERE agent_id = ? AND day BETWEEN ? AND ?
         AND direction = 'outbound' AND disposition = 'connected' AND talk_seconds > 0`,
        Number(agentId),
        from,
        to,
      );
      const byId = new Map(calls.map((c) => [c.id, c]));
      const strata = picks.map((p) => p.split(':')[1]);
      const ids = picks.map((p) => Number(p.split(':')[0]));
      const sales = calls.filter((c) => c.is_sale === 1);
      if (sales.length > 0) {
        expect(strata[0]).toBe('sale');
        expect(byId.get(ids[0]!)!.is_sale).toBe(1);
      }
      const longestIndex = strata.indexOf('longest');
      expect(longestIndex).toBeGreaterThanOrEqual(0);
      const others = calls.filter((c) => c.id !== (strata[0] === 'sale' ? ids[0] : -1));
      expect(byId.get(ids[longestIndex]!)!.talk_seconds).toBe(Math.max(...others.map((c) => c.talk_seconds)));
      const shortIndex = strata.indexOf('short_sale');
      const shortSales = sales.filter((c) => c.talk_seconds < 30 && !ids.slice(0, 2).includes(c.id));
      expect(shortIndex >= 0).toBe(shortSales.length > 0);
      if (shortIndex >= 0) expect(byId.get(ids[shortIndex]!)!.talk_seconds).toBeLessThan(30);
      expect(strata.slice(3).every((s) => s === 'random')).toBe(true);
    }
  });

  it('a short sale (< 30 s) is picked as its own stratum', async () => {
    // Mark one short connect of the first agent as a sale (a rollup-free field for this test).
    const [short] = await raw<{ id: number; agent_id: number }>(
      `SELECT id, agent_id FROM calls WHERE day BETWEEN ? AND ? AND disposition = 'connected'
       AND talk_seconds BETWEEN 1 AND 29 AND is_sale = 0 ORDER BY id LIMIT 1`,
      from,
      to,
    );
    await t.ws.kysely.updateTable('calls').set({ is_sale: 1 }).where('id', '=', short!.id).execute();
    try {
      const sample = await t.call('audits.buildSample', { ...sampleInput(9), perAgent: 10 });
      const picked = sample.calls.filter((c) => c.agentId === short!.agent_id && c.stratum === 'short_sale');
      expect(picked).toHaveLength(1);
      expect(picked[0]!.talkSeconds).toBeLessThan(30);
      expect(picked[0]!.isSale).toBe(true);
    } finally {
      await t.ws.kysely.updateTable('calls').set({ is_sale: 0 }).where('id', '=', short!.id).execute();
    }
  });
});

describe('audits', () => {
  let sample: Sample;
  let audit: AuditDetail;
  const sales = () => cards.find((c) => c.template === 'outbound-sales')!;

  function fullAnswers(card: ScorecardVersion, overrides: Answers = {}): Answers {
    const answers: Record<string, string> = {};
    card.definition.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        answers[item.key] = item.type === 'yesno' ? 'yes' : String(((si + ii) % 5) + 1);
      }),
    );
    return { ...answers, ...overrides } as Answers;
  }

  it('a draft autosaves and survives a restart; submit scores it with its scorecard version', async () => {
    sample = await t.call('audits.buildSample', sampleInput(1));
    const target = sample.calls[0]!;
    audit = await t.call('audits.open', {
      callId: target.callId,
      versionId: sales().versionId,
      reviewer: 'Lin',
    });
    expect(audit).toMatchObject({ status: 'draft', reviewer: 'Lin', score: null });
    const partial: Answers = { 'opening.greeting': 'yes', 'discovery.budget': '4' };
    const notes = [{ offsetSeconds: 12.5, text: 'No recording notice' }];
    await t.call('audits.saveDraft', { auditId: audit.id, answers: answersIn(partial), notes });

    // Restart: a new workspace and API over the same file.
    const ws2 = await openWorkspace(t.file);
    const api2 = createApi(ws2);
    try {
      // a team workspace's restarted app signs in again
      if (ws2.engine === 'postgres') await signInAsTestAdmin(ws2, api2.dispatch);
      const outcome = await api2.dispatch('audits.get', { auditId: audit.id });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.value).toMatchObject({ answers: partial, notes, status: 'draft' });
    } finally {
      await api2.close();
      await ws2.close();
    }

    await expect(
      t.call('audits.submit', { auditId: audit.id, answers: answersIn(partial), notes }),
    ).rejects.toThrow(/answer every item/);
    const answers = fullAnswers(sales(), { 'objections.handled': 'na', 'compliance.dnc': 'na' });
    const submitted = await t.call('audits.submit', {
      auditId: audit.id,
      answers: answersIn(answers),
      notes,
    });
    const expected = scoreAudit(sales().definition, answers);
    expect(submitted.status).toBe('submitted');
    expect(submitted.score).toBeCloseTo(expected.percent!, 10);
    expect(submitted.failed).toBe(expected.failed);
    expect(await raw('SELECT count(*) AS n FROM audit_answers WHERE audit_id = ?', audit.id)).toEqual([
      { n: Object.keys(answers).length },
    ]);
    await expect(
      t.call('audits.saveDraft', { auditId: audit.id, answers: answersIn(answers), notes }),
    ).rejects.toThrow(/conflict/);
    audit = submitted;
  });

  it('a critical "no" scores 0 % and fails', async () => {
    const target = sample.calls[1]!;
    const opened = await t.call('audits.open', {
      callId: target.callId,
      versionId: sales().versionId,
      reviewer: 'Lin',
    });
    const done = await t.call('audits.submit', {
      auditId: opened.id,
      answers: answersIn(fullAnswers(sales(), { 'compliance.consent': 'no' })),
      notes: [],
    });
    expect(done).toMatchObject({ score: 0, failed: true });
  });

  it('editing the scorecard makes a new version; the audit keeps its own', async () => {
    const v2 = await t.call('scorecards.save', {
      scorecardId: sales().scorecardId,
      definition: { ...sales().definition, passMark: 95 },
    });
    expect(v2.version).toBe(2);
    const again = await t.call('audits.get', { auditId: audit.id });
    expect(again.scorecard.versionId).toBe(sales().versionId);
    expect(again.scorecard.definition.passMark).toBe(70);
    expect(again.score).toBe(audit.score);
    const listed = await t.call('scorecards.list', { language: 'en' });
    expect(listed.find((c) => c.scorecardId === sales().scorecardId)!.version).toBe(2);
  });

  it('the next sample skips audited calls and lists agents below the minimum', async () => {
    const next = await t.call('audits.buildSample', sampleInput(1));
    const audited = [sample.calls[0]!.callId, sample.calls[1]!.callId];
    expect(next.calls.some((c) => audited.includes(c.callId))).toBe(false);
    const agentId = sample.calls[0]!.agentId;
    const below = next.belowMinimum.find((b) => b.agentId === agentId);
    // two submitted audits for this agent (if both sampled calls were theirs) meet the minimum of 2
    const theirs = (
      await raw<{ n: number }>(
        "SELECT count(*) AS n FROM audits WHERE agent_id = ? AND status = 'submitted'",
        agentId,
      )
    )[0]!.n;
    if (theirs >= 2) expect(below).toBeUndefined();
    else expect(below).toMatchObject({ audits: theirs, minimum: 2 });
    const untouched = next.belowMinimum.filter((b) => b.audits === 0);
    expect(untouched.length).toBeGreaterThan(0);
  });

  it('the audit-score KPI is the mean of submitted percentages in the period', async () => {
    const summary = await t.call('audits.summary', { filter: { from, to } });
    const scores = (await raw<{ score: number }>("SELECT score FROM audits WHERE status = 'submitted'")).map(
      (r) => r.score,
    );
    expect(summary.audits).toBe(2);
    expect(summary.failed).toBe(1);
    expect(summary.auditScore).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 2, 10);
    const agentOnly = await t.call('audits.summary', {
      filter: { from, to, agentId: sample.calls[0]!.agentId },
    });
    expect(agentOnly.audits).toBeGreaterThanOrEqual(1);
    const empty = await t.call('audits.summary', {
      filter: { from: '2001-01-01', to: '2001-01-31' },
    });
    expect(empty).toEqual({ auditScore: null, audits: 0, failed: 0 });
  });
});

describe('QA analytics', () => {
  it('score per agent and week with count and interval; item failure rates and conversion', async () => {
    const result = await t.call('audits.analytics', { filter: { from, to }, by: 'agent' });
    const audits = await raw<{ agent_id: number; score: number; call_id: number; is_sale: number }>(
      `SELECT au.agent_id, au.score, au.call_id, c.is_sale FROM audits au JOIN calls c ON c.id = au.call_id
       WHERE au.status = 'submitted' AND au.calibration_id IS NULL ORDER BY au.id`,
    );
    expect(audits).toHaveLength(2);
    for (const group of result.groups) {
      const mine = audits.filter((a) => String(a.agent_id) === group.key).map((a) => a.score);
      expect(group.overall.n).toBe(mine.length);
      expect(group.overall.mean).toBeCloseTo(mine.reduce((x, y) => x + y, 0) / mine.length, 10);
      expect(group.weeks.reduce((n, w) => n + w.n, 0)).toBe(mine.length);
    }
    expect(result.groups.reduce((n, g) => n + g.overall.n, 0)).toBe(2);
    // consent: "yes" in the first audit, "no" in the second → 1 failure of 2
    const consent = result.items.find((i) => i.key === 'compliance.consent')!;
    expect(consent).toMatchObject({ answered: 2, failures: 1, failureRate: 0.5 });
    expect(consent.label).toBe('Consent obtained (recording notice, marketing consent)');
    expect(consent.conversionFailing).toBe(audits[1]!.is_sale);
    expect(consent.conversionPassing).toBe(audits[0]!.is_sale);
    // N/A answers are neither failures nor passes
    expect(result.items.find((i) => i.key === 'compliance.dnc')!.answered).toBe(1);
    const byTeam = await t.call('audits.analytics', { filter: { from, to }, by: 'team' });
    expect(byTeam.groups.reduce((n, g) => n + g.overall.n, 0)).toBe(2);
  });
});

describe('calibration', () => {
  it('is blind until the reviewer submits, then shows agreement, spread and kappa', async () => {
    const card = cards.find((c) => c.template === 'compliance-check')!;
    const callId = (
      await raw<{ id: number }>(
        "SELECT id FROM calls WHERE disposition = 'connected' ORDER BY id DESC LIMIT 1",
      )
    )[0]!.id;
    const { calibrationId } = await t.call('calibrations.create', {
      callId,
      versionId: card.versionId,
    });
    const keys = card.definition.sections[0]!.items.map((i) => i.key);
    const answersOf: Record<string, string[]> = {
      Ann: ['yes', 'yes', 'yes', 'na', 'yes'],
      Bo: ['yes', 'yes', 'yes', 'na', 'no'],
      Cai: ['no', 'yes', 'yes', 'yes', 'no'],
    };
    const submit = async (reviewer: string) => {
      const opened = await t.call('calibrations.open', { calibrationId, reviewer });
      const answers = Object.fromEntries(keys.map((k, i) => [k, answersOf[reviewer]![i]]));
      return t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] });
    };

    const ann = await submit('Ann');
    // Bo has opened but not submitted: Bo sees nothing of Ann's.
    await t.call('calibrations.open', { calibrationId, reviewer: 'Bo' });
    const blind = await t.call('calibrations.report', { calibrationId, reviewer: 'Bo' });
    expect(blind.visible).toBe(false);
    expect(blind.items).toEqual([]);
    expect(blind.reviewers.every((r) => r.score === null)).toBe(true);

    const bo = await submit('Bo');
    const two = await t.call('calibrations.report', { calibrationId, reviewer: 'Bo' });
    expect(two.kappaKind).toBe('cohen');
    expect(two.kappa).toBeCloseTo(cohenKappa(answersOf.Ann!, answersOf.Bo!)!, 12);
    // by hand: agree on 4 of 5 (p_o = 0.8); Ann yes 4/5 na 1/5, Bo yes 3/5 na 1/5 no 1/5
    // p_e = 0.8 × 0.6 + 0.2 × 0.2 = 0.52 → κ = 0.28 / 0.48 = 0.58333…
    expect(two.kappa).toBeCloseTo(0.28 / 0.48, 12);

    const cai = await submit('Cai');
    const report = await t.call('calibrations.report', { calibrationId, reviewer: 'Ann' });
    expect(report.visible).toBe(true);
    expect(report.kappaKind).toBe('fleiss');
    const subjects = keys.map((_, i) => ['Ann', 'Bo', 'Cai'].map((r) => answersOf[r]![i]!));
    expect(report.kappa).toBeCloseTo(fleissKappa(countMatrix(subjects))!, 12);
    // item 1: yes yes no → 1/3 of pairs agree; item 2: all yes → 1
    expect(report.items[0]!.agreement).toBeCloseTo(1 / 3, 12);
    expect(report.items[1]!.agreement).toBe(1);
    // Ann 4 of 4 answered = 100 %; Bo 3 of 4 = 75 %; Cai critical "no" (recording notice is fine,
    // identification "no" is not critical) → 3 of 5 = 60 %
    expect([ann.score, bo.score, cai.score]).toEqual([100, 75, 60]);
    expect(report.totals).toEqual({ min: 60, max: 100, spread: 40 });
    // calibration audits are not the agent's audits
    const summary = await t.call('audits.summary', {
      filter: { from: '2000-01-01', to: '2100-01-01' },
    });
    expect(summary.audits).toBe(2);
  });
});

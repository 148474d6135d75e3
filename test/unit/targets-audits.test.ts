/**
 * Targets measured on audits, on a real workspace with the demo floor: the audit score an agent is
 * paced and scored on is the mean of their submitted, non-calibration audits in the month (a critical
 * fail counts 0 %, a draft not at all), and a team's is the mean over the team's audits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDetail, ScorecardVersion } from '../../src-shared/api';
import { scoreAudit, type Answers } from '../../src-shared/scorecard';
import { DEFAULT_PROFILE, type ScoringProfile } from '../../src-shared/scoring';
import { answersIn, openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let card: ScorecardVersion;
let month: string;
let day: string;
let agentA: number;
let agentB: number;
let teamId: number;
/** the percentages the server gave the submitted audits */
const scored: { agentA: number[]; agentB: number[] } = { agentA: [], agentB: [] };

function raw<T>(sqlText: string, ...params: unknown[]): Promise<T[]> {
  return sqlRows<T>(t, sqlText, ...params);
}

function answers(overrides: Answers = {}): Answers {
  const out: Record<string, string> = {};
  card.definition.sections.forEach((s, si) =>
    s.items.forEach(
      (item, ii) => (out[item.key] = item.type === 'yesno' ? 'yes' : String(((si + ii) % 5) + 1)),
    ),
  );
  return { ...out, ...overrides } as Answers;
}

async function audit(callId: number, a: Answers, submit = true): Promise<AuditDetail | null> {
  const opened = await t.call('audits.open', {
    callId,
    versionId: card.versionId,
    reviewer: 'Lin',
  });
  if (!submit) {
    await t.call('audits.saveDraft', { auditId: opened.id, answers: answersIn(a), notes: [] });
    return null;
  }
  return t.call('audits.submit', { auditId: opened.id, answers: answersIn(a), notes: [] });
}

beforeAll(async () => {
  t = await openTestWorkspace();
  const { jobId } = await t.call('demo.load', { agents: 6, days: 10, seed: 11 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  card = (await t.call('scorecards.list', { language: 'en' })).find((c) => c.template === 'outbound-sales')!;
  // The first day of data is in the past whatever today is, so it is inside the month's as-of.
  day = (await raw<{ day: string }>('SELECT min(day) AS day FROM calls'))[0]!.day;
  month = day.slice(0, 7);
  const connected = await raw<{ id: number; agent_id: number; team_id: number }>(
    `SELECT c.id, c.agent_id, a.team_id FROM calls c JOIN agents a ON a.id = c.agent_id
     WHERE c.day = ? AND c.disposition = 'connected' AND c.talk_seconds > 0 AND a.team_id IS NOT NULL
     ORDER BY a.team_id, c.agent_id, c.id`,
    day,
  );
  const first = connected[0]!;
  agentA = first.agent_id;
  teamId = first.team_id;
  const callsA = connected.filter((c) => c.agent_id === agentA);
  const callB = connected.find((c) => c.team_id === teamId && c.agent_id !== agentA)!;
  agentB = callB.agent_id;
  expect(callsA.length).toBeGreaterThanOrEqual(3);

  const good = answers();
  const fail = answers({ 'compliance.consent': 'no' });
  for (const a of [good, fail]) {
    const done = (await audit(callsA.shift()!.id, a))!;
    expect(done.score).toBeCloseTo(scoreAudit(card.definition, a).percent!, 10);
    scored.agentA.push(done.score!);
  }
  expect(scored.agentA[1]).toBe(0); // the critical fail
  await audit(callsA.shift()!.id, answers({ 'opening.greeting': 'no' }), false); // a draft: not counted
  scored.agentB.push((await audit(callB.id, answers({ 'opening.greeting': 'no' })))!.score!);

  await t.call('targets.set', {
    month,
    entries: [
      { scope: 'agent', scopeId: agentA, kpi: 'auditScore', value: 80 },
      { scope: 'team', scopeId: teamId, kpi: 'auditScore', value: 90 },
    ],
  });
}, 120_000);

afterAll(async () => t?.close());

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The last day of `day`'s month (day 0 of the next month). */
const monthEnd = () =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

describe('the audit-score target measured on submitted audits', () => {
  it("an agent's actual is the mean of their two submitted audits, attainment actual ÷ target", async () => {
    const expected = (scored.agentA[0]! + 0) / 2;
    const p = await t.call('targets.pacing', {
      filter: { from: `${month}-01`, to: monthEnd(), agentId: agentA },
    });
    const row = p.kpis.find((k) => k.kpi === 'auditScore')!;
    expect(row.target).toBe(80);
    expect(row.actual).toBeCloseTo(expected, 10);
    expect(row.pace).toBeCloseTo(expected / 80, 10);
    const agentRow = p.agents.find((a) => a.agentId === agentA)!;
    expect(agentRow.kpis.find((k) => k.kpi === 'auditScore')!.actual).toBeCloseTo(expected, 10);
  });

  it("a team's actual is the mean over the team's audits, against the team's target", async () => {
    const p = await t.call('targets.pacing', {
      filter: { from: `${month}-01`, to: monthEnd(), teamId },
    });
    const row = p.kpis.find((k) => k.kpi === 'auditScore')!;
    const expected = mean([...scored.agentA, ...scored.agentB]);
    expect(expected).not.toBeCloseTo(mean([mean(scored.agentA), mean(scored.agentB)]), 5);
    expect(row.target).toBe(90);
    expect(row.actual).toBeCloseTo(expected, 10);
    // Agent B has no target of their own: the team's rate target applies to them.
    const b = p.agents.find((a) => a.agentId === agentB)!.kpis.find((k) => k.kpi === 'auditScore')!;
    expect(b.target).toBe(90);
    expect(b.actual).toBeCloseTo(scored.agentB[0]!, 10);
  });

  it('the composite score counts the audit score with its weight', async () => {
    // Only the audit score and dials per day weigh; only the audit score has a target for agent A,
    // so dials are left out and the audit score carries the whole score.
    const profile: ScoringProfile = {
      ...DEFAULT_PROFILE,
      weights: { ...DEFAULT_PROFILE.weights, auditScore: 30, dialsPerDay: 70, connectRate: 0 },
      cap: 1.2,
    };
    const out = await t.call('targets.scores', { month, profile });
    const rowA = out.rows.find((r) => r.agentId === agentA)!;
    const attainment = (scored.agentA[0]! + 0) / 2 / 80;
    const part = rowA.parts.find((p) => p.kpi === 'auditScore')!;
    expect(part.attainment).toBeCloseTo(attainment, 10);
    expect(part.points).toBeCloseTo(100 * Math.min(attainment, 1.2), 10);
    expect(rowA.parts.find((p) => p.kpi === 'dialsPerDay')!.leftOut).toBe(true);
    expect(rowA.score).toBeCloseTo(100 * Math.min(attainment, 1.2), 10);

    // With a dials target too, the audit score adds 30 % of its counted attainment.
    await t.call('targets.set', {
      month,
      entries: [{ scope: 'agent', scopeId: agentA, kpi: 'dialsPerDay', value: 1 }],
    });
    const withDials = await t.call('targets.scores', { month, profile });
    const partA = withDials.rows
      .find((r) => r.agentId === agentA)!
      .parts.find((p) => p.kpi === 'auditScore')!;
    expect(partA.points).toBeCloseTo((100 * 30 * Math.min(attainment, 1.2)) / 100, 10);
  });
});

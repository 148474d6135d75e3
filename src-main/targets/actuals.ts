/**
 * The numbers targets are measured on, read from the daily rollup: per agent and month, per agent
 * over a range, and each agent's first day (a mid-month joiner's targets start there). The audit
 * score comes from the audits module's own query (submitted, non-calibration audits by call day):
 * a mean, so a team's or the floor's is taken over its audits, never summed from its agents.
 */
import { auditScoresBy, auditSummary } from '../audits/audits';
import { kyselyFor, type Sqlite } from '../db/connection';
import type { MonthActuals } from '../../src-shared/targets';
import type { Day } from '../../src-shared/time';

export interface AgentRow {
  id: number;
  teamId: number | null;
  active: boolean;
}

export function listAgentRows(db: Sqlite): AgentRow[] {
  return (
    db.prepare('SELECT id, team_id AS teamId, active FROM agents ORDER BY id').all() as {
      id: number;
      teamId: number | null;
      active: number;
    }[]
  ).map((a) => ({ ...a, active: a.active === 1 }));
}

/** Each agent's first day with a dial (the rollup's agent index answers it without a scan). */
export function firstDays(db: Sqlite): Map<number, Day> {
  const rows = db
    .prepare('SELECT agent_id AS agentId, min(day) AS day FROM daily_agent_stats GROUP BY agent_id')
    .all() as { agentId: number; day: Day }[];
  return new Map(rows.map((r) => [r.agentId, r.day]));
}

export function emptyActuals(): MonthActuals {
  return {
    dials: 0,
    connects: 0,
    effectiveTalkSeconds: 0,
    intents: 0,
    sales: 0,
    revenue: 0,
    auditScore: null,
  };
}

export function addActuals(into: MonthActuals, a: MonthActuals): MonthActuals {
  into.dials += a.dials;
  into.connects += a.connects;
  into.effectiveTalkSeconds += a.effectiveTalkSeconds;
  into.intents += a.intents;
  into.sales += a.sales;
  into.revenue += a.revenue;
  return into;
}

const SUMS = `sum(dials) AS dials, sum(connects) AS connects, sum(effective_talk_seconds) AS effectiveTalkSeconds,
  sum(intents) AS intents, sum(sales) AS sales, sum(revenue) AS revenue`;

export interface Scope {
  campaignId?: number;
  teamId?: number;
  agentId?: number;
}

/** The scope as SQL conditions on `agent_id` and `campaign_id` (the call and the order rollups alike). */
export function scopeSql(scope: Scope): { where: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (scope.campaignId !== undefined) {
    parts.push('campaign_id = ?');
    params.push(scope.campaignId);
  }
  if (scope.agentId !== undefined) {
    parts.push('agent_id = ?');
    params.push(scope.agentId);
  }
  if (scope.teamId !== undefined) {
    parts.push('agent_id IN (SELECT id FROM agents WHERE team_id = ?)');
    params.push(scope.teamId);
  }
  return { where: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** Actuals per agent and month (`YYYY-MM`) over [from, to]; an agent audited without dials is listed too. */
export async function actualsByAgentMonth(
  db: Sqlite,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<number, Map<string, MonthActuals>>> {
  const { where, params } = scopeSql(scope);
  const rows = db
    .prepare(
      `SELECT agent_id AS agentId, substr(day, 1, 7) AS month, ${SUMS}
       FROM daily_agent_stats WHERE day >= ? AND day <= ?${where} GROUP BY agent_id, month`,
    )
    .all(from, to, ...params) as (MonthActuals & { agentId: number; month: string })[];
  const out = new Map<number, Map<string, MonthActuals>>();
  for (const { agentId, month, ...a } of rows) {
    const byMonth = out.get(agentId) ?? out.set(agentId, new Map()).get(agentId)!;
    byMonth.set(month, { ...a, auditScore: null });
  }
  for (const r of await auditScoresBy(kyselyFor(db), { from, to, ...scope }, 'agentMonth')) {
    const byMonth = out.get(r.agentId!) ?? out.set(r.agentId!, new Map()).get(r.agentId!)!;
    const actuals = byMonth.get(r.month!) ?? byMonth.set(r.month!, emptyActuals()).get(r.month!)!;
    actuals.auditScore = r.auditScore;
  }
  return out;
}

/** The audit score of a whole scope (a team, the floor) per month over [from, to]. */
export async function auditScoreByMonth(
  db: Sqlite,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<string, number | null>> {
  return new Map(
    (await auditScoresBy(kyselyFor(db), { from, to, ...scope }, 'month')).map((r) => [
      r.month!,
      r.auditScore,
    ]),
  );
}

/** The audit score of a whole scope over [from, to] (null: no scored audit). */
export async function auditScoreOf(
  db: Sqlite,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<number | null> {
  return (await auditSummary(kyselyFor(db), { from, to, ...scope })).auditScore;
}

/** Actuals per agent over [from, to] under a dashboard-like scope. */
export async function actualsByAgent(
  db: Sqlite,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<number, MonthActuals>> {
  const { where, params } = scopeSql(scope);
  const rows = db
    .prepare(
      `SELECT agent_id AS agentId, ${SUMS} FROM daily_agent_stats
       WHERE day >= ? AND day <= ?${where} GROUP BY agent_id`,
    )
    .all(from, to, ...params) as (MonthActuals & { agentId: number })[];
  const out = new Map<number, MonthActuals>(
    rows.map(({ agentId, ...a }) => [agentId, { ...a, auditScore: null }]),
  );
  for (const r of await auditScoresBy(kyselyFor(db), { from, to, ...scope }, 'agent')) {
    const actuals = out.get(r.agentId!) ?? out.set(r.agentId!, emptyActuals()).get(r.agentId!)!;
    actuals.auditScore = r.auditScore;
  }
  return out;
}

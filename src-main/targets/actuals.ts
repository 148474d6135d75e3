/**
 * The numbers targets are measured on, read from the daily rollup: per agent and month, per agent
 * over a range, and each agent's first day (a mid-month joiner's targets start there). The audit
 * score is the audits module's KPI (submitted, non-calibration audits by call day): a mean, so a
 * team's or the floor's is taken over its audits, never summed from its agents.
 */
import { submittedAudits } from '../audits/audits';
import { sql, type Kysely } from 'kysely';
import type { MonthActuals } from '../../src-shared/targets';
import type { Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { rollupCondition } from '../metrics/queries';

export interface AgentRow {
  id: number;
  teamId: number | null;
  active: boolean;
}

export async function listAgentRows(db: Kysely<Database>): Promise<AgentRow[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['id', 'team_id as teamId', 'active'])
    .orderBy('id')
    .execute();
  return rows.map((a) => ({ ...a, active: a.active === 1 }));
}

/** Each agent's first day with a dial (the rollup's agent index answers it without a scan). */
export async function firstDays(db: Kysely<Database>): Promise<Map<number, Day>> {
  const rows = await db
    .selectFrom('daily_agent_stats')
    .select((eb) => ['agent_id as agentId', eb.fn.min('day').as('day')])
    .groupBy('agent_id')
    .execute();
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

export interface Scope {
  campaignId?: number | undefined;
  teamId?: number | undefined;
  teamIds?: number[] | undefined;
  agentId?: number | undefined;
}

/** The month (`YYYY-MM`) of a day column. */
export function monthOfDay(column: string) {
  return sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

/** The target actuals' sums over daily rollup rows aliased `s`. */
const SUMS = [
  sql<number>`sum(s.dials)`.as('dials'),
  sql<number>`sum(s.connects)`.as('connects'),
  sql<number>`sum(s.effective_talk_seconds)`.as('effectiveTalkSeconds'),
  sql<number>`sum(s.intents)`.as('intents'),
  sql<number>`sum(s.sales)`.as('sales'),
  sql<number>`sum(s.revenue)`.as('revenue'),
] as const;

function actualsOf(r: Omit<MonthActuals, 'auditScore'>): MonthActuals {
  return {
    dials: Number(r.dials),
    connects: Number(r.connects),
    effectiveTalkSeconds: Number(r.effectiveTalkSeconds),
    intents: Number(r.intents),
    sales: Number(r.sales),
    revenue: Number(r.revenue),
    auditScore: null,
  };
}

const meanScore = sql<number | string | null>`avg(au.score)`;

/** A mean as read (PostgreSQL returns numeric averages as strings). */
function scoreOf(mean: number | string | null): number | null {
  return mean === null ? null : Number(mean);
}

/** Actuals per agent and month (`YYYY-MM`) over [from, to]; an agent audited without dials is listed too. */
export async function actualsByAgentMonth(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<number, Map<string, MonthActuals>>> {
  const filter = { from, to, ...scope };
  const [rows, audits] = await Promise.all([
    db
      .selectFrom('daily_agent_stats as s')
      .where(await rollupCondition(db, filter))
      .select(['s.agent_id as agentId', monthOfDay('s.day').as('month'), ...SUMS])
      .groupBy(['s.agent_id', monthOfDay('s.day')])
      .execute(),
    (await submittedAudits(db, filter))
      .select(['au.agent_id as agentId', monthOfDay('au.call_day').as('month'), meanScore.as('auditScore')])
      .groupBy(['au.agent_id', monthOfDay('au.call_day')])
      .execute(),
  ]);
  const out = new Map<number, Map<string, MonthActuals>>();
  for (const { agentId, month, ...sums } of rows) {
    const byMonth = out.get(agentId) ?? out.set(agentId, new Map()).get(agentId)!;
    byMonth.set(month, actualsOf(sums));
  }
  for (const r of audits) {
    const byMonth = out.get(r.agentId) ?? out.set(r.agentId, new Map()).get(r.agentId)!;
    const actuals = byMonth.get(r.month) ?? byMonth.set(r.month, emptyActuals()).get(r.month)!;
    actuals.auditScore = scoreOf(r.auditScore);
  }
  return out;
}

/** The audit score of a whole scope (a team, the floor) per month over [from, to]. */
export async function auditScoreByMonth(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<string, number | null>> {
  const rows = await (
    await submittedAudits(db, { from, to, ...scope })
  )
    .select([monthOfDay('au.call_day').as('month'), meanScore.as('auditScore')])
    .groupBy(monthOfDay('au.call_day'))
    .execute();
  return new Map(rows.map((r) => [r.month, scoreOf(r.auditScore)]));
}

/** The audit score of a whole scope over [from, to] (null: no scored audit). */
export async function auditScoreOf(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<number | null> {
  const row = await (
    await submittedAudits(db, { from, to, ...scope })
  )
    .select(meanScore.as('auditScore'))
    .executeTakeFirstOrThrow();
  return scoreOf(row.auditScore);
}

/** The audit score's own numerator and denominator: the sum of the scores and how many have one. */
export async function auditScoreSumOf(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<{ sum: number; n: number }> {
  const row = await (
    await submittedAudits(db, { from, to, ...scope })
  )
    .select((eb) => [
      eb.fn.sum<number | string | null>('au.score').as('sum'),
      eb.fn.count('au.score').as('n'),
    ])
    .executeTakeFirstOrThrow();
  return { sum: Number(row.sum ?? 0), n: Number(row.n) };
}

/** Actuals per agent over [from, to] under a dashboard-like scope. */
export async function actualsByAgent(
  db: Kysely<Database>,
  from: Day,
  to: Day,
  scope: Scope = {},
): Promise<Map<number, MonthActuals>> {
  const filter = { from, to, ...scope };
  const [rows, audits] = await Promise.all([
    db
      .selectFrom('daily_agent_stats as s')
      .where(await rollupCondition(db, filter))
      .select(['s.agent_id as agentId', ...SUMS])
      .groupBy('s.agent_id')
      .execute(),
    (await submittedAudits(db, filter))
      .select(['au.agent_id as agentId', meanScore.as('auditScore')])
      .groupBy('au.agent_id')
      .execute(),
  ]);
  const out = new Map<number, MonthActuals>(rows.map(({ agentId, ...sums }) => [agentId, actualsOf(sums)]));
  for (const r of audits) {
    const actuals = out.get(r.agentId) ?? out.set(r.agentId, emptyActuals()).get(r.agentId)!;
    actuals.auditScore = scoreOf(r.auditScore);
  }
  return out;
}

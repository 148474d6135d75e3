/**
 * Dashboard queries. They read only the rollup `daily_agent_stats` (never raw calls), so a month
 * of a large floor answers in milliseconds. Rates are derived by src-shared/kpi.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Filter, MetricsRow } from '../../src-shared/api';
import type { Breakdown } from '../../src-shared/domain';
import { kpiValues, type KpiCounts, type KpiValues } from '../../src-shared/kpi';
import { previousPeriod, type DayRange } from '../../src-shared/periods';
import type { Database } from '../db/schema';

function filtered(db: Kysely<Database>, filter: Filter) {
  let q = db
    .selectFrom('daily_agent_stats as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .where('s.day', '>=', filter.from)
    .where('s.day', '<=', filter.to);
  if (filter.agentId !== undefined) q = q.where('s.agent_id', '=', filter.agentId);
  if (filter.teamId !== undefined) q = q.where('a.team_id', '=', filter.teamId);
  if (filter.campaignId !== undefined) q = q.where('s.campaign_id', '=', filter.campaignId);
  return q;
}

const sums = {
  dials: sql<number>`coalesce(sum(s.dials), 0)`.as('dials'),
  connects: sql<number>`coalesce(sum(s.connects), 0)`.as('connects'),
  effective: sql<number>`coalesce(sum(s.effective), 0)`.as('effective'),
  talkSeconds: sql<number>`coalesce(sum(s.talk_seconds), 0)`.as('talkSeconds'),
  effectiveTalkSeconds: sql<number>`coalesce(sum(s.effective_talk_seconds), 0)`.as('effectiveTalkSeconds'),
  intents: sql<number>`coalesce(sum(s.intents), 0)`.as('intents'),
  sales: sql<number>`coalesce(sum(s.sales), 0)`.as('sales'),
  revenue: sql<number>`coalesce(sum(s.revenue), 0)`.as('revenue'),
};
const sumColumns = Object.values(sums);

function countsOf(r: KpiCounts): KpiCounts {
  return {
    dials: r.dials,
    connects: r.connects,
    effective: r.effective,
    talkSeconds: r.talkSeconds,
    effectiveTalkSeconds: r.effectiveTalkSeconds,
    intents: r.intents,
    sales: r.sales,
    revenue: r.revenue,
  };
}

function row(key: string | null, label: string | null, id: number | null, counts: KpiCounts): MetricsRow {
  return { key, label, id, ...kpiValues(countsOf(counts)) };
}

export async function totals(db: Kysely<Database>, filter: Filter): Promise<KpiValues> {
  const r = await filtered(db, filter).select(sumColumns).executeTakeFirstOrThrow();
  return kpiValues(countsOf(r));
}

export async function breakdown(db: Kysely<Database>, filter: Filter, by: Breakdown): Promise<MetricsRow[]> {
  switch (by) {
    case 'none':
      return [row('all', null, null, await totals(db, filter))];
    case 'day': {
      const rows = await filtered(db, filter)
        .select(['s.day', ...sumColumns])
        .groupBy('s.day')
        .orderBy('s.day')
        .execute();
      return rows.map((r) => row(r.day, r.day, null, r));
    }
    case 'agent': {
      const rows = await filtered(db, filter)
        .select(['a.id', 'a.code', 'a.name', ...sumColumns])
        .groupBy('a.id')
        .orderBy('a.code')
        .execute();
      return rows.map((r) => row(r.code, r.name ?? r.code, r.id, r));
    }
    case 'team': {
      const rows = await filtered(db, filter)
        .leftJoin('teams as t', 't.id', 'a.team_id')
        .select(['t.id', 't.name', ...sumColumns])
        .groupBy('t.id')
        .orderBy('t.name')
        .execute();
      return rows.map((r) => row(r.name, r.name, r.id, r));
    }
    case 'campaign': {
      const rows = await filtered(db, filter)
        .leftJoin('campaigns as c', 'c.id', 's.campaign_id')
        .select(['c.id', 'c.name', ...sumColumns])
        .groupBy('s.campaign_id')
        .orderBy('c.name')
        .execute();
      return rows.map((r) => row(r.name, r.name, r.id, r));
    }
  }
}

export async function summary(db: Kysely<Database>, filter: Filter) {
  const range: DayRange = { from: filter.from, to: filter.to };
  const previousRange = previousPeriod(range);
  const [current, previous, days] = await Promise.all([
    totals(db, filter),
    totals(db, { ...filter, ...previousRange }),
    filtered(db, filter)
      .select(sql<number>`count(distinct s.day)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { range, previousRange, current, previous, activeDays: days.n };
}

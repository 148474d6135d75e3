/**
 * Dashboard queries. They read only the rollups `daily_agent_stats` and `hourly_agent_stats`
 * (never raw calls), so a month of a large floor answers in milliseconds. Rates are derived by
 * src-shared/kpi.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Filter, MetricsRow } from '../../src-shared/api';
import type { Breakdown } from '../../src-shared/domain';
import type { HeatmapCell, LeaderboardRow } from '../../src-shared/api';
import {
  addCounts,
  emptyCounts,
  kpiValues,
  ratio,
  type KpiCounts,
  type KpiValues,
} from '../../src-shared/kpi';
import { previousPeriod, type DayRange } from '../../src-shared/periods';
import { addDays, weekdayOf, type Day } from '../../src-shared/time';
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

/** The hourly rollup under the filter; agents are joined only for a team filter (10x the rows of the daily one). */
function filteredHourly(db: Kysely<Database>, filter: Filter) {
  let q = db
    .selectFrom('hourly_agent_stats as s')
    .where('s.day', '>=', filter.from)
    .where('s.day', '<=', filter.to);
  if (filter.agentId !== undefined) q = q.where('s.agent_id', '=', filter.agentId);
  if (filter.teamId !== undefined) {
    const teamId = filter.teamId;
    q = q.where('s.agent_id', 'in', (eb) =>
      eb.selectFrom('agents').select('id').where('team_id', '=', teamId),
    );
  }
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

/** Calls by weekday and hour of the day: when the floor dials and when people pick up. */
export async function heatmap(db: Kysely<Database>, filter: Filter): Promise<HeatmapCell[]> {
  const rows = await filteredHourly(db, filter)
    .select([
      's.day',
      's.hour',
      sql<number>`sum(s.dials)`.as('dials'),
      sql<number>`sum(s.connects)`.as('connects'),
      sql<number>`sum(s.sales)`.as('sales'),
    ])
    .groupBy(['s.day', 's.hour'])
    .execute();
  // Grouped by day in SQL (the rollup's own order, no sort), folded onto weekdays here.
  const cells = new Map<number, HeatmapCell>();
  for (const r of rows) {
    const weekday = weekdayOf(r.day);
    const key = weekday * 24 + r.hour;
    let cell = cells.get(key);
    if (!cell) {
      cell = { weekday, hour: r.hour, dials: 0, connects: 0, sales: 0, connectRate: null };
      cells.set(key, cell);
    }
    cell.dials += r.dials;
    cell.connects += r.connects;
    cell.sales += r.sales;
  }
  return [...cells.values()]
    .map((c) => ({ ...c, connectRate: ratio(c.connects, c.dials) }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

/** Every agent with calls under the filter: KPIs over the range and per-day series for sparklines. */
export async function leaderboard(
  db: Kysely<Database>,
  filter: Filter,
): Promise<{ days: Day[]; rows: LeaderboardRow[] }> {
  const rows = await filtered(db, filter)
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select(['s.agent_id', 's.day', 'a.code', 'a.name', 't.name as teamName', ...sumColumns])
    .groupBy(['s.day', 's.agent_id'])
    .execute();
  const days: Day[] = [];
  for (let d = filter.from; d <= filter.to; d = addDays(d, 1)) days.push(d);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const agents = new Map<
    number,
    {
      code: string;
      name: string | null;
      teamName: string | null;
      counts: KpiCounts;
      daily: LeaderboardRow['daily'];
    }
  >();
  for (const r of rows) {
    let agent = agents.get(r.agent_id);
    if (!agent) {
      const zeros = () => new Array<number>(days.length).fill(0);
      agent = {
        code: r.code,
        name: r.name,
        teamName: r.teamName,
        counts: emptyCounts(),
        daily: { dials: zeros(), connects: zeros(), sales: zeros() },
      };
      agents.set(r.agent_id, agent);
    }
    addCounts(agent.counts, countsOf(r));
    const i = dayIndex.get(r.day)!;
    agent.daily.dials[i] = r.dials;
    agent.daily.connects[i] = r.connects;
    agent.daily.sales[i] = r.sales;
  }
  return {
    days,
    rows: [...agents.entries()]
      .map(([id, a]) => ({
        ...row(a.code, a.name ?? a.code, id, a.counts),
        teamName: a.teamName,
        daily: a.daily,
      }))
      .sort((x, y) => (x.key ?? '').localeCompare(y.key ?? '')),
  };
}

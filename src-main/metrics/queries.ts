/**
 * Dashboard queries. They read only the rollups `daily_agent_stats` and `hourly_agent_stats`
 * (raw calls only through the small index of masked numbers), so a month of a large floor answers
 * in milliseconds. Rates are derived by
 * src-shared/kpi.ts.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Filter, MetricsRow } from '../../src-shared/api';
import type { Breakdown } from '../../src-shared/domain';
import type { HeatmapCell, LeaderboardRow } from '../../src-shared/api';
import { emptyCounts, kpiValues, ratio, type KpiCounts, type KpiValues } from '../../src-shared/kpi';
import { comparisonFor, type DayRange } from '../../src-shared/periods';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import { addDays, weekdayOf, type Day } from '../../src-shared/time';
import { groupConcat } from '../db/dialect';
import type { Database } from '../db/schema';
import { compareCodes } from '../../src-shared/collate';
import { roster, rosterTeamName } from '../people/roster';
import { agentInTeamsOnDay, anyAgentMoved, teamOnDay } from '../people/team-filter';

/**
 * The filter as a condition on a rollup aliased `s` (both rollups share its key columns). No
 * join: a team filter is a subquery over the agents, so the grouped scans read one table; names
 * are joined to the grouped rows (at most one per agent).
 */
export async function rollupCondition(db: Kysely<Database>, filter: Filter): Promise<Expression<SqlBool>> {
  const parts = [sql`s.day >= ${filter.from}`, sql`s.day <= ${filter.to}`];
  if (filter.agentId !== undefined) parts.push(sql`s.agent_id = ${filter.agentId}`);
  // a row counts for the team its agent was in on the row's day
  const teams = await agentInTeamsOnDay(db, filter, 's.agent_id', 's.day');
  if (teams) parts.push(teams);
  if (filter.campaignId !== undefined) parts.push(sql`s.campaign_id = ${filter.campaignId}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** The daily rollup under the filter. */
async function filtered(db: Kysely<Database>, filter: Filter) {
  return db.selectFrom('daily_agent_stats as s').where(await rollupCondition(db, filter));
}

/** The hourly rollup under the same filter (10x the rows of the daily one). */
async function filteredHourly(db: Kysely<Database>, filter: Filter) {
  return db.selectFrom('hourly_agent_stats as s').where(await rollupCondition(db, filter));
}

const ROLLUP_COLUMN = {
  dials: 'dials',
  connects: 'connects',
  effective: 'effective',
  talkSeconds: 'talk_seconds',
  effectiveTalkSeconds: 'effective_talk_seconds',
  intents: 'intents',
  sales: 'sales',
  revenue: 'revenue',
} as const satisfies Record<keyof KpiCounts, string>;

/** The eight count sums over rollup rows (alias s) or over rows a subquery already grouped (g, d). */
function sumsOf(alias: 's' | 'g' | 'd') {
  const sum = <K extends keyof KpiCounts>(key: K) =>
    sql<number>`coalesce(sum(${sql.ref(`${alias}.${alias === 's' ? ROLLUP_COLUMN[key] : key}`)}), 0)`.as(key);
  return [
    sum('dials'),
    sum('connects'),
    sum('effective'),
    sum('talkSeconds'),
    sum('effectiveTalkSeconds'),
    sum('intents'),
    sum('sales'),
    sum('revenue'),
  ];
}
const sumColumns = sumsOf('s');
/** The counts of a grouped subquery `g`, as they are (one row per group key). */
const groupedColumns = [
  'g.dials',
  'g.connects',
  'g.effective',
  'g.talkSeconds',
  'g.effectiveTalkSeconds',
  'g.intents',
  'g.sales',
  'g.revenue',
] as const;

/** The counts of the per agent-day subquery `d`, as they are. */
const DAY_COLUMNS = [
  'd.dials',
  'd.connects',
  'd.effective',
  'd.talkSeconds',
  'd.effectiveTalkSeconds',
  'd.intents',
  'd.sales',
  'd.revenue',
] as const;

/** Sums as numbers (PostgreSQL returns a bigint sum as text). */
function countsOf(r: KpiCounts): KpiCounts {
  return {
    dials: Number(r.dials),
    connects: Number(r.connects),
    effective: Number(r.effective),
    talkSeconds: Number(r.talkSeconds),
    effectiveTalkSeconds: Number(r.effectiveTalkSeconds),
    intents: Number(r.intents),
    sales: Number(r.sales),
    revenue: Number(r.revenue),
  };
}

function row(key: string | null, label: string | null, id: number | null, counts: KpiCounts): MetricsRow {
  return { key, label, id, ...kpiValues(countsOf(counts)) };
}

/** Counts per agent under the filter: the grouped scan that names are joined to afterwards. */
async function perAgent(db: Kysely<Database>, filter: Filter) {
  return (await filtered(db, filter))
    .select(['s.agent_id', ...sumColumns])
    .groupBy('s.agent_id')
    .as('g');
}

/**
 * Counts per agent and team (`team_id`) under the filter: a row counts for the team its agent was
 * in on its day; while nobody ever moved, that is the agent's current team (no per-day lookup).
 */
async function perTeam(db: Kysely<Database>, filter: Filter) {
  if (!(await anyAgentMoved(db)))
    return db
      .selectFrom(await perAgent(db, filter))
      .innerJoin('agents as a', 'a.id', 'g.agent_id')
      .select(['a.team_id', ...groupedColumns])
      .as('g');
  const agentDays = (await filtered(db, filter))
    .select(['s.agent_id', 's.day', ...sumColumns])
    .groupBy(['s.agent_id', 's.day'])
    .as('d');
  return db
    .selectFrom(agentDays)
    .select([teamOnDay('d.agent_id', 'd.day').as('team_id'), ...DAY_COLUMNS])
    .as('g');
}

export async function totals(db: Kysely<Database>, filter: Filter): Promise<KpiValues> {
  const r = await (await filtered(db, filter)).select(sumColumns).executeTakeFirstOrThrow();
  return kpiValues(countsOf(r));
}

export async function breakdown(db: Kysely<Database>, filter: Filter, by: Breakdown): Promise<MetricsRow[]> {
  switch (by) {
    case 'none':
      return [row('all', null, null, await totals(db, filter))];
    case 'day': {
      const rows = await (
        await filtered(db, filter)
      )
        .select(['s.day', ...sumColumns])
        .groupBy('s.day')
        .orderBy('s.day')
        .execute();
      return rows.map((r) => row(r.day, r.day, null, r));
    }
    case 'agent': {
      const rows = await db
        .selectFrom(await perAgent(db, filter))
        .innerJoin('agents as a', 'a.id', 'g.agent_id')
        .select(['a.id', 'a.code', 'a.name', ...groupedColumns])
        .execute();
      const listed = new Set(rows.map((r) => r.id));
      const absent = (await roster(db, filter)).filter((a) => !listed.has(a.id));
      return [
        ...rows.map((r) => row(r.code, r.name ?? r.code, r.id, r)),
        ...absent.map((a) => row(a.code, a.name ?? a.code, a.id, emptyCounts())),
      ].sort((a, b) => compareCodes(a.key ?? '', b.key ?? ''));
    }
    case 'team': {
      const rows = await db
        .selectFrom(await perTeam(db, filter))
        .leftJoin('teams as t', 't.id', 'g.team_id')
        .select(['t.id', 't.name', ...sumsOf('g')])
        .groupBy('t.id')
        // No team first, as SQLite orders NULL (PostgreSQL would put it last).
        .orderBy('t.name', (ob) => ob.asc().nullsFirst())
        .execute();
      // A team of the roster whose agents made no call is listed with 0 too. An agent who was in
      // two of the chosen teams during the range has their rows under the team of each row's day;
      // their roster row (the team they were in last, people/roster.ts) adds a 0-row only when
      // that team has no rows at all.
      const listed = new Set(rows.map((r) => r.id));
      const absent = new Map<number | null, string | null>();
      for (const a of await roster(db, filter)) if (!listed.has(a.teamId)) absent.set(a.teamId, a.teamName);
      return [
        ...rows.map((r) => row(r.name, r.name, r.id, r)),
        ...[...absent].map(([id, name]) => row(name, name, id, emptyCounts())),
      ];
    }
    case 'campaign': {
      const rows = await db
        .selectFrom(
          (await filtered(db, filter))
            .select(['s.campaign_id', ...sumColumns])
            .groupBy('s.campaign_id')
            .as('g'),
        )
        .leftJoin('campaigns as c', 'c.id', 'g.campaign_id')
        .select(['c.id', 'c.name', ...groupedColumns])
        .orderBy('c.name', (ob) => ob.asc().nullsFirst())
        .execute();
      return rows.map((r) => row(r.name, r.name, r.id, r));
    }
  }
}

/** A range's KPIs and those of its comparable period (by working days on `calendar`, see comparisonFor). */
export async function summary(db: Kysely<Database>, filter: Filter, calendar?: WorkingDays) {
  const range: DayRange = { from: filter.from, to: filter.to };
  const comparison = comparisonFor(range, calendar);
  const previousRange = comparison.range;
  // The active days and agent-days come with each period's sums: one scan per period.
  // (A rollup row always has dials > 0: emptied rows are deleted.)
  const period = async (f: Filter) =>
    (await filtered(db, f))
      .select([
        ...sumColumns,
        sql<number>`count(distinct s.day)`.as('activeDays'),
        sql<number>`count(distinct s.day || '|' || s.agent_id)`.as('agentDays'),
      ])
      .executeTakeFirstOrThrow();
  const [current, previous, maskedPhoneCalls] = await Promise.all([
    period(filter),
    period({ ...filter, ...previousRange }),
    maskedPhoneCallCount(db, filter),
  ]);
  return {
    range,
    previousRange,
    comparison: { basis: comparison.basis, workingDays: comparison.workingDays },
    current: kpiValues(countsOf(current)),
    previous: kpiValues(countsOf(previous)),
    activeDays: Number(current.activeDays),
    agentDays: Number(current.agentDays),
    previousAgentDays: Number(previous.agentDays),
    ...(maskedPhoneCalls > 0 && { maskedPhoneCalls }),
  };
}

/**
 * Calls under the filter whose customer number the exporting system masked (138****1234): stored
 * with its last digits and no hash, so repeat dials cannot count them. Read from the calls (the
 * rollups do not keep it), through the small partial index of masked calls.
 */
export async function maskedPhoneCallCount(db: Kysely<Database>, filter: Filter): Promise<number> {
  let query = db
    .selectFrom('calls as c')
    .where('c.phone_hash', 'is', null)
    .where('c.phone_last4', 'is not', null)
    .where('c.day', '>=', filter.from)
    .where('c.day', '<=', filter.to);
  if (filter.agentId !== undefined) query = query.where('c.agent_id', '=', filter.agentId);
  // A team's agents would take SQLite to the (agent, day) index: every call of the team's month
  // read to find the few masked ones (65 ms of 10M calls) instead of the partial index (<1 ms).
  const teams = await agentInTeamsOnDay(db, filter, 'c.agent_id', 'c.day', { keepOffIndex: true });
  if (teams) query = query.where(teams);
  if (filter.campaignId !== undefined) query = query.where('c.campaign_id', '=', filter.campaignId);
  const r = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Calls by weekday and hour of the day: when the floor dials and when people pick up. */
export async function heatmap(db: Kysely<Database>, filter: Filter): Promise<HeatmapCell[]> {
  const rows = await (
    await filteredHourly(db, filter)
  )
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
    cell.dials += Number(r.dials);
    cell.connects += Number(r.connects);
    cell.sales += Number(r.sales);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, connectRate: ratio(c.connects, c.dials) }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

/**
 * Every agent of the roster or with calls under the filter: KPIs over the range and per-day series for sparklines.
 * One scan, grouped per agent-day and then per agent; each agent's series comes back as one text
 * ("day dials connects sales ...") instead of a row per agent-day: materialising ~4.5k row objects
 * for a month of 200 agents cost more than the SQL itself.
 */
export async function leaderboard(
  db: Kysely<Database>,
  filter: Filter,
): Promise<{ days: Day[]; rows: LeaderboardRow[] }> {
  const agentDays = (await filtered(db, filter))
    .select(['s.day', 's.agent_id', ...sumColumns])
    .groupBy(['s.day', 's.agent_id'])
    .as('d');
  const perAgentWithSeries = db
    .selectFrom(agentDays)
    .select([
      'd.agent_id',
      ...sumsOf('d'),
      groupConcat(db, sql`d.day || ' ' || d.dials || ' ' || d.connects || ' ' || d.sales`, ' ').as('series'),
    ])
    .groupBy('d.agent_id')
    .as('g');
  const [dialled, expected] = await Promise.all([
    db
      .selectFrom(perAgentWithSeries)
      .innerJoin('agents as a', 'a.id', 'g.agent_id')
      .leftJoin('teams as t', 't.id', 'a.team_id')
      .select(['a.id', 'a.code', 'a.name', 't.name as teamName', 'g.series', ...groupedColumns])
      .execute(),
    roster(db, filter),
  ]);
  // The roster's agents without a call in the range are rows of 0 (src-main/people/roster.ts), and
  // an agent of the roster shows the roster's team (the one of the range, not today's).
  const listed = new Set(dialled.map((a) => a.id));
  const teamName = rosterTeamName(expected);
  const agents = [
    ...dialled.map((a) => ({ ...a, teamName: teamName(a.id, a.teamName) })),
    ...expected.filter((a) => !listed.has(a.id)).map((a) => ({ ...a, ...emptyCounts(), series: '' })),
  ];
  const days: Day[] = [];
  for (let d = filter.from; d <= filter.to; d = addDays(d, 1)) days.push(d);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(days.length).fill(0);
  return {
    days,
    rows: agents
      .map((a) => {
        const daily = { dials: zeros(), connects: zeros(), sales: zeros() };
        const parts = a.series ? a.series.split(' ') : [];
        for (let k = 0; k < parts.length; k += 4) {
          const i = dayIndex.get(parts[k]!)!;
          daily.dials[i] = Number(parts[k + 1]);
          daily.connects[i] = Number(parts[k + 2]);
          daily.sales[i] = Number(parts[k + 3]);
        }
        return { ...row(a.code, a.name ?? a.code, a.id, a), teamName: a.teamName, daily };
      })
      .sort((x, y) => compareCodes(x.key ?? '', y.key ?? '')),
  };
}

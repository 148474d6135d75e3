/**
 * The numbers of a report, computed from the rollup rows of its days (call-numbers.ts: the live
 * workspace's, or a month close's snapshot) with the dashboard's definitions
 * (src-main/metrics/queries.ts): the same sums, groups, orders and roster rows of 0, so a report
 * never disagrees with the screen, and a closed month's report is this same code on frozen rows.
 */
import type { Filter, LeaderboardRow, MetricsRow } from '../../src-shared/api';
import { emptyCounts, kpiValues, type KpiCounts } from '../../src-shared/kpi';
import { comparisonFor, type DayRange } from '../../src-shared/periods';
import type { ReportScope } from '../../src-shared/reports-model';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import { compareCodes } from '../../src-shared/collate';
import { addDays, type Day } from '../../src-shared/time';
import type { summary } from '../metrics/queries';
import { rosterTeamName, type RosterAgent } from '../people/roster';
import type { CallNames, CallsReader, StatRow } from './call-numbers';

type Summary = Awaited<ReturnType<typeof summary>>;

export interface ReportData {
  range: DayRange;
  summary: Summary;
  /** every agent of the roster or with calls, with team and per-day series (its active days) */
  agents: LeaderboardRow[];
  days: MetricsRow[];
  teams: MetricsRow[];
  campaigns: MetricsRow[];
}

export function scopeFilter(range: DayRange, scope: ReportScope): Filter {
  if (scope.kind === 'team') return { ...range, teamId: scope.teamId };
  if (scope.kind === 'agent') return { ...range, agentId: scope.agentId };
  if (scope.kind === 'teams') return { ...range, teamIds: scope.teamIds };
  return { ...range };
}

const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof KpiCounts)[];

function addCounts(into: KpiCounts, r: KpiCounts): void {
  for (const key of COUNT_KEYS) into[key] += r[key];
}

/** Sums per key, keys in their first-seen order. */
function sumBy<K>(rows: Iterable<[K, KpiCounts]>): Map<K, KpiCounts> {
  const sums = new Map<K, KpiCounts>();
  for (const [key, counts] of rows) {
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = emptyCounts()));
    addCounts(sum, counts);
  }
  return sums;
}

function row(key: string | null, label: string | null, id: number | null, counts: KpiCounts): MetricsRow {
  return { key, label, id, ...kpiValues(counts) };
}

/** SQL's ORDER BY on a text column: NULL first, then by the bytes of the text (SQLite's BINARY). */
function byName<T extends { name: string | null }>(a: T, b: T): number {
  if (a.name === null || b.name === null) return a.name === b.name ? 0 : a.name === null ? -1 : 1;
  return Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
}

function periodTotals(rows: StatRow[]) {
  const counts = emptyCounts();
  const days = new Set<Day>();
  const agentDays = new Set<string>();
  for (const r of rows) {
    addCounts(counts, r);
    days.add(r.day);
    agentDays.add(`${r.day}|${r.agentId}`);
  }
  return { counts, activeDays: days.size, agentDays: agentDays.size };
}

function summaryOf(
  range: DayRange,
  previousRows: StatRow[],
  rows: StatRow[],
  comparison: ReturnType<typeof comparisonFor>,
  maskedPhoneCalls: number,
): Summary {
  const current = periodTotals(rows);
  const previous = periodTotals(previousRows);
  return {
    range,
    previousRange: comparison.range,
    comparison: { basis: comparison.basis, workingDays: comparison.workingDays },
    current: kpiValues(current.counts),
    previous: kpiValues(previous.counts),
    activeDays: current.activeDays,
    agentDays: current.agentDays,
    previousAgentDays: previous.agentDays,
    ...(maskedPhoneCalls > 0 && { maskedPhoneCalls }),
  };
}

/** The leaderboard's rows: agents with calls (and a name), then the roster's agents without, by code. */
function agentRows(
  range: DayRange,
  rows: StatRow[],
  perAgent: Map<number, KpiCounts>,
  names: CallNames,
  roster: RosterAgent[],
): LeaderboardRow[] {
  const days: Day[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(days.length).fill(0);
  const series = new Map<number, LeaderboardRow['daily']>();
  for (const r of rows) {
    let daily = series.get(r.agentId);
    if (!daily) series.set(r.agentId, (daily = { dials: zeros(), connects: zeros(), sales: zeros() }));
    const i = dayIndex.get(r.day)!;
    daily.dials[i]! += r.dials;
    daily.connects[i]! += r.connects;
    daily.sales[i]! += r.sales;
  }
  // an agent of the roster shows the roster's team (the one of the range, not today's)
  const teamNameOf = rosterTeamName(roster);
  const listed: LeaderboardRow[] = [];
  for (const [agentId, counts] of perAgent) {
    const a = names.agents.get(agentId)!;
    const teamName = teamNameOf(agentId, a.teamId === null ? null : (names.teams.get(a.teamId) ?? null));
    listed.push({ ...row(a.code, a.name ?? a.code, agentId, counts), teamName, daily: series.get(agentId)! });
  }
  const absent = roster
    .filter((a) => !perAgent.has(a.id))
    .map((a) => ({
      ...row(a.code, a.name ?? a.code, a.id, emptyCounts()),
      teamName: a.teamName,
      daily: { dials: zeros(), connects: zeros(), sales: zeros() },
    }));
  return [...listed, ...absent].sort((x, y) => compareCodes(x.key ?? '', y.key ?? ''));
}

/**
 * Teams by name ("no team" first), then the roster's teams without calls. A row counts for the
 * team its agent was in on its day (the reader says so when anyone moved; else the agent's team);
 * an agent of two teams in the range adds a 0-row only under the roster's team (the last one), and
 * only when that team has no rows (as the dashboard's team table, metrics/queries.ts).
 */
function teamRows(rows: StatRow[], names: CallNames, roster: RosterAgent[]): MetricsRow[] {
  const teamOf = (r: StatRow): number | null => {
    const teamId = r.teamId !== undefined ? r.teamId : names.agents.get(r.agentId)!.teamId;
    return teamId !== null && names.teams.has(teamId) ? teamId : null;
  };
  const perTeam = sumBy(rows.map((r) => [teamOf(r), r]));
  const teams = [...perTeam]
    .map(([id, counts]) => ({ id, name: id === null ? null : names.teams.get(id)!, counts }))
    .sort((a, b) => byName(a, b) || (a.id ?? 0) - (b.id ?? 0));
  const absent = new Map<number | null, string | null>();
  for (const a of roster) if (!perTeam.has(a.teamId)) absent.set(a.teamId, a.teamName);
  return [
    ...teams.map((t) => row(t.name, t.name, t.id, t.counts)),
    ...[...absent].map(([id, name]) => row(name, name, id, emptyCounts())),
  ];
}

/** Campaigns by name ("no campaign" first). */
function campaignRows(rows: StatRow[], names: CallNames): MetricsRow[] {
  return [...sumBy(rows.map((r) => [r.campaignId, r]))]
    .sort(([a], [b]) => a - b)
    .map(([campaignId, counts]) => {
      const name = names.campaigns.get(campaignId) ?? null;
      return { id: name === null ? null : campaignId, name, counts };
    })
    .sort(byName)
    .map((c) => row(c.name, c.name, c.id, c.counts));
}

export async function loadReportData(
  calls: CallsReader,
  range: DayRange,
  scope: ReportScope,
  calendar?: WorkingDays,
): Promise<ReportData> {
  const filter = scopeFilter(range, scope);
  const comparison = comparisonFor(range, calendar);
  const [rows, previousRows, names, roster, masked] = await Promise.all([
    calls.rows(filter),
    calls.rows({ ...filter, ...comparison.range }),
    calls.names(),
    calls.roster(filter),
    calls.maskedPhoneCalls(filter),
  ]);
  // Rows of an agent missing from the agents table count in the totals only (SQL's inner join).
  const named = rows.filter((r) => names.agents.has(r.agentId));
  const perAgent = sumBy(named.map((r) => [r.agentId, r]));
  const days = [...sumBy(rows.map((r) => [r.day, r]))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    range,
    summary: summaryOf(range, previousRows, rows, comparison, masked),
    agents: agentRows(range, named, perAgent, names, roster),
    days: days.map(([day, counts]) => row(day, day, null, counts)),
    teams: teamRows(named, names, roster),
    campaigns: campaignRows(rows, names),
  };
}

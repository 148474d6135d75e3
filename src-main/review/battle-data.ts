/**
 * The numbers of a day's battle report (战报): the day's totals and ranking from the dashboard's own
 * leaderboard query, the month to date against target from pacing, and the day's deals from the
 * calls. Text and image are drawn from this one object, so they never disagree.
 */
import type { Language } from '../../src-shared/domain';
import { ratio } from '../../src-shared/kpi';
import { monthOf, monthRange } from '../../src-shared/targets-calendar';
import type { TargetKpi } from '../../src-shared/targets';
import { localTimeOfDay, type Day } from '../../src-shared/time';
import { leaderboard } from '../metrics/queries';
import { listAgentRows } from '../targets/actuals';
import { pacing, TargetResolver } from '../targets/month';
import { loadTargets, TargetBook } from '../targets/store';
import type { Workspace } from '../workspace';
import { agentInTeamsOnDay, chosenTeamsLabel, type TeamChoice } from '../people/team-filter';

/** The most agents ranked and deals listed; the rest are counted ("and 4 more"). */
export const RANKING_CAP = 20;
export const DEALS_CAP = 12;

export interface BattleReport {
  day: Day;
  language: Language;
  currency: string;
  /** the team's name, or null for the whole floor */
  teamName: string | null;
  totals: { dials: number; connects: number; connectRate: number | null; sales: number; revenue: number };
  /** month to date through `day`: the month's target as set, and the pace against it pro-rated to the day */
  month: { kpi: TargetKpi; target: number; actual: number | null; pace: number | null }[];
  /** best first: revenue, then sales, then dials */
  ranking: { name: string; revenue: number; sales: number; dials: number }[];
  rankingMore: number;
  /** the day's deals in time order */
  deals: { name: string; time: string; amount: number }[];
  dealsMore: number;
}

export async function battleReportData(
  ws: Workspace,
  day: Day,
  teams: TeamChoice,
  language: Language,
): Promise<BattleReport> {
  const settings = await ws.settings();
  const { teamId, teamIds } = teams;
  const filter = { from: day, to: day, teamId, teamIds };
  const board = await leaderboard(ws.kysely, filter);
  const ranked = [...board.rows].sort(
    (a, b) =>
      b.revenue - a.revenue ||
      b.sales - a.sales ||
      b.dials - a.dials ||
      (a.key ?? '').localeCompare(b.key ?? '', 'en', { numeric: true }),
  );
  const sum = (key: 'dials' | 'connects' | 'sales' | 'revenue') =>
    board.rows.reduce((total, r) => total + r[key], 0);
  const totals = {
    dials: sum('dials'),
    connects: sum('connects'),
    connectRate: ratio(sum('connects'), sum('dials')),
    sales: sum('sales'),
    revenue: sum('revenue'),
  };

  // Pace from the month's start to the day; the target shown is the month's as set, not pro-rated.
  const paced = await pacing(ws, { from: monthRange(monthOf(day)).from, to: day, teamId, teamIds });
  const targets = new TargetResolver(
    new TargetBook(await loadTargets(ws.kysely, monthOf(day))),
    await listAgentRows(ws.kysely),
  );
  const month = paced.kpis.map((k) => ({
    kpi: k.kpi,
    target: targets.scope(filter, k.kpi) ?? k.target,
    actual: k.actual,
    pace: k.pace,
  }));

  let deals = ws.kysely
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select(['c.started_at', 'c.sale_amount', 'a.code', 'a.name'])
    .where('c.day', '=', day)
    .where('c.is_sale', '=', 1)
    .where('c.direction', '=', 'outbound') // as the rollup counts sales
    .orderBy('c.started_at')
    .orderBy('c.id');
  const inTeams = await agentInTeamsOnDay(ws.kysely, teams, 'c.agent_id', 'c.day');
  if (inTeams) deals = deals.where(inTeams);
  const dealRows = await deals.limit(DEALS_CAP).execute();

  const teamName = await chosenTeamsLabel(ws.kysely, teams, language);

  return {
    day,
    language,
    currency: settings.currency,
    teamName,
    totals,
    month,
    ranking: ranked.slice(0, RANKING_CAP).map((r) => ({
      name: r.label ?? r.key ?? '',
      revenue: r.revenue,
      sales: r.sales,
      dials: r.dials,
    })),
    rankingMore: Math.max(0, ranked.length - RANKING_CAP),
    deals: dealRows.map((d) => ({
      name: d.name ?? d.code,
      time: localTimeOfDay(d.started_at, settings.timeZone).slice(0, 5),
      amount: d.sale_amount,
    })),
    dealsMore: Math.max(0, totals.sales - dealRows.length),
  };
}

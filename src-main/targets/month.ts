/**
 * A month of targets put together: suggestions from history (plan), month-to-date pacing for a
 * dashboard filter, the composite scores and the bonus sheet. Formulas live in src-shared; this
 * module only gathers the numbers they need.
 */
import type { Filter, Output, PaceRow, ScoreRow } from '../../src-shared/api';
import type { ConversionSource } from '../../src-shared/orders';
import {
  compositeScore,
  gradeOf,
  rankByScore,
  variablePay,
  type ScoringProfile,
} from '../../src-shared/scoring';
import {
  addMonthsTo,
  monthOf,
  monthRange,
  type Month,
  type WorkingDays,
} from '../../src-shared/targets-calendar';
import {
  isAdditive,
  pace,
  roundToStep,
  suggestTarget,
  TARGET_KPIS,
  type HistoryMonth,
  type MonthActuals,
  type TargetKpi,
} from '../../src-shared/targets';
import { addDays, todayIn, type Day } from '../../src-shared/time';
import { now } from '../clock';
import { roster, type RosterScope } from '../people/roster';
import { leadRatingsByAgent } from '../ratings/store';
import type { Workspace } from '../workspace';
import {
  actualsByAgent,
  actualsByAgentMonth,
  addActuals,
  auditScoreByMonth,
  auditScoreOf,
  auditScoreSumOf,
  emptyActuals,
  firstDays,
  listAgentRows,
  type AgentRow,
} from './actuals';
import { chosenTeams, inChosenTeams, singleTeam, type TeamChoice } from '../people/team-filter';
import {
  applySalesSource,
  isOrderSourced,
  ORDER_SOURCED_KPIS,
  SourcedActuals,
  sumFigures,
  withOrderSalesByMonth,
  type OrderFigures,
} from './order-actuals';
import {
  agentWorkingDays,
  loadBonusSheet,
  loadCalendarBook,
  loadOverrides,
  loadProfile,
  loadTargets,
  TargetBook,
} from './store';

type KpiNumbers = Record<TargetKpi, number | null>;

function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}
function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}

/** The last day with complete data: yesterday in the workspace time zone. */
export async function asOfDay(ws: Workspace): Promise<Day> {
  return addDays(todayIn((await ws.settings()).timeZone, now()), -1);
}

/** What a KPI's history adds up to over the months (the basis of a split by share). */
function basisOf(kpi: TargetKpi, a: MonthActuals): number | null {
  switch (kpi) {
    case 'dialsPerDay':
      return a.dials;
    case 'effectiveTalkPerDay':
      return a.effectiveTalkSeconds;
    case 'intents':
    case 'sales':
    case 'revenue':
      return a[kpi];
    default:
      return null;
  }
}

function suggestAll(history: HistoryMonth[], workingDays: number, uplift: number) {
  const values = {} as KpiNumbers;
  const basis = {} as KpiNumbers;
  const total = history.reduce((sum, h) => addActuals(sum, h.actuals), emptyActuals());
  for (const kpi of TARGET_KPIS) {
    values[kpi] = suggestTarget(kpi, history, workingDays, uplift);
    basis[kpi] = basisOf(kpi, total);
  }
  return { values, basis };
}

export async function plan(
  ws: Workspace,
  month: Month,
  uplift: number,
  teams: TeamChoice = {},
): Promise<Output<'targets.plan'>> {
  const db = ws.kysely;
  // Each team plans on its own working days (a team that works Saturdays has more of them).
  const book = await loadCalendarBook(db);
  const asOf = await asOfDay(ws);
  const { from, to } = monthRange(month);
  const workingDays = book.workspace.count(from, to);
  const teamWorkingDays = (teamId: number | null) => book.forTeam(teamId).count(from, to);
  const historyMonths = [3, 2, 1].map((n) => addMonthsTo(month, -n));
  const histFrom = monthRange(historyMonths[0]!).from;
  const histTo = minDay(monthRange(historyMonths[2]!).to, asOf);
  const byAgent = await withOrderSalesByMonth(
    db,
    histFrom,
    histTo,
    await actualsByAgentMonth(db, histFrom, histTo),
  );
  const joined = await firstDays(db);
  const allAgents = await listAgentRows(db);
  const agents = allAgents.filter((a) => a.active && byAgent.has(a.id) && inChosenTeams(teams, a.teamId));
  const teamOfAgent = new Map(allAgents.map((a) => [a.id, a.teamId]));

  // An agent's past months are counted on the team they were in then (they may have moved since).
  const pastCalendarOf = await agentWorkingDays(db, book, { from: histFrom, to: histTo });
  const historyOf = (agentId: number | null, cal: WorkingDays): HistoryMonth[] =>
    historyMonths.map((m) => {
      const r = monthRange(m);
      const start = agentId === null ? r.from : maxDay(r.from, joined.get(agentId) ?? r.from);
      const end = minDay(r.to, asOf);
      return {
        actuals: (agentId === null ? null : byAgent.get(agentId)?.get(m)) ?? emptyActuals(),
        workingDays: start <= end ? cal.count(start, end) : 0,
      };
    });
  const sumHistory = async (members: AgentRow[], teamId?: number): Promise<HistoryMonth[]> => {
    // A team's (or the floor's) audit score is the mean over its audits, not a sum of its agents'.
    const scope = teamId === undefined ? { teamId: teams.teamId, teamIds: teams.teamIds } : { teamId };
    const audits = await auditScoreByMonth(db, histFrom, histTo, scope);
    return historyMonths.map((m, i) => {
      const base = historyOf(null, book.forTeam(teamId))[i]!;
      const actuals = members.reduce(
        (sum, a) => addActuals(sum, byAgent.get(a.id)?.get(m) ?? emptyActuals()),
        emptyActuals(),
      );
      return { actuals: { ...actuals, auditScore: audits.get(m) ?? null }, workingDays: base.workingDays };
    });
  };

  const teamIds = [...new Set(agents.map((a) => a.teamId).filter((t): t is number => t !== null))];
  return {
    month,
    workingDays,
    targets: (await loadTargets(db, month)).filter(
      (e) =>
        e.scope === 'all' ||
        inChosenTeams(teams, e.scope === 'team' ? e.scopeId : teamOfAgent.get(e.scopeId)),
    ),
    agents: agents.map((a) => ({
      agentId: a.id,
      teamId: a.teamId,
      ...suggestAll(historyOf(a.id, pastCalendarOf(a.id, a.teamId)), teamWorkingDays(a.teamId), uplift),
    })),
    teams: await Promise.all(
      teamIds.map(async (teamId) => {
        const members = agents.filter((a) => a.teamId === teamId);
        const days = teamWorkingDays(teamId);
        const s = suggestAll(await sumHistory(members, teamId), days, uplift);
        const perAgent = {} as KpiNumbers;
        for (const kpi of TARGET_KPIS) {
          const v = s.values[kpi];
          perAgent[kpi] = v === null ? null : isAdditive(kpi) ? roundToStep(kpi, v / members.length) : v;
        }
        return { teamId, perAgent, agents: members.length, workingDays: days, ...s };
      }),
    ),
    all: suggestAll(await sumHistory(agents), workingDays, uplift),
  };
}

/**
 * The target that applies to a scope. An agent's own, else (rates only) their team's, else
 * everyone's. A team's or everyone's additive target, when not set, is the sum of its members'.
 */
export class TargetResolver {
  constructor(
    private readonly book: TargetBook,
    private readonly agents: AgentRow[],
  ) {}

  agent(agentId: number, kpi: TargetKpi): number | null {
    const own = this.book.get('agent', agentId, kpi);
    if (own !== null || isAdditive(kpi)) return own;
    const teamId = this.agents.find((a) => a.id === agentId)?.teamId ?? null;
    return (teamId !== null ? this.book.get('team', teamId, kpi) : null) ?? this.book.get('all', 0, kpi);
  }

  team(teamId: number, kpi: TargetKpi): number | null {
    const own = this.book.get('team', teamId, kpi);
    if (own !== null) return own;
    if (!isAdditive(kpi)) return this.book.get('all', 0, kpi);
    return sumOrNull(
      this.agents.filter((a) => a.teamId === teamId).map((a) => this.book.get('agent', a.id, kpi)),
    );
  }

  /**
   * Several teams' target, as the floor's is made of its teams: an additive KPI's is the sum of
   * the teams'; a rate's is the one rate the teams share, else everyone's.
   */
  teams(teamIds: readonly number[], kpi: TargetKpi): number | null {
    const each = teamIds.map((t) => this.team(t, kpi));
    if (isAdditive(kpi)) return sumOrNull(each);
    const [first] = each;
    return each.every((v) => v === first) && first !== undefined ? first : this.book.get('all', 0, kpi);
  }

  /** The target of a filter's scope: an agent's, its teams', or everyone's. */
  scope(filter: { agentId?: number | undefined } & TeamChoice, kpi: TargetKpi): number | null {
    if (filter.agentId !== undefined) return this.agent(filter.agentId, kpi);
    const teams = chosenTeams(filter);
    return teams === undefined ? this.all(kpi) : this.teams(teams, kpi);
  }

  all(kpi: TargetKpi): number | null {
    const own = this.book.get('all', 0, kpi);
    if (own !== null || !isAdditive(kpi)) return own;
    const teamIds = [...new Set(this.agents.map((a) => a.teamId))];
    return sumOrNull(
      teamIds.map((t) =>
        t === null
          ? sumOrNull(
              this.agents.filter((a) => a.teamId === null).map((a) => this.book.get('agent', a.id, kpi)),
            )
          : this.team(t, kpi),
      ),
    );
  }
}

function sumOrNull(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

function pacesFor(
  targetOf: (kpi: TargetKpi) => number | null,
  { actuals, source }: { actuals: MonthActuals; source: ConversionSource },
  days: { month: number; available: number; elapsed: number },
): PaceRow[] {
  const rows: PaceRow[] = [];
  for (const kpi of TARGET_KPIS) {
    const target = targetOf(kpi);
    if (target === null) continue;
    const row = pace(kpi, target, actuals, days);
    rows.push(ORDER_SOURCED_KPIS.includes(kpi) ? { ...row, source } : row);
  }
  return rows;
}

function attainments(paces: PaceRow[]): Partial<Record<TargetKpi, number | null>> {
  return Object.fromEntries(paces.map((p) => [p.kpi, p.pace]));
}

/**
 * What a scope's pacing is made of (a month close keeps a team's): a set of teams' pacing is made of
 * its teams' parts exactly as `pacing` makes it for the set (`pacingOfTeams`).
 */
export interface PacingParts {
  /** the scope's monthly target of each KPI that has one (a rate's: its own or the fallback) */
  targets: Partial<Record<TargetKpi, number>>;
  /** the agents' call actuals summed (auditScore: null; the audits' own sum and count beside) */
  calls: MonthActuals;
  auditScoreSum: number;
  auditScored: number;
  /** the agents' order figures summed; null: none */
  orders: OrderFigures | null;
  setting: ConversionSource;
  /** the workspace calendar's days of the period: a set of several teams counts on it */
  workspaceDays: { month: number; available: number; elapsed: number };
}

function sumOrNullOf(values: readonly (number | undefined)[]): number | null {
  return sumOrNull(values.map((v) => v ?? null));
}

/**
 * Several teams' pacing from each team's parts (`pacing`'s rules for a set of teams: an additive
 * target is the teams' sum, a rate's the one the teams share, else everyone's `allRates`; actuals
 * summed, the audit score from its summed scores, days on the workspace calendar).
 */
export function pacingOfTeams(
  teams: readonly PacingParts[],
  allRates: Partial<Record<TargetKpi, number>>,
): { workingDays: number; kpis: PaceRow[] } | null {
  const [first] = teams;
  if (!first) return null;
  const calls = teams.reduce((sum, t) => addActuals(sum, t.calls), emptyActuals());
  const scored = teams.reduce((n, t) => n + t.auditScored, 0);
  calls.auditScore = scored > 0 ? teams.reduce((s, t) => s + t.auditScoreSum, 0) / scored : null;
  const withOrders = teams.flatMap((t) => (t.orders ? [t.orders] : []));
  const sourced = applySalesSource(first.setting, calls, sumFigures(withOrders));
  const targetOf = (kpi: TargetKpi): number | null => {
    const each = teams.map((t) => t.targets[kpi] ?? null);
    if (isAdditive(kpi)) return sumOrNullOf(each.map((v) => v ?? undefined));
    return each.every((v) => v === each[0]) ? each[0]! : (allRates[kpi] ?? null);
  };
  return {
    workingDays: first.workspaceDays.available,
    kpis: pacesFor(targetOf, sourced, first.workspaceDays),
  };
}

export async function pacing(ws: Workspace, filter: Filter): Promise<Output<'targets.pacing'>> {
  return (await pacingWithParts(ws, filter, false)).out;
}

/** `pacing`, and (asked for) the parts it is made of. */
export async function pacingWithParts(
  ws: Workspace,
  filter: Filter,
  withParts: boolean,
): Promise<{ out: Output<'targets.pacing'>; parts: PacingParts | null }> {
  const month = monthOf(filter.from);
  const none = { applies: false, asOf: null, workingDays: 0, elapsedDays: 0, kpis: [], agents: [] };
  // Targets are monthly and not per campaign: a range across months or a campaign has none.
  if (month !== monthOf(filter.to) || filter.campaignId !== undefined) return { out: none, parts: null };
  const db = ws.kysely;
  // Days are counted on each agent's team's calendar, the scope's on its team's (or the workspace's).
  const book = await loadCalendarBook(db);
  const { from: monthFrom, to: monthTo } = monthRange(month);
  const asOf = minDay(filter.to, await asOfDay(ws));
  const agents = await listAgentRows(db);
  const calendarOf = await agentWorkingDays(db, book, { from: monthFrom, to: monthTo });
  const agentCalendar = (agentId: number) =>
    calendarOf(agentId, agents.find((a) => a.id === agentId)?.teamId);
  const daysFrom = (start: Day, cal: WorkingDays) => {
    return {
      month: cal.count(monthFrom, monthTo),
      available: cal.count(start, filter.to),
      elapsed: start <= asOf ? cal.count(start, asOf) : 0,
    };
  };
  const targets = new TargetResolver(new TargetBook(await loadTargets(db, month)), agents);
  const joined = await firstDays(db);
  const scope = { teamId: filter.teamId, teamIds: filter.teamIds, agentId: filter.agentId };
  const callsByAgent = await actualsByAgent(db, filter.from, filter.to, scope);
  const byAgent = await SourcedActuals.load(db, filter.from, filter.to, scope, callsByAgent);
  const total = [...callsByAgent.values()].reduce((sum, a) => addActuals(sum, a), emptyActuals());
  const callTotal = { ...total };
  total.auditScore = await auditScoreOf(db, filter.from, filter.to, scope);
  const profile = await loadProfile(db);

  const agentStart = (agentId: number) => maxDay(filter.from, joined.get(agentId) ?? filter.from);
  const scopeTarget = (kpi: TargetKpi) => targets.scope(filter, kpi);
  const scopeDays =
    filter.agentId !== undefined
      ? daysFrom(agentStart(filter.agentId), agentCalendar(filter.agentId))
      : daysFrom(filter.from, book.forTeam(singleTeam(filter)));
  const agentRows = (await withRoster(ws, byAgent.agentIds(), { ...filter, ...scope })).ids.map((agentId) => {
    const kpis = pacesFor(
      (kpi) => targets.agent(agentId, kpi),
      byAgent.agent(agentId),
      daysFrom(agentStart(agentId), agentCalendar(agentId)),
    );
    const score = compositeScore(attainments(kpis), profile).score;
    return { agentId, pace: score === null ? null : score / 100, kpis };
  });
  const out = {
    applies: true,
    asOf,
    workingDays: scopeDays.available,
    elapsedDays: scopeDays.elapsed,
    kpis: pacesFor(scopeTarget, byAgent.scope(total), scopeDays),
    agents: agentRows,
  };
  if (!withParts) return { out, parts: null };
  const audits = await auditScoreSumOf(db, filter.from, filter.to, scope);
  const targetsOf: PacingParts['targets'] = {};
  for (const kpi of TARGET_KPIS) {
    const target = scopeTarget(kpi);
    if (target !== null) targetsOf[kpi] = target;
  }
  return {
    out,
    parts: {
      targets: targetsOf,
      calls: { ...callTotal, auditScore: null },
      auditScoreSum: audits.sum,
      auditScored: audits.n,
      orders: byAgent.orderTotal() ?? null,
      setting: byAgent.setting,
      workspaceDays: daysFrom(filter.from, book.workspace),
    },
  };
}

/**
 * The agents with figures plus the roster's agents without any (src-main/people/roster.ts), and the
 * team of the period of those on the roster (an agent who moved since shows the team they were in).
 */
async function withRoster(
  ws: Workspace,
  ids: number[],
  scope: RosterScope,
): Promise<{ ids: number[]; rosterTeam: Map<number, number | null> }> {
  const listed = new Set(ids);
  const agents = await roster(ws.kysely, scope);
  return {
    ids: [...ids, ...agents.map((a) => a.id).filter((id) => !listed.has(id))],
    rosterTeam: new Map(agents.map((a) => [a.id, a.teamId])),
  };
}

export async function scores(
  ws: Workspace,
  month: Month,
  profile: ScoringProfile,
  campaignId?: number,
): Promise<Output<'targets.scores'>> {
  const db = ws.kysely;
  const book = await loadCalendarBook(db);
  const { from, to } = monthRange(month);
  const asOf = minDay(to, await asOfDay(ws));
  const agents = await listAgentRows(db);
  const targets = new TargetResolver(new TargetBook(await loadTargets(db, month)), agents);
  const joined = await firstDays(db);
  const calendarOf = await agentWorkingDays(db, book, { from, to });
  const scope = campaignId ? { campaignId } : {};
  const byAgent =
    asOf >= from
      ? await SourcedActuals.load(db, from, asOf, scope, await actualsByAgent(db, from, asOf, scope))
      : null;
  // The lead's behaviour ratings of the month weigh in as the profile says (not per campaign).
  const ratings = await leadRatingsByAgent(db, month);
  const dialled = byAgent?.agentIds() ?? [];
  // Scored from the month's first day on: the roster's agents with no call score 0, not nothing.
  const { ids, rosterTeam } =
    asOf >= from ? await withRoster(ws, dialled, { from, to }) : { ids: dialled, rosterTeam: new Map() };
  const rows: Omit<ScoreRow, 'rank'>[] = ids.map((agentId) => {
    const sourced = byAgent!.agent(agentId);
    const start = maxDay(from, joined.get(agentId) ?? from);
    const cal = calendarOf(agentId, agents.find((a) => a.id === agentId)?.teamId);
    const days = {
      month: cal.count(from, to),
      available: cal.count(start, to),
      elapsed: cal.count(start, asOf),
    };
    const result = compositeScore(
      attainments(pacesFor((k) => targets.agent(agentId, k), sourced, days)),
      profile,
      ratings.get(agentId),
    );
    return {
      agentId,
      teamId: rosterTeam.has(agentId)
        ? (rosterTeam.get(agentId) ?? null)
        : (agents.find((a) => a.id === agentId)?.teamId ?? null),
      score: result.score,
      grade: gradeOf(result.score, profile.bands),
      // the breakdown says whether sales and revenue were measured on orders or on calls
      parts: result.parts.map((p) => (isOrderSourced(p.kpi) ? { ...p, source: sourced.source } : p)),
      revenue: sourced.actuals.revenue,
    };
  });
  const ranks = rankByScore(rows.map((r) => r.score));
  return {
    month,
    asOf,
    complete: asOf >= to,
    rows: rows
      .map((r, i) => ({ ...r, rank: ranks[i] ?? null }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.agentId - b.agentId),
  };
}

export async function bonus(ws: Workspace, month: Month): Promise<Output<'targets.bonus'>> {
  const sheet = await loadBonusSheet(ws.kysely);
  const overrides = await loadOverrides(ws.kysely, month);
  const scored = await scores(ws, month, await loadProfile(ws.kysely));
  return {
    sheet,
    rows: scored.rows.map((r) => {
      const computed = variablePay(r.grade, r.revenue, sheet);
      const override = overrides.get(r.agentId) ?? null;
      return {
        agentId: r.agentId,
        teamId: r.teamId,
        score: r.score,
        grade: r.grade,
        revenue: r.revenue,
        bonus: computed?.bonus ?? null,
        commission: computed?.commission ?? null,
        computed: computed?.total ?? null,
        override,
        pay: override ? override.amount : (computed?.total ?? null),
      };
    }),
  };
}

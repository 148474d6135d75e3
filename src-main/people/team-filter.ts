/**
 * The team condition of a filter, in one place: which teams a filter keeps (one `teamId`, a lead's
 * several `teamIds`, or every team), as SQL on an agent id column and in memory on an agent's
 * team. Every service that applies a filter's team calls these.
 *
 * A row with a day (a call, a rollup row, an audit's call) belongs to the team its agent was in on
 * that day (src-main/people/membership.ts): `agentInTeamsOnDay`. The roster of a range (the agents
 * a period's rows are made of) holds the agents who were in a chosen team on at least one of its
 * days: `agentInTeamsDuring`. A row without a day (people lists, who a lead may reach) belongs to
 * the agent's current team: `agentInTeams`.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Language } from '../../src-shared/domain';
import type { DayRange } from '../../src-shared/periods';
import type { Database } from '../db/schema';
import type { Span } from './membership';

/** Beyond this many spans of moved agents, one EXISTS on the spans instead of a term per span. */
const INLINE_SPANS = 40;
/** The open span's end as a day every stored day is before. */
const FOREVER = '9999-12-31';

export interface TeamChoice {
  teamId?: number | undefined;
  teamIds?: number[] | undefined;
}

/** The teams a filter keeps; undefined: every team. A named `teamId` wins over `teamIds`. */
export function chosenTeams(choice: TeamChoice): readonly number[] | undefined {
  if (choice.teamId !== undefined) return [choice.teamId];
  return choice.teamIds;
}

/**
 * The filter's team condition on an agent id column (`c.agent_id`, `a.id`); null: every team.
 * `keepOffIndex`: for a query with a narrower index of its own (a partial one), the column is
 * written `+column` so the planner does not take the agents' IN list to an index on it instead.
 */
export function agentInTeams(
  choice: TeamChoice,
  agentIdColumn: string,
  options: { keepOffIndex?: boolean } = {},
): RawBuilder<SqlBool> | null {
  const teams = chosenTeams(choice);
  if (teams === undefined) return null;
  if (teams.length === 0) return sql<SqlBool>`1 = 0`;
  const column = options.keepOffIndex ? sql`+${sql.ref(agentIdColumn)}` : sql.ref(agentIdColumn);
  return sql<SqlBool>`${column} IN (SELECT id FROM agents WHERE team_id IN (${sql.join([...teams])}))`;
}

/** A stored span of an agent who moved at least once (they have a closed span). */
export interface MovedSpan extends Span {
  agentId: number;
}

/**
 * The spans of the agents who moved at least once, in `teams` (undefined: every team), by agent and
 * oldest first; with `overlapping`, only those with a day in that range.
 */
async function movedSpans(
  db: Kysely<Database>,
  teams: readonly number[] | undefined,
  overlapping?: DayRange,
): Promise<MovedSpan[]> {
  return db
    .selectFrom('agent_team_history')
    .select(['agent_id as agentId', 'team_id as teamId', 'from_day as from', 'to_day as to'])
    .$if(teams !== undefined, (q) => q.where('team_id', 'in', [...teams!]))
    .$if(overlapping !== undefined, (q) =>
      q
        .where('from_day', '<=', overlapping!.to)
        .where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>=', overlapping!.from)])),
    )
    .where(
      'agent_id',
      'in',
      db.selectFrom('agent_team_history').select('agent_id').where('to_day', 'is not', null),
    )
    .orderBy('agent_id')
    .orderBy('from_day')
    .execute();
}

/** The agents (column `agent`) of the chosen teams by their current team, the moved ones left out. */
function stayedIn(agent: RawBuilder<unknown>, teams: readonly number[], spans: readonly MovedSpan[]) {
  const moved = sql.join([...new Set(spans.map((s) => s.agentId))]);
  return sql`${agent} IN (SELECT id FROM agents WHERE team_id IN (${sql.join([...teams])}) AND id NOT IN (${moved}))`;
}

function agentRef(agentIdColumn: string, options: { keepOffIndex?: boolean }): RawBuilder<unknown> {
  return options.keepOffIndex ? sql`+${sql.ref(agentIdColumn)}` : sql`${sql.ref(agentIdColumn)}`;
}

/**
 * The filter's team condition on a row with a day: the agent was in one of the chosen teams on
 * the row's day. When none of the chosen teams' agents ever moved it is `agentInTeams`' condition
 * itself (the same plan as before there was a history); else the agents who never moved are
 * matched by their current team and the moved ones by the few spans they spent in the chosen
 * teams.
 */
export async function agentInTeamsOnDay(
  db: Kysely<Database>,
  choice: TeamChoice,
  agentIdColumn: string,
  dayColumn: string,
  options: { keepOffIndex?: boolean; inlineSpans?: number } = {},
): Promise<RawBuilder<SqlBool> | null> {
  const teams = chosenTeams(choice);
  if (teams === undefined || teams.length === 0) return agentInTeams(choice, agentIdColumn, options);
  const spans = await movedSpans(db, teams);
  if (spans.length === 0) return agentInTeams(choice, agentIdColumn, options);
  const agent = agentRef(agentIdColumn, options);
  const day = sql.ref(dayColumn);
  const wasIn =
    spans.length <= (options.inlineSpans ?? INLINE_SPANS)
      ? spans.map((s) => sql`(${agent} = ${s.agentId} AND ${day} BETWEEN ${s.from} AND ${s.to ?? FOREVER})`)
      : [
          sql`EXISTS (SELECT 1 FROM agent_team_history h WHERE h.agent_id = ${agent} AND h.team_id IN (${sql.join([...teams])})
            AND h.from_day <= ${day} AND (h.to_day IS NULL OR h.to_day >= ${day}))`,
        ];
  return sql<SqlBool>`(${stayedIn(agent, teams, spans)} OR ${sql.join(wasIn, sql` OR `)})`;
}

/** Whether a span has a day in a range. */
function spanOverlaps(span: Span, range: DayRange): boolean {
  return span.from <= range.to && (span.to === null || span.to >= range.from);
}

/**
 * The team an agent shows for a range under a choice of teams, from their spans (oldest first):
 * the team of the last span in a chosen team with a day in the range; undefined if none has (the
 * agent was in no chosen team then). Without a choice it is the team of the range's last day
 * (spans leave no gap). The roster's rule, in SQL's company (agentInTeamsDuring) and on a closed
 * month's stored spans (src-main/reports/month-close.ts).
 */
export function teamDuring(
  spans: readonly Span[],
  choice: TeamChoice,
  range: DayRange,
): Span['teamId'] | undefined {
  const during = spans.filter((s) => inChosenTeams(choice, s.teamId) && spanOverlaps(s, range));
  return during[during.length - 1]?.teamId;
}

/** The spans with a day in a range of the agents who moved at least once, by agent, oldest first. */
export function movedSpansDuring(db: Kysely<Database>, range: DayRange): Promise<MovedSpan[]> {
  return movedSpans(db, undefined, range);
}

export interface TeamsDuring {
  /** in one of the chosen teams on at least one day of the range; null: every agent */
  condition: RawBuilder<SqlBool> | null;
  /** for each agent who moved and counts: the team they were last in during the range (see teamDuring) */
  lastTeam: Map<number, number | null>;
}

/**
 * The filter's team condition over a range of days (the roster's): the agent was in one of the
 * chosen teams on at least one day of it, and the team each moved agent shows for the range. The
 * agents who never moved are matched by their current team, which is every day's team; while no
 * agent of the chosen teams ever moved it is `agentInTeams`' condition itself.
 */
export async function agentInTeamsDuring(
  db: Kysely<Database>,
  choice: TeamChoice,
  agentIdColumn: string,
  range: DayRange,
): Promise<TeamsDuring> {
  const teams = chosenTeams(choice);
  if (teams?.length === 0) return { condition: agentInTeams(choice, agentIdColumn), lastTeam: new Map() };
  // without a choice only the spans in the range matter (the team of its last day)
  const spans = await movedSpans(db, teams, teams === undefined ? range : undefined);
  const byAgent = new Map<number, MovedSpan[]>();
  for (const s of spans) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
  const lastTeam = new Map<number, number | null>();
  for (const [agentId, own] of byAgent) {
    const team = teamDuring(own, choice, range);
    if (team !== undefined) lastTeam.set(agentId, team);
  }
  if (teams === undefined || spans.length === 0)
    return { condition: agentInTeams(choice, agentIdColumn), lastTeam };
  const agent = sql`${sql.ref(agentIdColumn)}`;
  const wasIn = lastTeam.size > 0 ? sql` OR ${agent} IN (${sql.join([...lastTeam.keys()])})` : sql``;
  return { condition: sql<SqlBool>`(${stayedIn(agent, teams, spans)}${wasIn})`, lastTeam };
}

/** Whether any agent ever moved between teams: else the current team is every day's team. */
export async function anyAgentMoved(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('agent_team_history')
    .select('agent_id')
    .where('to_day', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The team an agent was in on a day, as SQL on a row's agent and day columns (per-team
 * breakdowns group by it). An agent without stored spans is in its current team.
 */
export function teamOnDay(agentIdColumn: string, dayColumn: string): RawBuilder<number | null> {
  const agent = sql.ref(agentIdColumn);
  const day = sql.ref(dayColumn);
  return sql<
    number | null
  >`CASE WHEN EXISTS (SELECT 1 FROM agent_team_history h0 WHERE h0.agent_id = ${agent})
    THEN (SELECT h.team_id FROM agent_team_history h WHERE h.agent_id = ${agent} AND h.from_day <= ${day}
          AND (h.to_day IS NULL OR h.to_day >= ${day}))
    ELSE (SELECT a0.team_id FROM agents a0 WHERE a0.id = ${agent}) END`;
}

/** The same condition in memory, for an agent whose (current) team is `teamId`. */
export function inChosenTeams(choice: TeamChoice, teamId: number | null | undefined): boolean {
  const teams = chosenTeams(choice);
  return teams === undefined || (teamId !== null && teamId !== undefined && teams.includes(teamId));
}

/** The one team a filter keeps, if it keeps exactly one (its calendar, its target, its name). */
export function singleTeam(choice: TeamChoice): number | undefined {
  const teams = chosenTeams(choice);
  return teams?.length === 1 ? teams[0] : undefined;
}

/** The names of the teams a filter keeps, as a scope label lists them (null: every team). */
export async function chosenTeamsLabel(
  db: Kysely<Database>,
  choice: TeamChoice,
  language: Language,
): Promise<string | null> {
  const teams = chosenTeams(choice);
  if (teams === undefined || teams.length === 0) return null;
  const rows = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', 'in', [...teams])
    .execute();
  const names = teams.flatMap((id) => rows.filter((r) => r.id === id).map((r) => r.name));
  return names.length === 0 ? null : names.join(language === 'zh-CN' ? '、' : ', ');
}

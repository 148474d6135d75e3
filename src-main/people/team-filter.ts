/**
 * The team condition of a filter, in one place: which teams a filter keeps (one `teamId`, a lead's
 * several `teamIds`, or every team), as SQL on an agent id column and in memory on an agent's
 * team. Every service that applies a filter's team calls these.
 *
 * A row with a day (a call, a rollup row, an audit's call) belongs to the team its agent was in on
 * that day (src-main/people/membership.ts): `agentInTeamsOnDay`. A row without one (the roster,
 * people lists, who a lead may reach) belongs to the agent's current team: `agentInTeams`.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Language } from '../../src-shared/domain';
import type { Database } from '../db/schema';

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
  // the chosen teams' spans of agents with a closed span (they moved at least once)
  const spans = await db
    .selectFrom('agent_team_history')
    .select(['agent_id', 'from_day', 'to_day'])
    .where('team_id', 'in', [...teams])
    .where(
      'agent_id',
      'in',
      db.selectFrom('agent_team_history').select('agent_id').where('to_day', 'is not', null),
    )
    .orderBy('agent_id')
    .orderBy('from_day')
    .execute();
  if (spans.length === 0) return agentInTeams(choice, agentIdColumn, options);
  const agent = options.keepOffIndex ? sql`+${sql.ref(agentIdColumn)}` : sql.ref(agentIdColumn);
  const day = sql.ref(dayColumn);
  const team = sql.join([...teams]);
  const moved = sql.join([...new Set(spans.map((s) => s.agent_id))]);
  const stayed = sql`${agent} IN (SELECT id FROM agents WHERE team_id IN (${team}) AND id NOT IN (${moved}))`;
  const wasIn =
    spans.length <= (options.inlineSpans ?? INLINE_SPANS)
      ? spans.map(
          (s) => sql`(${agent} = ${s.agent_id} AND ${day} BETWEEN ${s.from_day} AND ${s.to_day ?? FOREVER})`,
        )
      : [
          sql`EXISTS (SELECT 1 FROM agent_team_history h WHERE h.agent_id = ${agent} AND h.team_id IN (${team})
            AND h.from_day <= ${day} AND (h.to_day IS NULL OR h.to_day >= ${day}))`,
        ];
  return sql<SqlBool>`(${stayed} OR ${sql.join(wasIn, sql` OR `)})`;
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

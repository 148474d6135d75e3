/**
 * The team condition of a filter, in one place: which teams a filter keeps (one `teamId`, a lead's
 * several `teamIds`, or every team), as SQL on an agent id column and in memory on an agent's
 * team. Every service that applies a filter's team calls these, so a later rule for who belongs
 * to a team (membership history) changes here only.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Language } from '../../src-shared/domain';
import type { Database } from '../db/schema';

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

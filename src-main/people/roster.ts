/**
 * The roster: the agents a period's rows are made of, whether or not they dialled. Every table of
 * agents (dashboard leaderboard and team table, the monthly report's agent rows, scores and the
 * bonus sheet) is the roster plus anyone with calls, so an agent who made 0 calls is listed with
 * 0 — the one a lead most needs to see — instead of vanishing.
 *
 * On the roster of [from, to] under a team or agent filter:
 * - every active agent, once they have started (their first call is on or before `to`; an agent
 *   with no calls at all is new and counts from now);
 * - an agent who left, for the periods that start before their leave day (so they still appear
 *   in the month they left, and not after unless they have calls);
 * - under a team filter, the agents who were in one of the chosen teams on at least one day of
 *   [from, to] (their team history, src-main/people/membership.ts): an agent who moved is on the
 *   old team's roster for the periods before the move and on the new team's after it.
 * A roster row's team is the team the agent was in on the last day of the range they were in one
 * of the chosen teams (without a filter: the team of the range's last day, which is the current
 * team for a range that has not ended). The history is read, never rewritten.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Filter } from '../../src-shared/api';
import type { Database } from '../db/schema';
import { agentInTeamsDuring } from './team-filter';

export type RosterScope = Pick<Filter, 'from' | 'to' | 'teamId' | 'teamIds' | 'agentId'>;

export interface RosterAgent {
  id: number;
  code: string;
  name: string | null;
  teamId: number | null;
  teamName: string | null;
}

function rosterQuery(db: Kysely<Database>, scope: RosterScope, teams: RawBuilder<SqlBool> | null) {
  let q = db
    .selectFrom('agents as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select(['a.id', 'a.code', 'a.name', 'a.team_id as teamId', 't.name as teamName'])
    .where((eb) =>
      eb.and([
        eb.or([
          eb.and([eb('a.active', '=', 1), eb('a.left_on', 'is', null)]),
          eb.and([eb('a.left_on', 'is not', null), eb('a.left_on', '>', scope.from)]),
        ]),
        // started: no call yet, or a first call on or before the period's end
        sql<SqlBool>`coalesce((SELECT min(s.day) FROM daily_agent_stats s WHERE s.agent_id = a.id), ${scope.to}) <= ${scope.to}`,
      ]),
    );
  if (teams) q = q.where(teams);
  if (scope.agentId !== undefined) q = q.where('a.id', '=', scope.agentId);
  return q;
}

export async function roster(db: Kysely<Database>, scope: RosterScope): Promise<RosterAgent[]> {
  const teams = await agentInTeamsDuring(db, scope, 'a.id', scope);
  const rows = await rosterQuery(db, scope, teams.condition).execute();
  // while nobody moved (or no moved agent counts) every row's team is the current one
  if (!rows.some((r) => teams.lastTeam.has(r.id))) return rows;
  const names = new Map(
    (await db.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.id, t.name]),
  );
  return rows.map((r) => {
    const teamId = teams.lastTeam.get(r.id);
    return teamId === undefined
      ? r
      : { ...r, teamId, teamName: teamId === null ? null : (names.get(teamId) ?? null) };
  });
}

/**
 * The team name an agent's row shows in a table of the roster plus anyone with calls: the
 * roster's (the team of the range, not today's) when the agent is on it, else `current`.
 */
export function rosterTeamName(
  agents: readonly RosterAgent[],
): (agentId: number, current: string | null) => string | null {
  const byId = new Map(agents.map((a) => [a.id, a.teamName]));
  return (agentId, current) => (byId.has(agentId) ? (byId.get(agentId) ?? null) : current);
}

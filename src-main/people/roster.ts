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
 *   in the month they left, and not after unless they have calls).
 * Teams are the agents' current teams: moving an agent moves their rows, it rewrites no call.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Filter } from '../../src-shared/api';
import type { Database } from '../db/schema';
import { agentInTeams } from './team-filter';

export type RosterScope = Pick<Filter, 'from' | 'to' | 'teamId' | 'teamIds' | 'agentId'>;

export interface RosterAgent {
  id: number;
  code: string;
  name: string | null;
  teamId: number | null;
  teamName: string | null;
}

function rosterQuery(db: Kysely<Database>, scope: RosterScope) {
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
  const teams = agentInTeams(scope, 'a.id');
  if (teams) q = q.where(teams);
  if (scope.agentId !== undefined) q = q.where('a.id', '=', scope.agentId);
  return q;
}

export async function roster(db: Kysely<Database>, scope: RosterScope): Promise<RosterAgent[]> {
  return rosterQuery(db, scope).execute();
}

/**
 * What a team lead and an agent may see, in one place: before a call, its input is narrowed to
 * the caller's reach (a filter that names no team to all the lead's teams, an agent's filter to
 * their own agent;
 * an agent, audit, note, plan or call named by id must be theirs); after it, lists of rows keyed
 * by `agentId` keep only the caller's agents. Admin, manager and QA see every team.
 */
import type { Kysely } from 'kysely';
import type { Method } from '../../src-shared/api';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';
import { agentInTeams } from '../people/team-filter';
import type { Actor } from './actor';

/** The agents a scoped caller may see, and the teams of a team lead. */
export interface Reach {
  actor: Actor;
  agentIds: ReadonlySet<number>;
  /**
   * A lead's former agents: in one of their teams on some day, in another team now. Lists whose
   * rows count by the team of their day (DAY_TEAM_LISTS) keep their rows of those days.
   */
  formerAgentIds?: ReadonlySet<number>;
}

/**
 * Methods whose rows are read under the caller's teams by the team of each row's day
 * (src-main/people/team-filter.ts agentInTeamsOnDay): a former agent's rows there are of days in
 * the lead's teams, so they stay, as the totals beside the list count them.
 */
const DAY_TEAM_LISTS: ReadonlySet<Method> = new Set<Method>([
  'calls.list',
  'audits.list',
  'calibrations.list',
  'targets.alerts',
  'targets.pacing',
]);

const outOfReach = (what: string) => new ApiError('forbidden', `${what} is not in your teams or your own`);

/** null: the caller sees everything (or nobody is signed in on a local workspace). */
export async function reachOf(db: Kysely<Database>, actor: Actor | null): Promise<Reach | null> {
  if (!actor) return null;
  if (actor.role === 'agent')
    return { actor, agentIds: new Set(actor.agentId === null ? [] : [actor.agentId]) };
  if (actor.role === 'team_lead') {
    const rows = await db
      .selectFrom('agents')
      .select('id')
      .where(agentInTeams({ teamIds: [...actor.teamIds] }, 'id')!)
      .execute();
    const agentIds = new Set(rows.map((r) => r.id));
    const spans =
      actor.teamIds.length === 0
        ? []
        : await db
            .selectFrom('agent_team_history')
            .select('agent_id')
            .distinct()
            .where('team_id', 'in', [...actor.teamIds])
            .execute();
    const formerAgentIds = new Set(spans.map((r) => r.agent_id).filter((id) => !agentIds.has(id)));
    return { actor, agentIds, formerAgentIds };
  }
  return null;
}

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function checkAgent(reach: Reach, agentId: unknown): void {
  if (isId(agentId) && !reach.agentIds.has(agentId)) throw outOfReach(`agent ${agentId}`);
}

function checkTeam(reach: Reach, teamId: unknown): void {
  if (!isId(teamId)) return;
  const { actor } = reach;
  if (actor.role !== 'team_lead' || !actor.teamIds.includes(teamId)) throw outOfReach(`team ${teamId}`);
}

/** A bag's `teamId` and each of its `teamIds` must be the lead's own. */
function checkTeams(reach: Reach, bag: Bag): void {
  checkTeam(reach, bag.teamId);
  if (Array.isArray(bag.teamIds)) for (const teamId of bag.teamIds) checkTeam(reach, teamId);
}

/** The agent an agent user is; the teams a lead sees when they name none (all of theirs). */
function ownAgent(actor: Actor): number {
  if (actor.agentId === null)
    throw new ApiError('forbidden', 'your user is not linked to an agent yet: ask an admin');
  return actor.agentId;
}
function firstTeam(actor: Actor): number {
  const [first] = actor.teamIds;
  if (first === undefined) throw new ApiError('forbidden', 'you lead no team yet: ask an admin');
  return first;
}
function allTeams(actor: Actor): number[] {
  firstTeam(actor);
  return [...actor.teamIds];
}
/** A lead's teams as a filter says them: `teamId` for one team (as before), `teamIds` for several. */
function leadTeams(actor: Actor): { teamId: number } | { teamIds: number[] } {
  return actor.teamIds.length > 1 ? { teamIds: allTeams(actor) } : { teamId: firstTeam(actor) };
}
const namesTeams = (bag: Bag) => bag.teamId !== undefined || bag.teamIds !== undefined;

/** A filter (dashboard, calls, audits) narrowed to the caller: a lead's teams, an agent's own agent. */
function narrowFilter(reach: Reach, filter: Bag): Bag {
  const { actor } = reach;
  checkAgent(reach, filter.agentId);
  if (actor.role === 'agent') return { ...filter, agentId: ownAgent(actor) };
  checkTeams(reach, filter);
  // No team chosen: all the lead's teams (an agent named is one of theirs, checked above).
  if (!namesTeams(filter) && filter.agentId === undefined) return { ...filter, ...leadTeams(actor) };
  return filter;
}

/** The table and column that say whose a row named by id is. */
const OWNER_OF_ID: Partial<Record<Method, 'note' | 'plan' | 'agent'>> = {
  'coaching.note': 'note',
  'coaching.updateNote': 'note',
  'coaching.deleteNote': 'note',
  'coaching.updatePlan': 'plan',
  'agents.update': 'agent',
};

async function ownerOf(
  db: Kysely<Database>,
  kind: 'note' | 'plan' | 'audit' | 'call' | 'action' | 'calibration',
  id: number,
): Promise<number | null> {
  const row =
    kind === 'note'
      ? await db.selectFrom('coaching_notes').select('agent_id').where('id', '=', id).executeTakeFirst()
      : kind === 'plan'
        ? await db.selectFrom('coaching_plans').select('agent_id').where('id', '=', id).executeTakeFirst()
        : kind === 'audit'
          ? await db.selectFrom('audits').select('agent_id').where('id', '=', id).executeTakeFirst()
          : kind === 'call'
            ? await db.selectFrom('calls').select('agent_id').where('id', '=', id).executeTakeFirst()
            : kind === 'action'
              ? await db
                  .selectFrom('coaching_actions as a')
                  .innerJoin('coaching_notes as n', 'n.id', 'a.note_id')
                  .select('n.agent_id')
                  .where('a.id', '=', id)
                  .executeTakeFirst()
              : await db
                  .selectFrom('calibrations as c')
                  .innerJoin('calls', 'calls.id', 'c.call_id')
                  .select('calls.agent_id')
                  .where('c.id', '=', id)
                  .executeTakeFirst();
  // Not found: the handler says so (it answers not_found to everyone alike).
  return row ? row.agent_id : null;
}

async function checkOwned(
  db: Kysely<Database>,
  reach: Reach,
  kind: Parameters<typeof ownerOf>[1],
  id: unknown,
) {
  if (!isId(id)) return;
  const owner = await ownerOf(db, kind, id);
  if (owner !== null && !reach.agentIds.has(owner)) throw outOfReach(`${kind} ${id}`);
}

/**
 * Methods whose optional `teamId` means "every team" when left out: all a lead's teams instead
 * (their input takes `teamIds`). A sample is drawn for one team: a lead's first unless named.
 */
const TEAM_SCOPED: ReadonlySet<Method> = new Set<Method>([
  'targets.plan',
  'targets.alerts',
  'ratings.month',
  'review.battleReport',
]);
const ONE_TEAM_SCOPED: ReadonlySet<Method> = new Set<Method>(['audits.buildSample']);
/** Lists of agents' things (one agent's when named): a lead's teams' when none is, counted in the service. */
const AGENT_LISTS: ReadonlySet<Method> = new Set<Method>([
  'coaching.notes',
  'coaching.plans',
  'coaching.due',
  'calibrations.list',
  'audits.sample',
]);

/** `input` narrowed to what `reach` may ask for; throws `forbidden` for what is beyond it. */
export async function narrowInput(
  db: Kysely<Database>,
  reach: Reach,
  method: Method,
  input: unknown,
): Promise<unknown> {
  if (!isBag(input)) return input;
  const { actor } = reach;
  const out: Bag = { ...input };
  if (isBag(out.filter)) out.filter = narrowFilter(reach, out.filter);
  if (isBag(out.query) && isBag(out.query.filter))
    out.query = { ...out.query, filter: narrowFilter(reach, out.query.filter) };

  checkAgent(reach, out.agentId);
  // Lists of one agent's things (coaching): an agent's own when none is named.
  if (actor.role === 'agent' && method.startsWith('coaching.') && out.agentId === undefined && !('id' in out))
    out.agentId = ownAgent(actor);

  if (ONE_TEAM_SCOPED.has(method) && out.teamId === undefined && actor.role === 'team_lead')
    out.teamId = firstTeam(actor);
  if (TEAM_SCOPED.has(method) && !namesTeams(out) && actor.role === 'team_lead')
    Object.assign(out, leadTeams(actor));
  if (AGENT_LISTS.has(method) && out.agentId === undefined && !namesTeams(out) && actor.role === 'team_lead')
    out.teamIds = allTeams(actor);
  if ('teamId' in out || 'teamIds' in out || TEAM_SCOPED.has(method) || ONE_TEAM_SCOPED.has(method))
    checkTeams(reach, out);
  if (method === 'reports.generate' && isBag(out.spec)) {
    const scope = out.spec.scope;
    if (!isBag(scope) || scope.kind === 'floor') {
      const teams = leadTeams(actor);
      out.spec = {
        ...out.spec,
        scope: 'teamId' in teams ? { kind: 'team', ...teams } : { kind: 'teams', ...teams },
      };
    } else if (scope.kind === 'team' || scope.kind === 'teams') checkTeams(reach, scope);
    else checkAgent(reach, scope.agentId);
  }

  // Targets and ratings a lead saves: for their teams' agents and teams only, never the floor's.
  if (Array.isArray(out.entries))
    for (const entry of out.entries) {
      if (!isBag(entry)) continue;
      checkAgent(reach, entry.agentId);
      if (entry.scope === 'agent') checkAgent(reach, entry.scopeId);
      else if (entry.scope === 'team') checkTeam(reach, entry.scopeId);
      else if (entry.scope === 'all') throw outOfReach('the whole floor');
    }

  const idOwner = OWNER_OF_ID[method];
  if (idOwner === 'agent') checkAgent(reach, out.id);
  else if (idOwner) await checkOwned(db, reach, idOwner, out.id);
  await checkOwned(db, reach, 'audit', out.auditId);
  await checkOwned(db, reach, 'call', out.callId);
  await checkOwned(db, reach, 'note', out.noteId);
  await checkOwned(db, reach, 'action', out.actionId);
  await checkOwned(db, reach, 'calibration', out.calibrationId);
  return out;
}

function keepReached(reach: Reach, list: unknown[], method: Method): unknown[] {
  const former = DAY_TEAM_LISTS.has(method) ? reach.formerAgentIds : undefined;
  return list.filter(
    (item) =>
      !isBag(item) ||
      !isId(item.agentId) ||
      reach.agentIds.has(item.agentId) ||
      former?.has(item.agentId) === true,
  );
}

/** A method's answer with its lists of per-agent rows (top level) kept to the caller's agents. */
export function narrowOutput(reach: Reach, method: Method, value: unknown): unknown {
  // The people pickers: a lead's own agents and teams, an agent themselves.
  if (method === 'agents.list' && Array.isArray(value))
    return value.filter((a) => isBag(a) && isId(a.id) && reach.agentIds.has(a.id));
  if (method === 'teams.list' && Array.isArray(value) && reach.actor.role === 'team_lead')
    return value.filter((team) => isBag(team) && isId(team.id) && reach.actor.teamIds.includes(team.id));
  if (Array.isArray(value)) return keepReached(reach, value, method);
  if (!isBag(value)) return value;
  const out: Bag = {};
  for (const [key, v] of Object.entries(value))
    out[key] = Array.isArray(v) ? keepReached(reach, v, method) : v;
  return out;
}

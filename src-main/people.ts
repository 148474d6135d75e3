/** Teams, agents and campaigns: created on first sight by imports, edited in the app. */
import { sql, type Kysely } from 'kysely';
import type { Agent, Campaign, Team } from '../src-shared/api';
import { compareCodes, compareTeamNames } from '../src-shared/collate';
import { groupConcat } from './db/dialect';
import type { Database } from './db/schema';
import { ApiError, notFound } from './errors';
import { now as clockNow } from './clock';
import { moveTargets } from './people/merge';
import { mergeTeamHistory, moveAgent } from './people/membership';

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  const rows = await db
    .selectFrom('teams as t')
    .leftJoin('agents as a', 'a.team_id', 't.id')
    .select(['t.id', 't.name', 't.lead_name as leadName', sql<number>`count(a.id)`.as('agents')])
    .groupBy('t.id')
    .execute();
  return rows
    .map((r) => ({ ...r, agents: Number(r.agents) }))
    .sort((a, b) => compareTeamNames(a.name, b.name));
}

async function assertTeamNameFree(db: Kysely<Database>, name: string, except?: number): Promise<void> {
  const existing = await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
  if (existing && existing.id !== except)
    throw new ApiError('conflict', `a team named "${name}" already exists`);
}

export async function createTeam(db: Kysely<Database>, name: string): Promise<Team> {
  await assertTeamNameFree(db, name);
  const { id } = await db
    .insertInto('teams')
    .values({ name, created_at: clockNow() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, name, agents: 0, leadName: null };
}

async function getTeam(db: Kysely<Database>, id: number): Promise<Team> {
  const team = (await listTeams(db)).find((t) => t.id === id);
  if (!team) throw notFound(`team ${id}`);
  return team;
}

/**
 * Renames a team or sets its lead. Calls, rollups and closed months keep the team's id, never its
 * name, so a rename rewrites no history: every screen shows the new name.
 */
export async function updateTeam(
  db: Kysely<Database>,
  patch: { id: number; name?: string | undefined; leadName?: string | null | undefined },
): Promise<Team> {
  await getTeam(db, patch.id);
  const values: { name?: string; lead_name?: string | null } = {};
  if (patch.name !== undefined) {
    await assertTeamNameFree(db, patch.name, patch.id);
    values.name = patch.name;
  }
  if (patch.leadName !== undefined) values.lead_name = patch.leadName === '' ? null : patch.leadName;
  if (Object.keys(values).length > 0)
    await db.updateTable('teams').set(values).where('id', '=', patch.id).execute();
  return getTeam(db, patch.id);
}

/**
 * Merges team `fromId` into `intoId`: its agents, team targets and spot-check lists move over and the
 * team goes. A target both teams set for a month and KPI keeps the surviving team's.
 */
export async function mergeTeams(db: Kysely<Database>, fromId: number, intoId: number): Promise<Team> {
  if (fromId === intoId) throw new ApiError('bad_input', 'a team cannot be merged into itself');
  await getTeam(db, fromId);
  await getTeam(db, intoId);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('agents').set({ team_set_in_app: 1 }).where('team_id', '=', fromId).execute();
    await mergeTeamHistory(trx, fromId, intoId);
    await moveTargets(trx, 'team', fromId, intoId);
    await trx.updateTable('audit_samples').set({ team_id: intoId }).where('team_id', '=', fromId).execute();
    await trx.deleteFrom('teams').where('id', '=', fromId).execute();
  });
  return getTeam(db, intoId);
}

function agentsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('agents as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select((eb) => [
      'a.id',
      'a.code',
      'a.name',
      'a.team_id as teamId',
      't.name as teamName',
      'a.active',
      'a.left_on as leftOn',
      'a.notes',
      eb
        .selectFrom('daily_agent_stats as s')
        .whereRef('s.agent_id', '=', 'a.id')
        .select(sql<string>`min(s.day)`.as('d'))
        .as('firstDay'),
      eb
        .selectFrom('daily_agent_stats as s')
        .whereRef('s.agent_id', '=', 'a.id')
        .select(sql<string>`max(s.day)`.as('d'))
        .as('lastDay'),
      eb
        .selectFrom('agent_codes as c')
        .whereRef('c.agent_id', '=', 'a.id')
        .select(groupConcat(db, sql.ref('c.code'), '\n').as('codes'))
        .as('otherCodes'),
    ]);
}

type AgentRow = Awaited<ReturnType<ReturnType<typeof agentsQuery>['executeTakeFirstOrThrow']>>;

function toAgent(r: AgentRow): Agent {
  return {
    ...r,
    active: r.active === 1,
    firstDay: r.firstDay ?? null,
    lastDay: r.lastDay ?? null,
    otherCodes: r.otherCodes ? r.otherCodes.split('\n').sort(compareCodes) : [],
  };
}

/** Every agent, in 工号 order (numeric: 2 before 10). */
export async function listAgents(db: Kysely<Database>): Promise<Agent[]> {
  const rows = await agentsQuery(db).execute();
  return rows.map(toAgent).sort((a, b) => compareCodes(a.code, b.code));
}

export async function getAgent(db: Kysely<Database>, id: number): Promise<Agent> {
  const row = await agentsQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`agent ${id}`);
  return toAgent(row);
}

/**
 * A person's edit of an agent. A name or team set here is marked as set in the app, so a later
 * import never overwrites it (src-main/import/directory.ts). Leaving takes a day; coming back clears it.
 * A team is a move effective `since` (src-main/people/membership.ts): the agent's past stays
 * with the teams they were in.
 */
export async function updateAgent(
  db: Kysely<Database>,
  patch: {
    id: number;
    name?: string | null | undefined;
    teamId?: number | null | undefined;
    /** the move's first day in the new team (default: see moveAgent) */
    since?: string | undefined;
    active?: boolean | undefined;
    leftOn?: string | null | undefined;
    notes?: string | null | undefined;
  },
): Promise<Agent> {
  const values: {
    name?: string | null;
    name_set_in_app?: number;
    team_set_in_app?: number;
    active?: number;
    left_on?: string | null;
    notes?: string | null;
  } = {};
  if (patch.name !== undefined) {
    values.name = patch.name === '' ? null : patch.name;
    values.name_set_in_app = 1;
  }
  if (patch.teamId !== undefined) {
    if (patch.teamId !== null) {
      const team = await db
        .selectFrom('teams')
        .select('id')
        .where('id', '=', patch.teamId)
        .executeTakeFirst();
      if (!team) throw notFound(`team ${patch.teamId}`);
    }
    values.team_set_in_app = 1;
  }
  if (patch.active !== undefined) {
    values.active = patch.active ? 1 : 0;
    if (patch.active) values.left_on = null;
  }
  // A leave day makes the agent inactive; clearing it brings them back.
  if (patch.leftOn !== undefined) {
    values.left_on = patch.leftOn;
    values.active = patch.leftOn === null ? 1 : 0;
  }
  if (patch.notes !== undefined) values.notes = patch.notes === '' ? null : patch.notes;
  await db.transaction().execute(async (trx) => {
    if (Object.keys(values).length > 0) {
      const result = await trx
        .updateTable('agents')
        .set(values)
        .where('id', '=', patch.id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound(`agent ${patch.id}`);
    }
    if (patch.teamId !== undefined) await moveAgent(trx, patch.id, patch.teamId, patch.since);
  });
  return getAgent(db, patch.id);
}

export async function listCampaigns(db: Kysely<Database>): Promise<Campaign[]> {
  return db.selectFrom('campaigns').select(['id', 'name']).orderBy('name').execute();
}

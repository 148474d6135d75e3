/** Teams, agents and campaigns: created on first sight by imports, edited in the app. */
import { sql, type Kysely } from 'kysely';
import type { Agent, Campaign, Team } from '../src-shared/api';
import type { Database } from './db/schema';
import { ApiError, notFound } from './errors';
import { compareAgents } from '../src-shared/collate';

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  return db
    .selectFrom('teams as t')
    .leftJoin('agents as a', 'a.team_id', 't.id')
    .select(['t.id', 't.name', sql<number>`count(a.id)`.as('agents')])
    .groupBy('t.id')
    .orderBy('t.name')
    .execute();
}

export async function createTeam(db: Kysely<Database>, name: string): Promise<Team> {
  const existing = await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
  if (existing) throw new ApiError('conflict', `a team named "${name}" already exists`);
  const { id } = await db
    .insertInto('teams')
    .values({ name, created_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, name, agents: 0 };
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
    ]);
}

type AgentRow = Omit<Agent, 'active' | 'firstDay' | 'lastDay'> & {
  active: number;
  firstDay: string | null;
  lastDay: string | null;
};

function toAgent(r: AgentRow): Agent {
  return { ...r, active: r.active === 1 };
}

export async function listAgents(db: Kysely<Database>): Promise<Agent[]> {
  const rows = await agentsQuery(db).execute();
  return rows.map((r) => toAgent(r as AgentRow)).sort(compareAgents);
}

export async function getAgent(db: Kysely<Database>, id: number): Promise<Agent> {
  const row = await agentsQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`agent ${id}`);
  return toAgent(row as AgentRow);
}

export async function updateAgent(
  db: Kysely<Database>,
  patch: {
    id: number;
    name?: string | null | undefined;
    teamId?: number | null | undefined;
    active?: boolean | undefined;
  },
): Promise<Agent> {
  const values: { name?: string | null; team_id?: number | null; active?: number } = {};
  if (patch.name !== undefined) values.name = patch.name === '' ? null : patch.name;
  if (patch.teamId !== undefined) {
    if (patch.teamId !== null) {
      const team = await db
        .selectFrom('teams')
        .select('id')
        .where('id', '=', patch.teamId)
        .executeTakeFirst();
      if (!team) throw notFound(`team ${patch.teamId}`);
    }
    values.team_id = patch.teamId;
  }
  if (patch.active !== undefined) values.active = patch.active ? 1 : 0;
  if (Object.keys(values).length > 0) {
    const result = await db.updateTable('agents').set(values).where('id', '=', patch.id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(`agent ${patch.id}`);
  }
  return getAgent(db, patch.id);
}

export async function listCampaigns(db: Kysely<Database>): Promise<Campaign[]> {
  return db.selectFrom('campaigns').select(['id', 'name']).orderBy('name').execute();
}

/**
 * Agents, teams and campaigns as an import meets them: created on first sight, looked up once per
 * import. A file fills an agent's name or team the app does not have yet (a first file without a
 * team column leaves agents 未分组; a later one with 技能组 fills it in), and never overwrites one
 * the app has: neither a value a person set in the app (even an emptied one) nor one an earlier
 * file brought. A code merged into another person (agent_codes) resolves to that person. The bulk
 * writers resolve names by these rules (src-main/db/sqlite-directory.ts); the import preview
 * counts the same decisions here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface StoredAgent {
  id: number;
  name: string | null;
  team_id: number | null;
  name_set_in_app: number;
  team_set_in_app: number;
}

/** What a file's name and team would change on a stored agent. */
export function fillsFor(agent: StoredAgent, name: string | null, teamName: string | null) {
  return {
    name: name !== null && agent.name === null && agent.name_set_in_app === 0,
    team: teamName !== null && agent.team_id === null && agent.team_set_in_app === 0,
  };
}

/** The agent an import's `code` lands on: the agent of that code, else the person it was merged into. */
export async function findAgentByCode(db: Kysely<Database>, code: string): Promise<StoredAgent | undefined> {
  const own = await db
    .selectFrom('agents')
    .select(['id', 'name', 'team_id', 'name_set_in_app', 'team_set_in_app'])
    .where('code', '=', code)
    .executeTakeFirst();
  return (
    own ??
    db
      .selectFrom('agent_codes as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['a.id', 'a.name', 'a.team_id', 'a.name_set_in_app', 'a.team_set_in_app'])
      .where('c.code', '=', code)
      .executeTakeFirst()
  );
}

/** What an import of these (code, name, team) sightings will add or fill, without writing. */
export async function directoryEffect(
  db: Kysely<Database>,
  sightings: Iterable<{ code: string; name: string | null; team: string | null }>,
): Promise<{ newAgents: number; fillNames: number; fillTeams: number; newTeams: number }> {
  const stored = new Map<string, StoredAgent | null>();
  const fills = new Map<string, { name: boolean; team: boolean }>();
  // The teams the import will use: a new agent's, or one it fills in (as the bulk writer does).
  const teamNames = new Set<string>();
  for (const s of sightings) {
    if (!stored.has(s.code)) {
      const agent = (await findAgentByCode(db, s.code)) ?? null;
      stored.set(s.code, agent);
      if (agent === null && s.team !== null) teamNames.add(s.team);
    }
    const agent = stored.get(s.code);
    if (!agent) continue;
    const before = fills.get(s.code) ?? { name: false, team: false };
    const f = fillsFor(agent, s.name, s.team);
    if (f.team && !before.team && s.team !== null) teamNames.add(s.team);
    fills.set(s.code, { name: before.name || f.name, team: before.team || f.team });
  }
  const storedTeams =
    teamNames.size === 0
      ? []
      : await db
          .selectFrom('teams')
          .select('name')
          .where('name', 'in', [...teamNames])
          .execute();
  const filled = [...fills.values()];
  return {
    newAgents: [...stored.values()].filter((a) => a === null).length,
    fillNames: filled.filter((f) => f.name).length,
    fillTeams: filled.filter((f) => f.team).length,
    newTeams: teamNames.size - new Set(storedTeams.map((t) => t.name)).size,
  };
}

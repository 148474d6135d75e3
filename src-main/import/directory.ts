/**
 * Agents, teams and campaigns as an import meets them: created on first sight, looked up once per
 * import. A file fills an agent's name or team the app does not have yet (a first file without a
 * team column leaves agents 未分组; a later one with 技能组 fills it in), and never overwrites one
 * the app has: neither a value a person set in the app (even an emptied one) nor one an earlier
 * file brought. A code merged into another person (agent_codes) resolves to that person. Call and
 * order writers both resolve their names here; the import preview counts the same decisions.
 */
import type { Sqlite } from '../db/connection';
import { now as clockNow } from '../clock';

interface StoredAgent {
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

const FIND_AGENT = `
  SELECT id, name, team_id, name_set_in_app, team_set_in_app FROM agents WHERE code = @code
  UNION ALL
  SELECT a.id, a.name, a.team_id, a.name_set_in_app, a.team_set_in_app
  FROM agent_codes c JOIN agents a ON a.id = c.agent_id WHERE c.code = @code
  LIMIT 1`;

export function findAgentByCode(db: Sqlite, code: string): StoredAgent | undefined {
  return db.prepare<{ code: string }, StoredAgent>(FIND_AGENT).get({ code });
}

export class Directory {
  private readonly agents = new Map<string, StoredAgent>();
  private readonly teams = new Map<string, number>();
  private readonly campaigns = new Map<string, number>();
  private readonly findAgent;
  private readonly insertAgent;
  private readonly fillName;
  private readonly fillTeam;
  private readonly findTeam;
  private readonly insertTeam;
  private readonly findCampaign;
  private readonly insertCampaign;

  constructor(db: Sqlite) {
    this.findAgent = db.prepare<{ code: string }, StoredAgent>(FIND_AGENT);
    this.insertAgent = db.prepare(
      'INSERT INTO agents (code, name, team_id, active, created_at) VALUES (?, ?, ?, 1, ?)',
    );
    this.fillName = db.prepare('UPDATE agents SET name = ? WHERE id = ? AND name IS NULL');
    this.fillTeam = db.prepare('UPDATE agents SET team_id = ? WHERE id = ? AND team_id IS NULL');
    this.findTeam = db.prepare('SELECT id FROM teams WHERE name = ?').pluck();
    this.insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
    this.findCampaign = db.prepare('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.insertCampaign = db.prepare('INSERT INTO campaigns (name) VALUES (?)');
  }

  agentId(code: string, name: string | null, teamName: string | null): number {
    let agent = this.agents.get(code) ?? this.findAgent.get({ code });
    if (agent === undefined) {
      const teamId = teamName === null ? null : this.teamId(teamName);
      const id = Number(this.insertAgent.run(code, name, teamId, clockNow()).lastInsertRowid);
      agent = { id, name, team_id: teamId, name_set_in_app: 0, team_set_in_app: 0 };
    } else {
      const fills = fillsFor(agent, name, teamName);
      if (fills.name && name !== null) {
        this.fillName.run(name, agent.id);
        agent = { ...agent, name };
      }
      if (fills.team && teamName !== null) {
        const teamId = this.teamId(teamName);
        this.fillTeam.run(teamId, agent.id);
        agent = { ...agent, team_id: teamId };
      }
    }
    this.agents.set(code, agent);
    return agent.id;
  }

  campaignId(name: string): number {
    const cached = this.campaigns.get(name);
    if (cached !== undefined) return cached;
    let id = this.findCampaign.get(name) as number | undefined;
    if (id === undefined) id = Number(this.insertCampaign.run(name).lastInsertRowid);
    this.campaigns.set(name, id);
    return id;
  }

  private teamId(name: string): number {
    const cached = this.teams.get(name);
    if (cached !== undefined) return cached;
    let id = this.findTeam.get(name) as number | undefined;
    if (id === undefined) id = Number(this.insertTeam.run(name, clockNow()).lastInsertRowid);
    this.teams.set(name, id);
    return id;
  }
}

/** What an import of these (code, name, team) sightings will add or fill, without writing. */
export function directoryEffect(
  db: Sqlite,
  sightings: Iterable<{ code: string; name: string | null; team: string | null }>,
): { newAgents: number; fillNames: number; fillTeams: number; newTeams: number } {
  const stored = new Map<string, StoredAgent | null>();
  const fills = new Map<string, { name: boolean; team: boolean }>();
  // The teams the import will use: a new agent's, or one it fills in (as Directory.agentId does).
  const teamNames = new Set<string>();
  for (const s of sightings) {
    if (!stored.has(s.code)) {
      const agent = findAgentByCode(db, s.code) ?? null;
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
  const findTeam = db.prepare<[string], { id: number }>('SELECT id FROM teams WHERE name = ?');
  const filled = [...fills.values()];
  return {
    newAgents: [...stored.values()].filter((a) => a === null).length,
    fillNames: filled.filter((f) => f.name).length,
    fillTeams: filled.filter((f) => f.team).length,
    newTeams: [...teamNames].filter((t) => findTeam.get(t) === undefined).length,
  };
}

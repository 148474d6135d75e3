/**
 * The SQLite bulk writers' directory: agents, teams and campaigns created on first sight, looked
 * up once per import, inside the batch's transaction (see src-main/import/directory.ts for the
 * rules of what a file may fill in on a stored agent).
 */
import { fillsFor, type StoredAgent } from '../import/directory';
import { now as clockNow } from '../clock';
import { BEGINNING } from '../people/membership';
import type { Sqlite } from './connection';

const FIND_AGENT = `
  SELECT id, name, team_id, name_set_in_app, team_set_in_app FROM agents WHERE code = @code
  UNION ALL
  SELECT a.id, a.name, a.team_id, a.name_set_in_app, a.team_set_in_app
  FROM agent_codes c JOIN agents a ON a.id = c.agent_id WHERE c.code = @code
  LIMIT 1`;

export class SqliteDirectory {
  private readonly agents = new Map<string, StoredAgent>();
  private readonly teams = new Map<string, number>();
  private readonly campaigns = new Map<string, number>();
  private readonly findAgent;
  private readonly insertAgent;
  private readonly fillName;
  private readonly fillTeam;
  private readonly insertSpan;
  private readonly fillSpan;
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
    // The agent's team history (src-main/people/membership.ts): a new agent is in its first
    // team from the beginning; a team filled in fills the unknown open span.
    this.insertSpan = db.prepare(
      'INSERT INTO agent_team_history (agent_id, team_id, from_day) VALUES (?, ?, ?)',
    );
    this.fillSpan = db.prepare(
      'UPDATE agent_team_history SET team_id = ? WHERE agent_id = ? AND to_day IS NULL AND team_id IS NULL',
    );
    this.findTeam = db.prepare<[string], number>('SELECT id FROM teams WHERE name = ?').pluck();
    this.insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
    this.findCampaign = db.prepare<[string], number>('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.insertCampaign = db.prepare('INSERT INTO campaigns (name) VALUES (?)');
  }

  agentId(code: string, name: string | null, teamName: string | null): number {
    let agent = this.agents.get(code) ?? this.findAgent.get({ code });
    if (agent === undefined) {
      const teamId = teamName === null ? null : this.teamId(teamName);
      const id = Number(this.insertAgent.run(code, name, teamId, clockNow()).lastInsertRowid);
      this.insertSpan.run(id, teamId, BEGINNING);
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
        this.fillSpan.run(teamId, agent.id);
        agent = { ...agent, team_id: teamId };
      }
    }
    this.agents.set(code, agent);
    return agent.id;
  }

  campaignId(name: string): number {
    const cached = this.campaigns.get(name);
    if (cached !== undefined) return cached;
    let id = this.findCampaign.get(name);
    if (id === undefined) id = Number(this.insertCampaign.run(name).lastInsertRowid);
    this.campaigns.set(name, id);
    return id;
  }

  /**
   * What an import connection without foreign-key enforcement (sqlite-bulk.ts) checks once per
   * batch instead: every agent, team and campaign id this directory handed out (the only ids the
   * batch's rows refer to, with the batch's own) exists. Throws naming the first missing one.
   */
  checkReferences(db: Sqlite, batchId: number): void {
    const exists = (table: string, ids: Iterable<number>) => {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return;
      const found = new Set(
        db
          .prepare<[string], number>(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
          .pluck()
          .all(JSON.stringify(wanted)),
      );
      const missing = wanted.find((id) => !found.has(id));
      if (missing !== undefined)
        throw new Error(`the import refers to ${table} ${missing}, which does not exist`);
    };
    exists('import_batches', [batchId]);
    const agents = [...this.agents.values()];
    exists(
      'agents',
      agents.map((a) => a.id),
    );
    exists('teams', [
      ...this.teams.values(),
      ...agents.flatMap((a) => (a.team_id === null ? [] : [a.team_id])),
    ]);
    exists('campaigns', this.campaigns.values());
  }

  private teamId(name: string): number {
    const cached = this.teams.get(name);
    if (cached !== undefined) return cached;
    let id = this.findTeam.get(name);
    if (id === undefined) id = Number(this.insertTeam.run(name, clockNow()).lastInsertRowid);
    this.teams.set(name, id);
    return id;
  }
}

/**
 * Agents, teams and campaigns as an import meets them: created on first sight, looked up once per
 * import. A stored agent's name and team are never rewritten by a file. Call and order writers
 * both resolve their names here.
 */
import type { Sqlite } from '../db/connection';

export class Directory {
  private readonly agents = new Map<string, number>();
  private readonly teams = new Map<string, number>();
  private readonly campaigns = new Map<string, number>();
  private readonly findAgent;
  private readonly insertAgent;
  private readonly findTeam;
  private readonly insertTeam;
  private readonly findCampaign;
  private readonly insertCampaign;

  constructor(db: Sqlite) {
    this.findAgent = db.prepare('SELECT id FROM agents WHERE code = ?').pluck();
    this.insertAgent = db.prepare(
      'INSERT INTO agents (code, name, team_id, active, created_at) VALUES (?, ?, ?, 1, ?)',
    );
    this.findTeam = db.prepare('SELECT id FROM teams WHERE name = ?').pluck();
    this.insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
    this.findCampaign = db.prepare('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.insertCampaign = db.prepare('INSERT INTO campaigns (name) VALUES (?)');
  }

  agentId(code: string, name: string | null, teamName: string | null): number {
    const cached = this.agents.get(code);
    if (cached !== undefined) return cached;
    let id = this.findAgent.get(code) as number | undefined;
    if (id === undefined) {
      const teamId = teamName === null ? null : this.teamId(teamName);
      id = Number(this.insertAgent.run(code, name, teamId, Date.now()).lastInsertRowid);
    }
    this.agents.set(code, id);
    return id;
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
    if (id === undefined) id = Number(this.insertTeam.run(name, Date.now()).lastInsertRowid);
    this.teams.set(name, id);
    return id;
  }
}

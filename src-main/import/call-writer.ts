/**
 * Writes normalised calls into one open transaction: agents, teams and campaigns are created on
 * first sight, a call whose `source_key` is already stored is a duplicate, and each inserted
 * call's contribution to `daily_agent_stats` is accumulated and applied once at `finish()`.
 * Used by file imports and by the demo generator alike.
 */
import { callContribution } from '../../src-shared/kpi';
import type { Sqlite } from '../db/connection';
import { RollupAccumulator } from '../metrics/rollup';
import type { NormalizedCall } from './normalise';

export class CallWriter {
  private readonly agents = new Map<string, number>();
  private readonly teams = new Map<string, number>();
  private readonly campaigns = new Map<string, number>();
  private readonly rollup = new RollupAccumulator();
  private readonly insertCall;
  private readonly findAgent;
  private readonly insertAgent;
  private readonly findTeam;
  private readonly insertTeam;
  private readonly findCampaign;
  private readonly insertCampaign;
  inserted = 0;
  duplicates = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  constructor(
    private readonly db: Sqlite,
    private readonly batchId: number,
    private readonly thresholdSeconds: number,
  ) {
    this.insertCall = db.prepare(`
      INSERT INTO calls (source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday, direction,
        disposition, ring_seconds, talk_seconds, outcome, is_intent, is_sale, sale_amount, phone_hash,
        phone_last4, recording_ref)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (source_key) DO NOTHING`);
    this.findAgent = db.prepare('SELECT id FROM agents WHERE code = ?').pluck();
    this.insertAgent = db.prepare(
      'INSERT INTO agents (code, name, team_id, active, created_at) VALUES (?, ?, ?, 1, ?)',
    );
    this.findTeam = db.prepare('SELECT id FROM teams WHERE name = ?').pluck();
    this.insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
    this.findCampaign = db.prepare('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.insertCampaign = db.prepare('INSERT INTO campaigns (name) VALUES (?)');
  }

  /** Stores a call; false when a call with the same source key is already stored. */
  insert(call: NormalizedCall): boolean {
    const agentId = this.agentId(call);
    const campaignId = call.campaign === null ? null : this.campaignId(call.campaign);
    const info = this.insertCall.run(
      call.sourceKey,
      this.batchId,
      agentId,
      campaignId,
      call.startedAt,
      call.day,
      call.hour,
      call.weekday,
      call.direction,
      call.disposition,
      call.ringSeconds,
      call.talkSeconds,
      call.outcome,
      call.intent ? 1 : 0,
      call.sale ? 1 : 0,
      call.saleAmount,
      call.phoneHash,
      call.phoneLast4,
      call.recordingRef,
    );
    if (info.changes === 0) {
      this.duplicates++;
      return false;
    }
    this.inserted++;
    if (this.firstDay === null || call.day < this.firstDay) this.firstDay = call.day;
    if (this.lastDay === null || call.day > this.lastDay) this.lastDay = call.day;
    if (call.direction === 'outbound') {
      this.rollup.add(call.day, agentId, campaignId, callContribution(call, this.thresholdSeconds));
    }
    return true;
  }

  /** Applies the accumulated rollup; call once, inside the same transaction. */
  finish(): void {
    this.rollup.applyTo(this.db, 1);
  }

  /** Agents are created on first sight; a stored agent's name and team are never rewritten by a file. */
  private agentId(call: NormalizedCall): number {
    const cached = this.agents.get(call.agentCode);
    if (cached !== undefined) return cached;
    let id = this.findAgent.get(call.agentCode) as number | undefined;
    if (id === undefined) {
      const teamId = call.teamName === null ? null : this.teamId(call.teamName);
      id = Number(this.insertAgent.run(call.agentCode, call.agentName, teamId, Date.now()).lastInsertRowid);
    }
    this.agents.set(call.agentCode, id);
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

  private campaignId(name: string): number {
    const cached = this.campaigns.get(name);
    if (cached !== undefined) return cached;
    let id = this.findCampaign.get(name) as number | undefined;
    if (id === undefined) id = Number(this.insertCampaign.run(name).lastInsertRowid);
    this.campaigns.set(name, id);
    return id;
  }
}

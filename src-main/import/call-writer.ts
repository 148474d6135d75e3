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

/** Calls per INSERT statement: binding one statement per row costs more than SQLite's own work. */
const ROWS_PER_STATEMENT = 50;
const COLUMNS = 19;

function insertCallsSql(rows: number): string {
  const row = `(${Array<string>(COLUMNS).fill('?').join(', ')})`;
  return `
    INSERT INTO calls (source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday, direction,
      disposition, ring_seconds, talk_seconds, outcome, is_intent, is_sale, sale_amount, phone_hash,
      phone_last4, recording_ref)
    VALUES ${Array<string>(rows).fill(row).join(', ')}
    ON CONFLICT (source_key) DO NOTHING`;
}

interface PendingCall {
  call: NormalizedCall;
  agentId: number;
  campaignId: number | null;
}

export class CallWriter {
  private readonly agents = new Map<string, number>();
  private readonly teams = new Map<string, number>();
  private readonly campaigns = new Map<string, number>();
  private readonly rollup = new RollupAccumulator();
  private readonly insertRows;
  private readonly insertRow;
  private readonly keyOwner;
  /** the highest call id so far: rows a statement stores get higher ones */
  private lastCallId: number;
  private readonly pending: PendingCall[] = [];
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_STATEMENT * COLUMNS);
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
    this.insertRows = db.prepare(insertCallsSql(ROWS_PER_STATEMENT));
    this.insertRow = db.prepare(insertCallsSql(1));
    this.keyOwner = db.prepare('SELECT id FROM calls WHERE source_key = ?').pluck();
    this.lastCallId = Number(db.prepare('SELECT coalesce(max(id), 0) FROM calls').pluck().get());
    this.findAgent = db.prepare('SELECT id FROM agents WHERE code = ?').pluck();
    this.insertAgent = db.prepare(
      'INSERT INTO agents (code, name, team_id, active, created_at) VALUES (?, ?, ?, 1, ?)',
    );
    this.findTeam = db.prepare('SELECT id FROM teams WHERE name = ?').pluck();
    this.insertTeam = db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)');
    this.findCampaign = db.prepare('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.insertCampaign = db.prepare('INSERT INTO campaigns (name) VALUES (?)');
  }

  /**
   * Stores a call unless a call with the same source key is already stored (a duplicate). Calls
   * are written in groups of ROWS_PER_STATEMENT; `inserted`, `duplicates` and the days are final
   * after `finish()`.
   */
  insert(call: NormalizedCall): void {
    const agentId = this.agentId(call);
    const campaignId = call.campaign === null ? null : this.campaignId(call.campaign);
    const p = this.params;
    let k = this.pending.length * COLUMNS;
    p[k++] = call.sourceKey;
    p[k++] = this.batchId;
    p[k++] = agentId;
    p[k++] = campaignId;
    p[k++] = call.startedAt;
    p[k++] = call.day;
    p[k++] = call.hour;
    p[k++] = call.weekday;
    p[k++] = call.direction;
    p[k++] = call.disposition;
    p[k++] = call.ringSeconds;
    p[k++] = call.talkSeconds;
    p[k++] = call.outcome;
    p[k++] = call.intent ? 1 : 0;
    p[k++] = call.sale ? 1 : 0;
    p[k++] = call.saleAmount;
    p[k++] = call.phoneHash;
    p[k++] = call.phoneLast4;
    p[k] = call.recordingRef;
    this.pending.push({ call, agentId, campaignId });
    if (this.pending.length === ROWS_PER_STATEMENT) this.flush();
  }

  /** Writes the pending calls and applies the accumulated rollup; call once, inside the same transaction. */
  finish(): void {
    this.flush();
    this.rollup.applyTo(this.db, 1);
  }

  private flush(): void {
    const pending = this.pending;
    if (pending.length === ROWS_PER_STATEMENT) {
      const before = this.lastCallId;
      const info = this.insertRows.run(this.params);
      if (info.changes > 0) this.lastCallId = Number(info.lastInsertRowid);
      if (info.changes === pending.length) for (const p of pending) this.stored(p);
      else {
        // Some were duplicates: a key's row is this statement's when its id is new (and a key
        // given twice in the statement was stored for its first occurrence only).
        const claimed = new Set<number>();
        for (const p of pending) {
          const id = this.keyOwner.get(p.call.sourceKey) as number;
          if (id > before && !claimed.has(id)) {
            claimed.add(id);
            this.stored(p);
          } else this.duplicates++;
        }
      }
    } else {
      for (let i = 0; i < pending.length; i++) {
        const info = this.insertRow.run(this.params.slice(i * COLUMNS, (i + 1) * COLUMNS));
        if (info.changes === 0) this.duplicates++;
        else {
          this.lastCallId = Number(info.lastInsertRowid);
          this.stored(pending[i]!);
        }
      }
    }
    pending.length = 0;
  }

  private stored({ call, agentId, campaignId }: PendingCall): void {
    this.inserted++;
    if (this.firstDay === null || call.day < this.firstDay) this.firstDay = call.day;
    if (this.lastDay === null || call.day > this.lastDay) this.lastDay = call.day;
    if (call.direction === 'outbound') {
      this.rollup.add(call.day, agentId, campaignId, callContribution(call, this.thresholdSeconds));
    }
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

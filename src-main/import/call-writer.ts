/**
 * Writes normalised calls into one open transaction: agents, teams and campaigns are created on
 * first sight, a call whose `source_key` is already stored is a duplicate, and each inserted
 * call's contribution to `daily_agent_stats` is accumulated and applied once at `finish()`.
 * Used by file imports and by the demo generator alike.
 */
import type { Disposition } from '../../src-shared/domain';
import { callContribution } from '../../src-shared/kpi';
import type { Sqlite } from '../db/connection';
import { RollupAccumulator } from '../metrics/rollup';
import { Directory } from './directory';
import type { NormalizedCall } from './normalise';

/** Calls per INSERT statement: binding one statement per row costs more than SQLite's own work. */
const ROWS_PER_STATEMENT = 50;
const COLUMNS = 19;
/** Positions of the parameters read back after a statement (the order of insertCallsSql's columns). */
const COL = {
  agentId: 2,
  campaignId: 3,
  day: 5,
  hour: 6,
  direction: 8,
  disposition: 9,
  talkSeconds: 11,
  isIntent: 13,
  isSale: 14,
  saleAmount: 15,
} as const;

function insertCallsSql(rows: number): string {
  const row = `(${Array<string>(COLUMNS).fill('?').join(', ')})`;
  return `
    INSERT INTO calls (source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday, direction,
      disposition, ring_seconds, talk_seconds, outcome, is_intent, is_sale, sale_amount, phone_hash,
      phone_last4, recording_ref)
    VALUES ${Array<string>(rows).fill(row).join(', ')}
    ON CONFLICT (source_key) DO NOTHING`;
}

export class CallWriter {
  private readonly directory: Directory;
  private readonly rollup = new RollupAccumulator();
  private readonly insertRows;
  private readonly insertRow;
  private readonly keyOwner;
  /** the highest call id so far: rows a statement stores get higher ones */
  private lastCallId: number;
  /** the parameters of the calls waiting for the next statement, COLUMNS per call */
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_STATEMENT * COLUMNS);
  private pending = 0;
  /** what `callContribution` reads of a stored call (one object, refilled) */
  private readonly counted = {
    disposition: 'connected' as Disposition,
    talkSeconds: 0,
    intent: false,
    sale: false,
    saleAmount: 0,
  };
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
    this.directory = new Directory(db);
  }

  /**
   * Stores a call unless a call with the same source key is already stored (a duplicate). Calls
   * are written in groups of ROWS_PER_STATEMENT; `inserted`, `duplicates` and the days are final
   * after `finish()`. The call object is not kept (the importer passes one cursor for every call).
   */
  insert(call: NormalizedCall): void {
    const agentId = this.directory.agentId(call.agentCode, call.agentName, call.teamName);
    const campaignId = call.campaign === null ? null : this.directory.campaignId(call.campaign);
    const p = this.params;
    let k = this.pending * COLUMNS;
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
    if (++this.pending === ROWS_PER_STATEMENT) this.flush();
  }

  /** Writes the pending calls and applies the accumulated rollup; call once, inside the same transaction. */
  finish(): void {
    this.flush();
    this.rollup.applyTo(this.db, 1);
  }

  private flush(): void {
    const pending = this.pending;
    const p = this.params;
    if (pending === ROWS_PER_STATEMENT) {
      const before = this.lastCallId;
      const info = this.insertRows.run(p);
      if (info.changes > 0) this.lastCallId = Number(info.lastInsertRowid);
      if (info.changes === pending) for (let i = 0; i < pending; i++) this.stored(i);
      else {
        // Some were duplicates: a key's row is this statement's when its id is new (and a key
        // given twice in the statement was stored for its first occurrence only).
        const claimed = new Set<number>();
        for (let i = 0; i < pending; i++) {
          const id = this.keyOwner.get(p[i * COLUMNS]) as number;
          if (id > before && !claimed.has(id)) {
            claimed.add(id);
            this.stored(i);
          } else this.duplicates++;
        }
      }
    } else {
      for (let i = 0; i < pending; i++) {
        const info = this.insertRow.run(p.slice(i * COLUMNS, (i + 1) * COLUMNS));
        if (info.changes === 0) this.duplicates++;
        else {
          this.lastCallId = Number(info.lastInsertRowid);
          this.stored(i);
        }
      }
    }
    this.pending = 0;
  }

  /** Counts the pending call `i` as stored, reading it back from the statement's parameters. */
  private stored(i: number): void {
    const p = this.params;
    const k = i * COLUMNS;
    const day = p[k + COL.day] as string;
    this.inserted++;
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    if (p[k + COL.direction] !== 'outbound') return;
    const counted = this.counted;
    counted.disposition = p[k + COL.disposition] as Disposition;
    counted.talkSeconds = p[k + COL.talkSeconds] as number;
    counted.intent = p[k + COL.isIntent] === 1;
    counted.sale = p[k + COL.isSale] === 1;
    counted.saleAmount = p[k + COL.saleAmount] as number;
    this.rollup.add(
      day,
      p[k + COL.hour] as number,
      p[k + COL.agentId] as number,
      p[k + COL.campaignId] as number | null,
      callContribution(counted, this.thresholdSeconds),
    );
  }
}

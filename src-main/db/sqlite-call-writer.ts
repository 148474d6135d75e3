/**
 * SQLite's CallBulkWriter (bulk.ts): writes normalised calls into the batch's open transaction:
 * agents, teams and campaigns are created on first sight, a call whose `source_key` is already
 * stored is a duplicate, and each inserted call's contribution to the rollups is accumulated and
 * applied once at `finish()`. Used by file imports and by the demo generator alike.
 */
import type { Disposition } from '../../src-shared/domain';
import type { ContributingCall, RollupParams } from '../../src-shared/kpi';
import { RollupAccumulator } from '../metrics/rollup';
import type { NormalizedCall } from '../import/normalise';
import type { CallBulkWriter } from './bulk';
import type { Sqlite } from './connection';
import { SqliteDirectory } from './sqlite-directory';
import { applyRollupSqlite } from './sqlite-rollup';

/** Calls per INSERT statement: binding one statement per row costs more than SQLite's own work. */
const ROWS_PER_STATEMENT = 50;
/**
 * Calls staged before they move into `calls`. SQLite stores rows into the indexed table faster
 * with one INSERT … SELECT than with many multi-row VALUES statements (insert stage 7.5 → 6.0 s
 * CPU per 1M calls). Measured in `npm run bench:import`: 2,000 was best (7.9 s; 500: 8.6 s, 10,000:
 * 10.7 s, as the staged calls' strings then live long enough to reach V8's old generation).
 */
const ROWS_PER_MOVE = 2_000;
const COLUMNS = 19;
/** Positions of the parameters read back after a move (the order of CALL_COLUMNS). */
const COL = {
  sourceKey: 0,
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
  phoneHash: 16,
  phoneLast4: 17,
  recordingRef: 18,
} as const;
/**
 * The text parameters nothing reads back once bound. Each is a slice of the whole message it came
 * in (call-transport.ts): cleared as soon as SQLite has its copy, so that message dies young
 * instead of being promoted with the calls waiting for their move.
 */
const UNREAD_TEXTS = [COL.sourceKey, COL.phoneHash, COL.phoneLast4, COL.recordingRef] as const;

const CALL_COLUMNS = `source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday, direction,
  disposition, ring_seconds, talk_seconds, outcome, is_intent, is_sale, sale_amount, phone_hash,
  phone_last4, recording_ref`;

/** The connection's own staging table (columns without affinity keep the values as bound). */
const STAGE = 'temp.call_stage';

function stageSql(rows: number): string {
  const row = `(${Array<string>(COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO ${STAGE} VALUES ${Array<string>(rows).fill(row).join(', ')}`;
}

/**
 * Rollup rows (day x hour x agent x campaign) held before they are applied. Few enough that they
 * die young: a file spread over a year makes a new row per call or two, and 10,000 of them
 * outlived V8's young generation, were promoted, and grew the main thread's heap by ~40 MB.
 */
export const MAX_PENDING_ROLLUP_ROWS = 1_000;

export class SqliteCallWriter implements CallBulkWriter {
  private readonly directory: SqliteDirectory;
  private readonly rollup = new RollupAccumulator();
  private readonly stageRows;
  private readonly stageRow;
  private readonly move;
  private readonly clearStage;
  private readonly keyOwner;
  private readonly stagedKeys;
  /** the highest call id so far: rows a move stores get higher ones */
  private lastCallId: number;
  /** the parameters of the calls of the current move, COLUMNS per call (read back for the rollup) */
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_MOVE * COLUMNS);
  /** calls in `params`: those before `staged` are in the stage table */
  private pending = 0;
  private staged = 0;
  /** what the rollup reads of a stored call (one object, refilled) */
  private readonly counted: ContributingCall = {
    disposition: 'connected',
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
    private readonly rollupParams: RollupParams,
  ) {
    const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i}`).join(', ');
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS call_stage (${columns}); DELETE FROM ${STAGE};`);
    this.stageRows = db.prepare(stageSql(ROWS_PER_STATEMENT));
    this.stageRow = db.prepare(stageSql(1));
    // Scanned in rowid order: of a key given twice, the first occurrence is stored.
    this.move = db.prepare(
      `INSERT INTO calls (${CALL_COLUMNS}) SELECT ${columns} FROM ${STAGE} ORDER BY rowid
       ON CONFLICT (source_key) DO NOTHING`,
    );
    this.clearStage = db.prepare(`DELETE FROM ${STAGE}`);
    this.keyOwner = db.prepare<[unknown], number>('SELECT id FROM calls WHERE source_key = ?').pluck();
    this.stagedKeys = db.prepare<[], unknown>(`SELECT c0 FROM ${STAGE} ORDER BY rowid`).pluck();
    this.lastCallId = Number(db.prepare('SELECT coalesce(max(id), 0) FROM calls').pluck().get());
    this.directory = new SqliteDirectory(db);
  }

  /**
   * Stores a call unless a call with the same source key is already stored (a duplicate). Calls
   * are staged ROWS_PER_STATEMENT at a time and moved into `calls` ROWS_PER_MOVE at a time;
   * `inserted`, `duplicates` and the days are final after `finish()`. The call object is not kept
   * (the importer passes one cursor for every call).
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
    if (++this.pending - this.staged === ROWS_PER_STATEMENT) this.stage();
  }

  /** Writes the pending calls and applies the accumulated rollup; call once, inside the same transaction. */
  finish(): void {
    this.flush();
    applyRollupSqlite(this.db, this.rollup, 1);
    this.directory.checkReferences(this.db, this.batchId);
  }

  /** Binds the calls not yet staged into the stage table; moves them when the stage is full. */
  private stage(): void {
    const p = this.params;
    while (this.pending - this.staged >= ROWS_PER_STATEMENT) {
      const from = this.staged * COLUMNS;
      this.stageRows.run(p.slice(from, from + ROWS_PER_STATEMENT * COLUMNS));
      this.forgetTexts(this.staged, this.staged + ROWS_PER_STATEMENT);
      this.staged += ROWS_PER_STATEMENT;
    }
    if (this.pending === ROWS_PER_MOVE) this.flush();
  }

  /** Moves every pending call into `calls` and counts which were stored and which were duplicates. */
  private flush(): void {
    const p = this.params;
    for (; this.staged < this.pending; this.staged++) {
      this.stageRow.run(p.slice(this.staged * COLUMNS, (this.staged + 1) * COLUMNS));
      this.forgetTexts(this.staged, this.staged + 1);
    }
    const count = this.pending;
    if (count === 0) return;
    const before = this.lastCallId;
    const info = this.move.run();
    if (info.changes > 0) this.lastCallId = Number(info.lastInsertRowid);
    if (info.changes === count) for (let i = 0; i < count; i++) this.stored(i);
    else if (info.changes === 0) this.duplicates += count;
    else {
      // Some were duplicates: a key's row is this move's when its id is new (and a key given
      // twice in the move was stored for its first occurrence only). The keys are read back from
      // the stage, in staging order (the parameters no longer hold them).
      const keys = this.stagedKeys.all();
      const claimed = new Set<number>();
      for (let i = 0; i < count; i++) {
        const id = this.keyOwner.get(keys[i])!;
        if (id > before && !claimed.has(id)) {
          claimed.add(id);
          this.stored(i);
        } else this.duplicates++;
      }
    }
    this.clearStage.run();
    this.pending = 0;
    this.staged = 0;
  }

  /** Drops the bound texts of pending calls `from` .. `to` - 1 that `stored` does not read. */
  private forgetTexts(from: number, to: number): void {
    const p = this.params;
    for (let k = from * COLUMNS; k < to * COLUMNS; k += COLUMNS)
      for (const c of UNREAD_TEXTS) p[k + c] = null;
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
    this.rollup.addCall(
      day,
      p[k + COL.hour] as number,
      p[k + COL.agentId] as number,
      p[k + COL.campaignId] as number | null,
      counted,
      this.rollupParams,
    );
    // A file spread over many days and hours has a rollup row per few calls: apply in steps
    // (the upserts add up, in the same transaction) so memory stays flat whatever the file.
    if (this.rollup.size >= MAX_PENDING_ROLLUP_ROWS) {
      applyRollupSqlite(this.db, this.rollup, 1);
      this.rollup.clear();
    }
  }
}

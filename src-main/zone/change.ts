/**
 * Changing a workspace's time zone. A call's `day`, `hour` and `weekday` are derived from its
 * instant (`started_at`) in the workspace zone when it is imported; so is an order entry's `day`.
 * A new zone re-derives every one of them, then rebuilds what is keyed by day (the call rollups,
 * the order rollup, the audits' call day, the batches' first and last day) and stores the zone,
 * all in ONE transaction on a job connection: readers see the old zone with the old days until the
 * commit and the new zone with the new days after it, never a mix.
 *
 * A closed month (月结) froze its numbers: a change that would move a call or an order into, out
 * of or within a closed month's frozen range is refused, naming the months to reopen.
 *
 * Like the import's bulk writers this rewrites every row, so it speaks better-sqlite3 directly.
 */
import type { Database } from '../db/schema';
import type { Kysely } from 'kysely';
import { kyselyFor } from '../db/connection';
import { localParts, type LocalParts } from '../../src-shared/time';
import type { Sqlite } from '../db/connection';
import { ApiError } from '../errors';
import { throwIfCancelled, type JobContext } from '../jobs';
import { rebuildRollups } from '../metrics/rollup';
import { rebuildOrderRollup } from '../orders/rollup';
import { loadSettings, saveSettings } from '../settings';
import type { Workspace } from '../workspace';

/** Rows read and rewritten between two progress reports (and two turns of the event loop). */
const CHUNK = 20_000;

export interface ClosedRange {
  month: string;
  from: string;
  to: string;
}

export interface ZoneChangePlan {
  from: string;
  to: string;
  calls: number;
  /** calls whose local day changes */
  callsMovingDay: number;
  /** order entries (orders, payments, refunds) whose local day changes */
  orderEntriesMovingDay: number;
  /** closed months whose frozen numbers the change would move: the change is refused while any is */
  blockedMonths: string[];
}

/** The frozen range of each closed month (the month and the period it is compared with). */
function closedRanges(db: Sqlite): ClosedRange[] {
  return db
    .prepare(
      `SELECT month, json_extract(snapshot, '$.from') AS "from", json_extract(snapshot, '$.to') AS "to"
       FROM month_closes ORDER BY month`,
    )
    .all() as ClosedRange[];
}

interface Moves {
  moving: number;
  blocked: Set<string>;
}

/** Counts a row whose day goes from `before` to `after`, and the closed ranges it disturbs. */
function countMove(moves: Moves, closed: ClosedRange[], before: string, after: string): void {
  if (before === after) return;
  moves.moving++;
  for (const c of closed)
    if ((before >= c.from && before <= c.to) || (after >= c.from && after <= c.to))
      moves.blocked.add(c.month);
}

/** What changing to `to` would move (read-only: a full pass over calls and order entries). */
export async function planZoneChange(db: Sqlite, to: string): Promise<ZoneChangePlan> {
  const from = (await loadSettings(kyselyFor(db))).timeZone;
  const closed = closedRanges(db);
  const calls: Moves = { moving: 0, blocked: new Set() };
  let total = 0;
  const callRows = db.prepare('SELECT started_at, day FROM calls').raw().iterate() as Iterable<
    [number, string]
  >;
  for (const [startedAt, day] of callRows) {
    total++;
    countMove(calls, closed, day, localParts(startedAt, to).day);
  }
  const entries: Moves = { moving: 0, blocked: calls.blocked };
  const entryRows = db.prepare('SELECT at, day FROM order_entries').raw().iterate() as Iterable<
    [number, string]
  >;
  for (const [at, day] of entryRows) countMove(entries, closed, day, localParts(at, to).day);
  return {
    from,
    to,
    calls: total,
    callsMovingDay: calls.moving,
    orderEntriesMovingDay: entries.moving,
    blockedMonths: [...calls.blocked].sort(),
  };
}

export function refusalFor(plan: ZoneChangePlan): string | null {
  if (plan.blockedMonths.length === 0) return null;
  return `changing the time zone to ${plan.to} would move calls or orders of closed months (${plan.blockedMonths.join(', ')}): reopen them first`;
}

/** Rewrites `day` (and `hour`, `weekday` where the table has them) of every row of one table. */
async function rederive(
  db: Sqlite,
  table: 'calls' | 'order_entries' | 'orders',
  instant: 'started_at' | 'at' | 'ordered_at',
  to: string,
  step: (rows: number) => Promise<void>,
): Promise<void> {
  const withHour = table === 'calls';
  const read = db
    .prepare(`SELECT id, ${instant} FROM ${table} WHERE id > ? ORDER BY id LIMIT ${CHUNK}`)
    .raw();
  const update = withHour
    ? db.prepare('UPDATE calls SET day = ?, hour = ?, weekday = ? WHERE id = ?')
    : db.prepare(`UPDATE ${table} SET day = ? WHERE id = ?`);
  let after = 0;
  for (;;) {
    const rows = read.all(after) as [number, number][];
    if (rows.length === 0) return;
    for (const [id, at] of rows) {
      const p: Readonly<LocalParts> = localParts(at, to);
      if (withHour) update.run(p.day, p.hour, p.weekday, id);
      else update.run(p.day, id);
    }
    after = rows[rows.length - 1]![0];
    await step(rows.length);
  }
}

/** Everything else that copies a call's or an order's day. */
function refreshCopiedDays(db: Sqlite): void {
  db.prepare(
    'UPDATE audits SET call_day = (SELECT day FROM calls WHERE calls.id = audits.call_id) WHERE call_id IN (SELECT id FROM calls)',
  ).run();
  db.prepare(
    `UPDATE import_batches SET
       first_day = (SELECT MIN(day) FROM calls WHERE batch_id = import_batches.id),
       last_day = (SELECT MAX(day) FROM calls WHERE batch_id = import_batches.id)
     WHERE kind = 'calls' AND first_day IS NOT NULL`,
  ).run();
  db.prepare(
    `UPDATE import_batches SET
       first_day = (SELECT MIN(day) FROM order_entries WHERE batch_id = import_batches.id),
       last_day = (SELECT MAX(day) FROM order_entries WHERE batch_id = import_batches.id)
     WHERE kind = 'orders' AND first_day IS NOT NULL`,
  ).run();
}

function countRows(db: Sqlite, table: 'calls' | 'order_entries' | 'orders'): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

/**
 * The job: re-derives every day under the write queue in one transaction, then stores the zone.
 * Refuses (before writing anything) when a closed month would change.
 */
export async function changeZone(ws: Workspace, to: string, ctx: JobContext): Promise<ZoneChangePlan> {
  return ws.writes.run(async () => {
    const db = ws.openJobConnection();
    try {
      db.exec('BEGIN IMMEDIATE');
      // Planned inside the transaction: no import can slip in between the check and the change.
      const plan = await planZoneChange(db, to);
      const refusal = refusalFor(plan);
      if (refusal) throw new ApiError('conflict', refusal);
      const total = plan.calls + countRows(db, 'order_entries') + countRows(db, 'orders');
      let done = 0;
      const step = async (rows: number) => {
        done += rows;
        ctx.progress(done, total, done);
        await new Promise((resolve) => setImmediate(resolve));
        throwIfCancelled(ctx.signal);
      };
      await rederive(db, 'calls', 'started_at', to, step);
      await rederive(db, 'order_entries', 'at', to, step);
      await rederive(db, 'orders', 'ordered_at', to, step);
      const trx = kyselyFor(db); // the job connection, inside its open transaction
      await rebuildRollups(trx, (await loadSettings(trx)).effectiveThresholdSeconds);
      await rebuildOrderRollup(trx);
      refreshCopiedDays(db);
      await saveSettings(trx, { timeZone: to });
      throwIfCancelled(ctx.signal);
      db.exec('COMMIT');
      ctx.progress(total, total, done);
      return plan;
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
  });
}

/** A workspace holds nothing derived from the zone yet (its zone can simply be set). */
export async function holdsNoDays(db: Kysely<Database>): Promise<boolean> {
  const [call, entry] = await Promise.all([
    db.selectFrom('calls').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('order_entries').select('id').limit(1).executeTakeFirst(),
  ]);
  return call === undefined && entry === undefined;
}

/**
 * Changing a workspace's time zone. A call's `day`, `hour` and `weekday` are derived from its
 * instant (`started_at`) in the workspace zone when it is imported; so is an order entry's `day`.
 * A new zone re-derives every one of them, then rebuilds what is keyed by day (the call rollups,
 * the order rollup, the audits' call day, the batches' first and last day), re-keys the alert
 * acknowledgements to the days their alerts' calls move to (acks.ts) and stores the zone, all in
 * ONE transaction on a job connection: readers see the old zone with the old days until the
 * commit and the new zone with the new days after it, never a mix.
 *
 * A closed month (月结) froze its numbers: a change that would move a call or an order into, out
 * of or within a closed month's frozen range is refused, naming the months to reopen.
 *
 * The rows are read and rewritten in chunks by id (bounded memory, progress, cancellable between
 * chunks); rows that land on the same local day and hour are rewritten by one statement.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { localParts } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';
import { throwIfCancelled, type JobContext } from '../jobs';
import { rebuildRollups } from '../metrics/rollup';
import { loadRollupParams } from '../metrics/rollup-params';
import { rebuildOrderRollup } from '../orders/rollup';
import { loadSettings, saveSettings } from '../settings';
import type { Workspace } from '../workspace';
import { applyAckMoves, droppedCount, planAckMoves, type AckMoves } from './acks';

/** Rows read and rewritten between two progress reports (and two turns of the event loop). */
const CHUNK = 20_000;
/** Ids per UPDATE … WHERE id IN (…): well under either engine's bound-value limit. */
const IDS_PER_UPDATE = 1_000;

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
  /** acknowledged alerts whose calls split or merge with others: they show again, unacknowledged */
  acksDropped: number;
}

/** The part of a stored month snapshot that says which days it froze. */
const FrozenRange = z.object({ from: z.string(), to: z.string() });

/** The frozen range of each closed month (the month and the period it is compared with). */
async function closedRanges(db: Kysely<Database>): Promise<ClosedRange[]> {
  const rows = await db.selectFrom('month_closes').select(['month', 'snapshot']).orderBy('month').execute();
  return rows.map((r) => ({ month: r.month, ...FrozenRange.parse(JSON.parse(r.snapshot)) }));
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

type ZoneTable = 'calls' | 'order_entries' | 'orders';

/** A row's id, instant (UTC epoch ms) and the local parts stored for it now. */
interface StoredRow {
  id: number;
  at: number;
  day: string;
  hour: number | null;
  weekday: number | null;
}

/** The rows of `table` after id `after`, CHUNK at most, in id order. */
async function readChunk(db: Kysely<Database>, table: ZoneTable, after: number): Promise<StoredRow[]> {
  if (table === 'calls')
    return db
      .selectFrom('calls')
      .select(['id', 'started_at as at', 'day', 'hour', 'weekday'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
  const rows =
    table === 'orders'
      ? await db
          .selectFrom('orders')
          .select(['id', 'ordered_at as at', 'day'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(CHUNK)
          .execute()
      : await db
          .selectFrom('order_entries')
          .select(['id', 'at', 'day'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(CHUNK)
          .execute();
  return rows.map((r) => ({ ...r, hour: null, weekday: null }));
}

/** Calls `each` with every chunk of `table`'s rows, in id order. */
async function forEachChunk(
  db: Kysely<Database>,
  table: ZoneTable,
  each: (rows: StoredRow[]) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await readChunk(db, table, after);
    if (rows.length === 0) return;
    await each(rows);
    after = rows[rows.length - 1]!.id;
  }
}

/** What changing to `to` would move (read-only: a full pass over calls and order entries). */
export async function planZoneChange(db: Kysely<Database>, to: string): Promise<ZoneChangePlan> {
  return (await planWithAcks(db, to)).plan;
}

/** The plan, and where the acknowledgements go (acks.ts). */
async function planWithAcks(
  db: Kysely<Database>,
  to: string,
): Promise<{ plan: ZoneChangePlan; acks: AckMoves }> {
  const from = (await loadSettings(db)).timeZone;
  const closed = await closedRanges(db);
  const calls: Moves = { moving: 0, blocked: new Set() };
  let total = 0;
  await forEachChunk(db, 'calls', async (rows) => {
    total += rows.length;
    for (const r of rows) countMove(calls, closed, r.day, localParts(r.at, to).day);
  });
  const entries: Moves = { moving: 0, blocked: calls.blocked };
  await forEachChunk(db, 'order_entries', async (rows) => {
    for (const r of rows) countMove(entries, closed, r.day, localParts(r.at, to).day);
  });
  const acks = await planAckMoves(db, to);
  const plan = {
    from,
    to,
    calls: total,
    callsMovingDay: calls.moving,
    orderEntriesMovingDay: entries.moving,
    blockedMonths: [...calls.blocked].sort(),
    acksDropped: droppedCount(acks),
  };
  return { plan, acks };
}

export function refusalFor(plan: ZoneChangePlan): string | null {
  if (plan.blockedMonths.length === 0) return null;
  return `changing the time zone to ${plan.to} would move calls or orders of closed months (${plan.blockedMonths.join(', ')}): reopen them first`;
}

/**
 * Rewrites `day` (and `hour`, `weekday` where the table has them) of every row of one table whose
 * local parts differ in zone `to`: the rows of a chunk that land on the same parts in one UPDATE.
 */
async function rederive(
  db: Kysely<Database>,
  table: ZoneTable,
  to: string,
  step: (rows: number) => Promise<void>,
): Promise<void> {
  await forEachChunk(db, table, async (rows) => {
    const byParts = new Map<string, { day: string; hour: number; weekday: number; ids: number[] }>();
    for (const r of rows) {
      const p = localParts(r.at, to);
      if (p.day === r.day && (r.hour === null || (p.hour === r.hour && p.weekday === r.weekday))) continue;
      const key = `${p.day}|${p.hour}|${p.weekday}`;
      const group = byParts.get(key) ?? { day: p.day, hour: p.hour, weekday: p.weekday, ids: [] };
      group.ids.push(r.id);
      byParts.set(key, group);
    }
    for (const g of byParts.values()) {
      for (let i = 0; i < g.ids.length; i += IDS_PER_UPDATE) {
        const ids = g.ids.slice(i, i + IDS_PER_UPDATE);
        if (table === 'calls')
          await db
            .updateTable('calls')
            .set({ day: g.day, hour: g.hour, weekday: g.weekday })
            .where('id', 'in', ids)
            .execute();
        else await db.updateTable(table).set({ day: g.day }).where('id', 'in', ids).execute();
      }
    }
    await step(rows.length);
  });
}

/** Everything else that copies a call's or an order's day. */
async function refreshCopiedDays(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('audits')
    .set((eb) => ({
      call_day: eb.selectFrom('calls').select('calls.day').whereRef('calls.id', '=', 'audits.call_id'),
    }))
    .where('call_id', 'in', db.selectFrom('calls').select('id'))
    .execute();
  for (const [kind, source] of [
    ['calls', 'calls'],
    ['orders', 'order_entries'],
  ] as const) {
    await db
      .updateTable('import_batches')
      .set((eb) => ({
        first_day: eb
          .selectFrom(source)
          .select((s) => s.fn.min(`${source}.day`).as('d'))
          .whereRef(`${source}.batch_id`, '=', 'import_batches.id'),
        last_day: eb
          .selectFrom(source)
          .select((s) => s.fn.max(`${source}.day`).as('d'))
          .whereRef(`${source}.batch_id`, '=', 'import_batches.id'),
      }))
      .where('kind', '=', kind)
      .where('first_day', 'is not', null)
      .execute();
  }
}

async function countRows(db: Kysely<Database>, table: ZoneTable): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The job: re-derives every day under the write queue in one transaction on a job connection,
 * then stores the zone. Refuses (before writing anything) when a closed month would change.
 */
export async function changeZone(ws: Workspace, to: string, ctx: JobContext): Promise<ZoneChangePlan> {
  let total = 0;
  let done = 0;
  const step = async (rows: number) => {
    done += rows;
    ctx.progress(done, total, done);
    await new Promise((resolve) => setImmediate(resolve));
    throwIfCancelled(ctx.signal);
  };
  const plan = await ws.writes.run(() =>
    ws.withJobDb((db) =>
      db.transaction().execute(async (trx) => {
        // Planned inside the transaction: no import can slip in between the check and the change.
        const { plan: planned, acks } = await planWithAcks(trx, to);
        const refusal = refusalFor(planned);
        if (refusal) throw new ApiError('conflict', refusal);
        total = planned.calls + (await countRows(trx, 'order_entries')) + (await countRows(trx, 'orders'));
        await applyAckMoves(trx, acks);
        await rederive(trx, 'calls', to, step);
        await rederive(trx, 'order_entries', to, step);
        await rederive(trx, 'orders', to, step);
        await rebuildRollups(trx, await loadRollupParams(trx));
        await rebuildOrderRollup(trx);
        await refreshCopiedDays(trx);
        await saveSettings(trx, { timeZone: to });
        throwIfCancelled(ctx.signal);
        return planned;
      }),
    ),
  );
  ctx.progress(total, total, done);
  return plan;
}

/** A workspace holds nothing derived from the zone yet (its zone can simply be set). */
export async function holdsNoDays(db: Kysely<Database>): Promise<boolean> {
  const [call, entry] = await Promise.all([
    db.selectFrom('calls').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('order_entries').select('id').limit(1).executeTakeFirst(),
  ]);
  return call === undefined && entry === undefined;
}

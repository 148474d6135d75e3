/**
 * The rollups every dashboard reads: `daily_agent_stats` (day x agent x campaign) and
 * `hourly_agent_stats` (the same per hour of the day, for the heatmap). Both carry the same
 * additive counts and are kept exact by the transaction that inserts or deletes the calls they
 * count. Imports accumulate contributions in memory and upsert them once (not per row); undo and
 * rebuild aggregate the stored calls with the same predicates as `rollupContribution` in
 * src-shared/kpi.ts (a test holds the two equal).
 */
import { sql, type Kysely } from 'kysely';
import {
  addCallContribution,
  addRollupCounts,
  emptyRollupCounts,
  ROLLUP_COUNT_KEYS,
  type ContributingCall,
  type RollupCounts,
  type RollupParams,
} from '../../src-shared/kpi';
import { callCountsSql } from '../db/kpi-sql';
import type { Database } from '../db/schema';

/** The rollup columns of the counts, in ROLLUP_COUNT_KEYS order. */
export const ROLLUP_COLUMNS = [
  'dials',
  'connects',
  'effective',
  'talk_seconds',
  'effective_talk_seconds',
  'intents',
  'sales',
  'revenue',
  'short_connects',
  'short_talk_seconds',
  'sales_without_talk',
] as const satisfies { length: (typeof ROLLUP_COUNT_KEYS)['length'] };
export type RollupColumn = (typeof ROLLUP_COLUMNS)[number];

export interface RollupRow {
  day: string;
  /** -1 in a daily row */
  hour: number;
  agentId: number;
  campaignId: number;
  counts: RollupCounts;
}

/** The counts of a row as rollup column values, times `sign`. */
export function rollupColumnValues(counts: RollupCounts, sign: 1 | -1): Record<RollupColumn, number> {
  const out = {} as Record<RollupColumn, number>;
  ROLLUP_COUNT_KEYS.forEach((k, i) => (out[ROLLUP_COLUMNS[i]!] = sign * counts[k]));
  return out;
}

/** A rollup row's count columns as counts (read through Number: PostgreSQL sums are bigints). */
export function countsOfColumns(row: Readonly<Record<RollupColumn, unknown>>): RollupCounts {
  const out = emptyRollupCounts();
  ROLLUP_COUNT_KEYS.forEach((k, i) => (out[k] = Number(row[ROLLUP_COLUMNS[i]!])));
  return out;
}

/** Rows per upsert statement: 12 bound values each, well under either engine's limit. */
const ROWS_PER_UPSERT = 500;

export class RollupAccumulator {
  /** keyed by hour: a daily row is the sum of its hourly rows */
  private readonly hourly = new Map<string, RollupRow>();
  /** the row of the last call added: a file's calls come in runs of one agent's hour */
  private last: RollupRow | null = null;

  add(
    day: string,
    hour: number,
    agentId: number,
    campaignId: number | null,
    contribution: RollupCounts,
  ): void {
    addRollupCounts(this.row(day, hour, agentId, campaignId ?? 0).counts, contribution);
  }

  /** Adds one outbound call's contribution (`addCallContribution`), making no object per call. */
  addCall(
    day: string,
    hour: number,
    agentId: number,
    campaignId: number | null,
    call: ContributingCall,
    params: RollupParams,
  ): void {
    addCallContribution(this.row(day, hour, agentId, campaignId ?? 0).counts, call, params);
  }

  private row(day: string, hour: number, agentId: number, campaignId: number): RollupRow {
    const last = this.last;
    if (
      last !== null &&
      last.day === day &&
      last.hour === hour &&
      last.agentId === agentId &&
      last.campaignId === campaignId
    )
      return last;
    const key = `${day}|${hour}|${agentId}|${campaignId}`;
    let row = this.hourly.get(key);
    if (!row) {
      row = { day, hour, agentId, campaignId, counts: emptyRollupCounts() };
      this.hourly.set(key, row);
    }
    this.last = row;
    return row;
  }

  get size(): number {
    return this.hourly.size;
  }

  /** Forgets what was accumulated (after applying: an import applies in bounded steps). */
  clear(): void {
    this.hourly.clear();
    this.last = null;
  }

  hourlyRows(): RollupRow[] {
    return [...this.hourly.values()];
  }

  /** The daily rows: each the sum of its hours. */
  dailyRows(): RollupRow[] {
    const daily = new Map<string, RollupRow>();
    for (const row of this.hourly.values()) {
      const key = `${row.day}|${row.agentId}|${row.campaignId}`;
      let d = daily.get(key);
      if (!d) {
        d = { ...row, hour: -1, counts: emptyRollupCounts() };
        daily.set(key, d);
      }
      addRollupCounts(d.counts, row.counts);
    }
    return [...daily.values()];
  }

  /**
   * Adds (sign 1) or subtracts (sign -1) the accumulated counts in both rollups, in the caller's
   * transaction; rows a subtraction empties are removed.
   */
  async applyTo(db: Kysely<Database>, sign: 1 | -1 = 1): Promise<void> {
    const hourly = this.hourlyRows();
    for (let i = 0; i < hourly.length; i += ROWS_PER_UPSERT) {
      await db
        .insertInto('hourly_agent_stats')
        .values(
          hourly.slice(i, i + ROWS_PER_UPSERT).map((r) => ({
            day: r.day,
            hour: r.hour,
            agent_id: r.agentId,
            campaign_id: r.campaignId,
            ...rollupColumnValues(r.counts, sign),
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['day', 'hour', 'agent_id', 'campaign_id'])
            .doUpdateSet(addExcluded('hourly_agent_stats')),
        )
        .execute();
    }
    const daily = this.dailyRows();
    for (let i = 0; i < daily.length; i += ROWS_PER_UPSERT) {
      await db
        .insertInto('daily_agent_stats')
        .values(
          daily.slice(i, i + ROWS_PER_UPSERT).map((r) => ({
            day: r.day,
            agent_id: r.agentId,
            campaign_id: r.campaignId,
            ...rollupColumnValues(r.counts, sign),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['day', 'agent_id', 'campaign_id']).doUpdateSet(addExcluded('daily_agent_stats')),
        )
        .execute();
    }
    if (sign < 0) {
      const days = [...new Set(daily.map((r) => r.day))];
      for (let i = 0; i < days.length; i += ROWS_PER_UPSERT) {
        const some = days.slice(i, i + ROWS_PER_UPSERT);
        await db.deleteFrom('hourly_agent_stats').where('day', 'in', some).where('dials', '<=', 0).execute();
        await db.deleteFrom('daily_agent_stats').where('day', 'in', some).where('dials', '<=', 0).execute();
      }
    }
  }
}

/** `SET dials = table.dials + excluded.dials, …`: an upsert that adds to the stored counts. */
function addExcluded(table: 'daily_agent_stats' | 'hourly_agent_stats') {
  return Object.fromEntries(
    ROLLUP_COLUMNS.map((c) => [c, sql<number>`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
  ) as Record<RollupColumn, ReturnType<typeof sql<number>>>;
}

/** Hourly rollup rows of the stored outbound calls `scope` selects. */
function aggregateCalls(db: Kysely<Database>, params: RollupParams, scope: CallScope) {
  let query = db
    .selectFrom('calls')
    .select((eb) => [
      'day',
      'hour',
      'agent_id',
      eb.fn.coalesce('campaign_id', sql.lit(0)).as('campaign_id'),
      ...callCountsSql(params),
    ])
    .where('direction', '=', 'outbound');
  if (scope.batchId !== undefined) query = query.where('batch_id', '=', scope.batchId);
  if (scope.agentIds !== undefined) query = query.where('agent_id', 'in', scope.agentIds);
  return query.groupBy(['day', 'hour', 'agent_id', sql`coalesce(campaign_id, 0)`]);
}

interface CallScope {
  batchId?: number;
  agentIds?: readonly number[];
}

/** The rollup contribution of one batch's stored calls (to subtract it on undo). */
export async function batchContribution(
  db: Kysely<Database>,
  batchId: number,
  params: RollupParams,
): Promise<RollupAccumulator> {
  const rows = await aggregateCalls(db, params, { batchId }).execute();
  const acc = new RollupAccumulator();
  for (const r of rows) {
    acc.add(r.day, r.hour, r.agent_id, r.campaign_id, countsOfColumns(r));
  }
  return acc;
}

/**
 * Recomputes both rollups from the stored calls: all of them (after the effective threshold or the
 * alerts' short-call seconds change, or the zone), or only those of `agentIds` (after two agent
 * codes are merged into one person). Call in a transaction.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  params: RollupParams,
  agentIds?: readonly number[],
): Promise<void> {
  if (agentIds?.length === 0) return;
  let clearHourly = db.deleteFrom('hourly_agent_stats');
  let clearDaily = db.deleteFrom('daily_agent_stats');
  if (agentIds) {
    clearHourly = clearHourly.where('agent_id', 'in', agentIds);
    clearDaily = clearDaily.where('agent_id', 'in', agentIds);
  }
  let daily = db
    .selectFrom('hourly_agent_stats')
    .select((eb) => [
      'day',
      'agent_id',
      'campaign_id',
      ...ROLLUP_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .groupBy(['day', 'agent_id', 'campaign_id']);
  if (agentIds) daily = daily.where('agent_id', 'in', agentIds);
  await clearHourly.execute();
  await clearDaily.execute();
  await db
    .insertInto('hourly_agent_stats')
    .columns(['day', 'hour', 'agent_id', 'campaign_id', ...ROLLUP_COLUMNS])
    .expression(aggregateCalls(db, params, { agentIds }))
    .execute();
  await db
    .insertInto('daily_agent_stats')
    .columns(['day', 'agent_id', 'campaign_id', ...ROLLUP_COLUMNS])
    .expression(daily)
    .execute();
}

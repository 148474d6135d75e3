/**
 * The rollups every dashboard reads: `daily_agent_stats` (day x agent x campaign) and
 * `hourly_agent_stats` (the same per hour of the day, for the heatmap). Both carry the same
 * additive counts and are kept exact by the transaction that inserts or deletes the calls they
 * count. Imports accumulate contributions in memory and upsert them once (not per row); undo and
 * rebuild aggregate the stored calls with the same predicates as `callContribution` in
 * src-shared/kpi.ts (a test holds the two equal).
 */
import { addCounts, COUNT_KEYS, emptyCounts, type KpiCounts } from '../../src-shared/kpi';
import type { Sqlite } from '../db/connection';
import type { HourlyAgentStatsTable } from '../db/schema';

/** The rollup columns of the counts, in COUNT_KEYS order. */
const COUNT_COLUMNS = [
  'dials',
  'connects',
  'effective',
  'talk_seconds',
  'effective_talk_seconds',
  'intents',
  'sales',
  'revenue',
] as const satisfies { length: (typeof COUNT_KEYS)['length'] };

interface RollupTable {
  name: 'daily_agent_stats' | 'hourly_agent_stats';
  keys: readonly string[];
}
const DAILY: RollupTable = { name: 'daily_agent_stats', keys: ['day', 'agent_id', 'campaign_id'] };
const HOURLY: RollupTable = { name: 'hourly_agent_stats', keys: ['day', 'hour', 'agent_id', 'campaign_id'] };

interface RollupRow {
  day: string;
  hour: number;
  agentId: number;
  campaignId: number;
  counts: KpiCounts;
}

/** Adds `sign` x counts to a row of `table` (creating it), and removes rows that become empty. */
function upsertSql(table: RollupTable): string {
  const columns = [...table.keys, ...COUNT_COLUMNS];
  return `
    INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${table.keys.join(', ')}) DO UPDATE SET
      ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(',\n      ')}`;
}

function deleteEmptySql(table: RollupTable): string {
  return `DELETE FROM ${table.name} WHERE ${table.keys.map((k) => `${k} = ?`).join(' AND ')} AND dials <= 0`;
}

export class RollupAccumulator {
  /** keyed by hour: a daily row is the sum of its hourly rows */
  private readonly hourly = new Map<string, RollupRow>();

  add(day: string, hour: number, agentId: number, campaignId: number | null, contribution: KpiCounts): void {
    const campaign = campaignId ?? 0;
    const key = `${day}|${hour}|${agentId}|${campaign}`;
    let row = this.hourly.get(key);
    if (!row) {
      row = { day, hour, agentId, campaignId: campaign, counts: emptyCounts() };
      this.hourly.set(key, row);
    }
    addCounts(row.counts, contribution);
  }

  get size(): number {
    return this.hourly.size;
  }

  /** Forgets what was accumulated (after `applyTo`: an import applies in bounded steps). */
  clear(): void {
    this.hourly.clear();
  }

  /** Adds (sign 1) or subtracts (sign -1) the accumulated counts in both rollups; emptied rows are removed. */
  applyTo(db: Sqlite, sign: 1 | -1 = 1): void {
    const daily = new Map<string, RollupRow>();
    for (const row of this.hourly.values()) {
      const key = `${row.day}|${row.agentId}|${row.campaignId}`;
      let d = daily.get(key);
      if (!d) {
        d = { ...row, hour: -1, counts: emptyCounts() };
        daily.set(key, d);
      }
      addCounts(d.counts, row.counts);
    }
    write(db, HOURLY, this.hourly.values(), sign, (r) => [r.day, r.hour, r.agentId, r.campaignId]);
    write(db, DAILY, daily.values(), sign, (r) => [r.day, r.agentId, r.campaignId]);
  }
}

function write(
  db: Sqlite,
  table: RollupTable,
  rows: Iterable<RollupRow>,
  sign: 1 | -1,
  keyOf: (row: RollupRow) => (string | number)[],
): void {
  const upsert = db.prepare(upsertSql(table));
  const deleteEmpty = sign < 0 ? db.prepare(deleteEmptySql(table)) : null;
  for (const row of rows) {
    const key = keyOf(row);
    upsert.run(...key, ...COUNT_KEYS.map((k) => sign * row.counts[k]));
    deleteEmpty?.run(...key);
  }
}

/** Hourly rollup rows of the stored outbound calls matching `where` (SQL over `calls`), with `@threshold`. */
function aggregateCallsSql(where: string): string {
  const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
  const effective = `(${connect} AND talk_seconds >= @threshold)`;
  return `
    SELECT day, hour, agent_id, COALESCE(campaign_id, 0) AS campaign_id,
      COUNT(*) AS dials,
      SUM(${connect}) AS connects,
      SUM(${effective}) AS effective,
      SUM(CASE WHEN ${connect} THEN talk_seconds ELSE 0 END) AS talk_seconds,
      SUM(CASE WHEN ${effective} THEN talk_seconds ELSE 0 END) AS effective_talk_seconds,
      SUM(is_intent) AS intents,
      SUM(is_sale) AS sales,
      SUM(CASE WHEN is_sale = 1 THEN sale_amount ELSE 0 END) AS revenue
    FROM calls
    WHERE direction = 'outbound' AND (${where})
    GROUP BY day, hour, agent_id, COALESCE(campaign_id, 0)`;
}

/** The rollup contribution of one batch's stored calls (to subtract it on undo). */
export function batchContribution(db: Sqlite, batchId: number, threshold: number): RollupAccumulator {
  const rows = db
    .prepare(aggregateCallsSql('batch_id = @batchId'))
    .all({ batchId, threshold }) as HourlyAgentStatsTable[];
  const acc = new RollupAccumulator();
  for (const r of rows) {
    acc.add(r.day, r.hour, r.agent_id, r.campaign_id, {
      dials: r.dials,
      connects: r.connects,
      effective: r.effective,
      talkSeconds: r.talk_seconds,
      effectiveTalkSeconds: r.effective_talk_seconds,
      intents: r.intents,
      sales: r.sales,
      revenue: r.revenue,
    });
  }
  return acc;
}

/**
 * Recomputes both rollups from the stored calls: all of them (after the threshold changes), or only
 * those of `agentIds` (after two agent codes are merged into one person). Call in a transaction.
 */
export function rebuildRollups(db: Sqlite, threshold: number, agentIds?: readonly number[]): void {
  if (agentIds?.some((id) => !Number.isInteger(id))) throw new Error('agent ids must be integers');
  const only = agentIds ? `agent_id IN (${agentIds.join(', ')})` : '1 = 1';
  db.prepare(`DELETE FROM hourly_agent_stats WHERE ${only}`).run();
  db.prepare(`DELETE FROM daily_agent_stats WHERE ${only}`).run();
  const columns = COUNT_COLUMNS.join(', ');
  db.prepare(
    `INSERT INTO hourly_agent_stats (day, hour, agent_id, campaign_id, ${columns}) ${aggregateCallsSql(only)}`,
  ).run({ threshold });
  db.prepare(
    `INSERT INTO daily_agent_stats (day, agent_id, campaign_id, ${columns})
     SELECT day, agent_id, campaign_id, ${COUNT_COLUMNS.map((c) => `SUM(${c})`).join(', ')}
     FROM hourly_agent_stats WHERE ${only} GROUP BY day, agent_id, campaign_id`,
  ).run();
}

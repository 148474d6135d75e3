/**
 * The SQLite bulk writer's way to apply rollup deltas: prepared statements on the import's own
 * connection, inside its synchronous transaction (the same upserts as RollupAccumulator.applyTo).
 */
import {
  ROLLUP_COLUMNS,
  rollupColumnValues,
  type RollupAccumulator,
  type RollupRow,
} from '../metrics/rollup';
import type { Sqlite } from './connection';

interface RollupTable {
  name: 'daily_agent_stats' | 'hourly_agent_stats';
  keys: readonly string[];
  keyOf: (row: RollupRow) => (string | number)[];
}
const DAILY: RollupTable = {
  name: 'daily_agent_stats',
  keys: ['day', 'agent_id', 'campaign_id'],
  keyOf: (r) => [r.day, r.agentId, r.campaignId],
};
const HOURLY: RollupTable = {
  name: 'hourly_agent_stats',
  keys: ['day', 'hour', 'agent_id', 'campaign_id'],
  keyOf: (r) => [r.day, r.hour, r.agentId, r.campaignId],
};

function upsertSql(table: RollupTable): string {
  const columns = [...table.keys, ...ROLLUP_COLUMNS];
  return `
    INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${table.keys.join(', ')}) DO UPDATE SET
      ${ROLLUP_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(',\n      ')}`;
}

function write(db: Sqlite, table: RollupTable, rows: readonly RollupRow[], sign: 1 | -1): void {
  const upsert = db.prepare(upsertSql(table));
  const deleteEmpty =
    sign < 0
      ? db.prepare(
          `DELETE FROM ${table.name} WHERE ${table.keys.map((k) => `${k} = ?`).join(' AND ')} AND dials <= 0`,
        )
      : null;
  for (const row of rows) {
    const key = table.keyOf(row);
    upsert.run(...key, ...Object.values(rollupColumnValues(row.counts, sign)));
    deleteEmpty?.run(...key);
  }
}

/** Adds (sign 1) or subtracts (sign -1) what `acc` holds in both rollups. */
export function applyRollupSqlite(db: Sqlite, acc: RollupAccumulator, sign: 1 | -1 = 1): void {
  write(db, HOURLY, acc.hourlyRows(), sign);
  write(db, DAILY, acc.dailyRows(), sign);
}

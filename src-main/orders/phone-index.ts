/**
 * Attribution finds a customer number's calls before an order (`attribution.ts`) through
 * `calls_phone_time`. The index is kept only in a workspace that has orders: its key is a hash,
 * so every imported call lands at a random place in it, which makes it the dearest index of
 * `calls` to keep while importing (~3 s of SQLite CPU per 1M calls, docs/PERFORMANCE.md), and a
 * floor without an order system never reads it. The first order import builds it, in its own
 * transaction; migration 10 dropped it from workspaces without orders.
 */
import type { Sqlite } from '../db/connection';

export const CALL_PHONE_INDEX = 'calls_phone_time';

/** Builds the index unless it is there (one statement; a no-op once built). */
export function ensureCallPhoneIndex(db: Sqlite): void {
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${CALL_PHONE_INDEX} ON calls(phone_hash, started_at) WHERE phone_hash IS NOT NULL`,
  );
}

/** Whether any order is stored (then the index must be). */
export function hasOrders(db: Sqlite): boolean {
  return db.prepare('SELECT 1 FROM orders LIMIT 1').get() !== undefined;
}

/**
 * Attribution finds a customer number's calls before an order (`attribution.ts`) through
 * `calls_phone_time`. The index is kept only in a workspace that has orders: its key is a hash,
 * so every imported call lands at a random place in it, which makes it the dearest index of
 * `calls` to keep while importing (~3 s of SQLite CPU per 1M calls, docs/PERFORMANCE.md), and a
 * floor without an order system never reads it. The first order import builds it, in its own
 * transaction; migration 10 dropped it from workspaces without orders.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const CALL_PHONE_INDEX = 'calls_phone_time';

/** Builds the index unless it is there (one statement; a no-op once built). */
export async function ensureCallPhoneIndex(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createIndex(CALL_PHONE_INDEX)
    .ifNotExists()
    .on('calls')
    .columns(['phone_hash', 'started_at'])
    .where('phone_hash', 'is not', null)
    .execute();
}

/** Whether any order is stored (then the index must be). */
export async function hasOrders(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('orders').select('id').limit(1).executeTakeFirst()) !== undefined;
}

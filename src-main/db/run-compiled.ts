/** Runs a query Kysely compiled on the synchronous connection (for the sync services, e.g. targets). */
import type { CompiledQuery } from 'kysely';
import type { Sqlite } from './connection';

export function runCompiledSync<R>(db: Sqlite, query: CompiledQuery<R>): R[] {
  return db.prepare<unknown[], R>(query.sql).all(...query.parameters);
}

/** Runs a query Kysely compiled on the synchronous connection (for the sync services, e.g. targets). */
import type { CompiledQuery } from 'kysely';
import type { Sqlite } from './connection';

export function runCompiledSync<R>(db: Sqlite, query: CompiledQuery<R>): R[] {
  const statement = db.prepare<unknown[], R>(query.sql);
  if (statement.reader) return statement.all(...query.parameters);
  statement.run(...query.parameters);
  return [];
}

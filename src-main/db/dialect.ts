/**
 * The few places where SQLite and PostgreSQL SQL differ, in one module. Everything else is
 * written once with Kysely's builders (upserts with onConflict, RETURNING, CASE, coalesce),
 * which both engines read alike.
 */
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** Which engine a Kysely instance (or transaction) talks to. */
export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The values of a group joined by `separator` (SQLite `group_concat`, PostgreSQL `string_agg`). */
export function groupConcat<DB>(
  db: Kysely<DB>,
  value: Expression<unknown>,
  separator: string,
): RawBuilder<string | null> {
  return engineOf(db) === 'postgres'
    ? sql<string | null>`string_agg(${value}::text, ${separator})`
    : sql<string | null>`group_concat(${value}, ${separator})`;
}

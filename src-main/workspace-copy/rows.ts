/**
 * The copy engine walks every table by name, so it reads and writes rows as plain records: one
 * view of Kysely whose tables are untyped, used only here (each table's shape is the same on
 * both sides: both workspaces are migrated to the same schema).
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { Row, TableName } from './tables';

export type RowDatabase = Record<TableName, Row>;
export type RowDb = Kysely<RowDatabase>;

/** The same connection seen table by table as plain records. */
export function rowsOf(db: Kysely<Database>): RowDb {
  return db as unknown as RowDb;
}

/** A key's values as one comparable text (numbers come back as numbers from both engines). */
export function keyText(values: readonly unknown[]): string {
  return JSON.stringify(values);
}

/** Rows of `table` ordered by `columns`, after the row holding `after` (keyset paging). */
export async function pageAfter(
  db: RowDb,
  table: TableName,
  columns: readonly string[],
  after: readonly unknown[] | null,
  limit: number,
): Promise<Row[]> {
  let q = db.selectFrom(table).selectAll();
  if (after) {
    const tuple = (parts: Expression<unknown>[]) => sql.join(parts);
    q = q.where(
      sql<SqlBool>`(${tuple(columns.map((c) => sql.ref(c)))}) > (${tuple(after.map((v) => sql.val(v)))})`,
    );
  }
  for (const c of columns) q = q.orderBy(c);
  return q.limit(limit).execute();
}

/** The rows of `table` whose `columns` take any of the values `rows` have (nulls included). */
export async function rowsMatching(
  db: RowDb,
  table: TableName,
  select: readonly string[],
  columns: readonly string[],
  rows: readonly Row[],
): Promise<Row[]> {
  let q = db.selectFrom(table).select([...select]);
  for (const column of columns) {
    const values = [...new Set(rows.map((r) => r[column]))];
    const present = values.filter((v) => v !== null && v !== undefined);
    const hasNull = present.length < values.length;
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (present.length > 0) parts.push(eb(column, 'in', present));
      if (hasNull) parts.push(eb(column, 'is', null));
      return eb.or(parts);
    });
  }
  return q.execute();
}

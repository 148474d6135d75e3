/**
 * SQLite's side of copying a workspace (bulk.ts RowCopyWriter): a page of rows in one
 * `BEGIN IMMEDIATE` transaction on a connection of its own, through one prepared
 * `INSERT … ON CONFLICT (key) DO NOTHING` bound row by row (synchronous, as the import's writer).
 */
import type { RowCopy } from './bulk';
import type { Sqlite } from './connection';

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A stored value as better-sqlite3 binds it (it takes no undefined). */
function bound(value: unknown): unknown {
  return value === undefined ? null : value;
}

export function sqliteCopyRows(db: Sqlite, copy: RowCopy): Promise<number> {
  try {
    if (copy.rows.length === 0) return Promise.resolve(0);
    db.exec('BEGIN IMMEDIATE');
    const insert = db.prepare(
      `INSERT INTO ${quoted(copy.table)} (${copy.columns.map(quoted).join(', ')})
       VALUES (${copy.columns.map(() => '?').join(', ')})
       ON CONFLICT (${copy.key.map(quoted).join(', ')}) DO NOTHING`,
    );
    let stored = 0;
    for (const row of copy.rows) stored += insert.run(row.map(bound)).changes;
    db.exec('COMMIT');
    return Promise.resolve(stored);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

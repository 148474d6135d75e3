/**
 * PostgreSQL's side of copying a workspace (bulk.ts RowCopyWriter): a page of rows streams
 * through COPY into a temporary stage shaped like the table's columns, then moves into the table
 * with ONE `INSERT … SELECT … ON CONFLICT (key) DO NOTHING`, in one transaction under the
 * workspace's bulk lock (an import from another machine waits for the page, as for a batch).
 * Statement by statement, the same rows cost a round trip and a plan per page of a few hundred.
 */
import { sql } from 'kysely';
import type { RowCopy } from './bulk';
import { copyField } from './pg-copy';
import { PgBulkSession, type PgConnections } from './pg-session';

/** A stored value as a field of COPY's text format (the copy reads numbers, texts and nulls). */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return copyField(null);
  if (typeof value === 'number' || typeof value === 'string') return copyField(value);
  if (typeof value === 'bigint') return value.toString();
  throw new Error(`a copied value of type ${typeof value} has no COPY form`);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function pgCopyRows(pool: PgConnections, copy: RowCopy): Promise<number> {
  if (copy.rows.length === 0) return 0;
  const session = await PgBulkSession.begin(pool);
  try {
    const columns = sql.join(copy.columns.map((c) => sql.id(c)));
    // The stage takes the table's column types (and collations); copy_seq keeps the source's order.
    await sql`
      CREATE TEMPORARY TABLE copy_stage ON COMMIT DROP AS
      SELECT 0::bigint AS copy_seq, ${columns} FROM ${sql.table(copy.table)} WITH NO DATA`.execute(
      session.db,
    );
    const stage = session.copyInto('copy_stage', ['copy_seq', ...copy.columns].map(quoted));
    let seq = 0;
    for (const row of copy.rows) {
      stage.line(`${++seq}\t${row.map(copyValue).join('\t')}`);
      if (seq % 1000 === 0) await stage.drain();
    }
    const stored = await sql`
      INSERT INTO ${sql.table(copy.table)} (${columns})
      SELECT ${columns} FROM copy_stage ORDER BY copy_seq
      ON CONFLICT (${sql.join(copy.key.map((c) => sql.id(c)))}) DO NOTHING`.execute(session.db);
    await session.commit();
    return Number(stored.numAffectedRows ?? 0);
  } finally {
    await session.close();
  }
}

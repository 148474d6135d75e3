/**
 * A team workspace's store on PostgreSQL: the pool's Kysely answers calls and runs jobs alike (a
 * pool gives every transaction a connection of its own, so a job's long transaction leaves the
 * dashboards' connections free), and the write queue's cross-process lock is an advisory lock.
 */
import { advisoryLock } from './pg-advisory-lock';
import { pgBulkWriter } from './pg-bulk';
import { connectPostgres, openPostgresWorkspace, type OpenPostgresOptions } from './postgres';
import type { Store } from './sqlite-store';
import type { CrossProcessLock } from '../write-lock';

export interface PgStore extends Store {
  /** The write queue's lock across processes and machines. */
  writerLock(): CrossProcessLock;
}

/**
 * Opens the team workspace of `url`: migrated to the latest schema, or — read-only — as it is
 * (never migrated or written). Failures are TeamWorkspaceOpenErrors naming the server, never the
 * password.
 */
export async function openPgStore(
  url: string,
  readOnly = false,
  options: OpenPostgresOptions = {},
): Promise<PgStore> {
  const { db: kysely, pool } = readOnly
    ? await connectPostgres(url, options)
    : await openPostgresWorkspace(url, options);
  return {
    kysely,
    // Imports COPY through connections of the same pool (its number parsing included).
    bulk: pgBulkWriter(pool),
    withJobDb: (work) => work(kysely),
    writerLock: () => advisoryLock(kysely),
    close: () => kysely.destroy(),
  };
}

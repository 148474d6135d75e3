/**
 * A team workspace's store on PostgreSQL: the pool's Kysely answers calls and runs jobs alike (a
 * pool gives every transaction a connection of its own, so a job's long transaction leaves the
 * dashboards' connections free), and the write queue's cross-process lock is an advisory lock.
 */
import type { BulkWriter } from './bulk';
import { advisoryLock } from './pg-advisory-lock';
import { openPostgres, openPostgresWorkspace, type OpenPostgresOptions } from './postgres';
import type { Store } from './sqlite-store';
import type { CrossProcessLock } from '../write-lock';

export interface PgStore extends Store {
  /** The write queue's lock across processes and machines. */
  writerLock(): CrossProcessLock;
}

export const TEAM_IMPORT_PENDING = 'imports into a team workspace arrive with the PostgreSQL bulk writer';

/** Until the PostgreSQL bulk writer (COPY) lands: imports and undo say they are not there yet. */
const pendingBulkWriter: BulkWriter = {
  openCallBatch: () => Promise.reject(new Error(TEAM_IMPORT_PENDING)),
  openOrderBatch: () => Promise.reject(new Error(TEAM_IMPORT_PENDING)),
  undoBatch: () => Promise.reject(new Error(TEAM_IMPORT_PENDING)),
};

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
  const kysely = readOnly ? await openPostgres(url, options) : (await openPostgresWorkspace(url, options)).db;
  return {
    kysely,
    bulk: pendingBulkWriter,
    withJobDb: (work) => work(kysely),
    writerLock: () => advisoryLock(kysely),
    close: () => kysely.destroy(),
  };
}

/**
 * A workspace: one database file, its connection for calls, its settings and its write queue.
 * Jobs open their own connections to the same file (WAL lets dashboards read meanwhile).
 */
import type { Kysely } from 'kysely';
import { kyselyFor, openConnection, openDatabase, readOnlyView, type Sqlite } from './db/connection';
import type { Database } from './db/schema';
import type { BulkWriter } from './db/bulk';
import { sqliteBulkWriter } from './db/sqlite-bulk';
import { ensureSettings, loadSettings } from './settings';
import { sweepCrashLeftovers } from './leftovers';
import { WriteLock, writerLockFile } from './write-lock';
import type { Settings } from '../src-shared/api';

export interface Workspace {
  readonly path: string;
  readonly db: Sqlite;
  readonly kysely: Kysely<Database>;
  readonly writes: WriteLock;
  /** Opened read-only (a damaged, locked or newer file the user chose to look at): no writes. */
  readonly readOnly: boolean;
  settings(): Promise<Settings>;
  /** A separate connection for a job's transaction; the caller closes it. */
  openJobConnection(): Sqlite;
  /**
   * Runs `work` on a connection of its own (a job's long transaction must not hold up the
   * connection that answers the dashboards), closed after it.
   */
  withJobDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The import's bulk path (batches and their undo), each on a connection of its own. */
  readonly bulk: BulkWriter;
  close(): Promise<void>;
}

const ANSWERING_BUSY_TIMEOUT_MS = 250;

export const READ_ONLY_REFUSAL =
  'This workspace is open read-only: nothing can be changed. Restore a backup or reopen it normally to make changes.';

export async function openWorkspace(file: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  const readOnly = options.readOnly ?? false;
  // Read-only: SQLite itself refuses writes on this connection, and the queue says why first.
  // It reads the file in place, or a snapshot when it cannot (see readOnlyView): never writes it.
  const view = readOnly ? readOnlyView(file) : null;
  const source = view?.file ?? file;
  let db: Sqlite;
  try {
    db = view ? openConnection(source, { readonly: true }) : await openDatabase(file);
  } catch (err) {
    view?.dispose();
    throw err;
  }
  // Callscope's own writers take turns through `writes` (across processes too), so the answering
  // connection only ever waits on another program's write: briefly, then it says so (no 5 s freeze).
  if (!readOnly) db.pragma(`busy_timeout = ${ANSWERING_BUSY_TIMEOUT_MS}`);
  const kysely = kyselyFor(db);
  const writes = readOnly ? new WriteLock(READ_ONLY_REFUSAL) : new WriteLock(undefined, writerLockFile(file));
  if (!readOnly) await ensureSettings(kysely); // the time zone and salt, on first open
  if (!readOnly) await sweepCrashLeftovers(file, writes);
  return {
    path: file,
    db,
    kysely,
    writes,
    readOnly,
    settings: () => loadSettings(kysely),
    openJobConnection: () => openConnection(source, { readonly: readOnly }),
    bulk: sqliteBulkWriter(() => openConnection(source, { readonly: readOnly })),
    async withJobDb(work) {
      const job = kyselyFor(openConnection(source, { readonly: readOnly }));
      try {
        return await work(job);
      } finally {
        await job.destroy();
      }
    },
    async close() {
      await writes.idle();
      await kysely.destroy();
      // Kysely closes `db` only if it ever ran a query: close it here either way (the WAL goes too).
      if (db.open) db.close();
      view?.dispose();
    },
  };
}

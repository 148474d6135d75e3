/**
 * A workspace: one database file, its connection for calls, its settings and its write queue.
 * Jobs open their own connections to the same file (WAL lets dashboards read meanwhile).
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { BulkWriter } from './db/bulk';
import { openSqliteStore, type SqliteStore } from './db/sqlite-store';
import { ensureSettings, loadSettings } from './settings';
import { sweepCrashLeftovers } from './leftovers';
import { WriteLock, writerLockFile } from './write-lock';
import type { Settings } from '../src-shared/api';

export interface Workspace {
  readonly path: string;
  /** The raw SQLite connection: for tests' independent checks only (services use `kysely`). */
  readonly db: SqliteStore['raw'];
  readonly kysely: Kysely<Database>;
  readonly writes: WriteLock;
  /** Opened read-only (a damaged, locked or newer file the user chose to look at): no writes. */
  readonly readOnly: boolean;
  settings(): Promise<Settings>;
  /** A raw connection of its own, for the bulk path's benchmarks; the caller closes it. */
  openJobConnection(): SqliteStore['raw'];
  /**
   * Runs `work` on a connection of its own (a job's long transaction must not hold up the
   * connection that answers the dashboards), closed after it.
   */
  withJobDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The import's bulk path (batches and their undo), each on a connection of its own. */
  readonly bulk: BulkWriter;
  close(): Promise<void>;
}

export const READ_ONLY_REFUSAL =
  'This workspace is open read-only: nothing can be changed. Restore a backup or reopen it normally to make changes.';

export async function openWorkspace(file: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  const readOnly = options.readOnly ?? false;
  // Read-only: SQLite itself refuses writes on the connection, and the queue says why first.
  const store = await openSqliteStore(file, readOnly);
  const { kysely } = store;
  const writes = readOnly ? new WriteLock(READ_ONLY_REFUSAL) : new WriteLock(undefined, writerLockFile(file));
  if (!readOnly) await ensureSettings(kysely); // the time zone and salt, on first open
  if (!readOnly) await sweepCrashLeftovers(file, writes);
  return {
    path: file,
    db: store.raw,
    kysely,
    writes,
    readOnly,
    settings: () => loadSettings(kysely),
    openJobConnection: store.openRaw,
    bulk: store.bulk,
    withJobDb: (work) => store.withJobDb(work),
    async close() {
      await writes.idle();
      await store.close();
    },
  };
}

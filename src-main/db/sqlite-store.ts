/**
 * A workspace's store on SQLite: the connection that answers calls (with Kysely over it), a job's
 * own connections, and the bulk writer — everything of the raw driver a workspace needs, so
 * workspace.ts composes engines without touching one.
 */
import { checkpointsSettled, registerAnsweringConnection } from './sqlite-checkpoint';
import type { Kysely } from 'kysely';
import type { BulkWriter } from './bulk';
import {
  kyselyFor,
  openConnection,
  openDatabase,
  readOnlyView,
  type OpenDatabaseOptions,
  type Sqlite,
} from './connection';
import type { Database } from './schema';
import { sqliteBulkWriter } from './sqlite-bulk';

export interface Store {
  readonly kysely: Kysely<Database>;
  readonly bulk: BulkWriter;
  /** Runs `work` on a connection of its own, closed after it. */
  withJobDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SqliteStore extends Store {
  /** The raw answering connection: for src-main/db/ and for tests' independent checks only. */
  readonly raw: Sqlite;
  /** A raw connection of its own (benchmarks of the bulk path); the caller closes it. */
  openRaw(): Sqlite;
}

const ANSWERING_BUSY_TIMEOUT_MS = 250;

/**
 * Opens (creating and migrating) `file`, or — read-only — reads it in place or through a snapshot
 * copy it never writes (see readOnlyView).
 */
export async function openSqliteStore(
  file: string,
  readOnly: boolean,
  open: OpenDatabaseOptions = {},
): Promise<SqliteStore> {
  const view = readOnly ? readOnlyView(file) : null;
  const source = view?.file ?? file;
  let raw: Sqlite;
  try {
    raw = view ? openConnection(source, { readonly: true }) : await openDatabase(file, open);
  } catch (err) {
    view?.dispose();
    throw err;
  }
  // Callscope's own writers take turns through the write queue (across processes too), so the
  // answering connection only ever waits on another program's write: briefly, then it says so.
  if (!readOnly) raw.pragma(`busy_timeout = ${ANSWERING_BUSY_TIMEOUT_MS}`);
  const unregister = readOnly ? () => undefined : registerAnsweringConnection(raw);
  const kysely = kyselyFor(raw);
  const openRaw = () => openConnection(source, { readonly: readOnly });
  return {
    raw,
    kysely,
    openRaw,
    bulk: sqliteBulkWriter(openRaw),
    async withJobDb(work) {
      const job = kyselyFor(openRaw());
      try {
        return await work(job);
      } finally {
        await job.destroy();
      }
    },
    async close() {
      // A large import's checkpoint may still run on its thread (sqlite-checkpoint.ts).
      await checkpointsSettled(source);
      unregister();
      await kysely.destroy();
      // Kysely closes `raw` only if it ever ran a query: close it here either way (the WAL goes too).
      if (raw.open) raw.close();
      view?.dispose();
    },
  };
}

/**
 * A workspace: one SQLite file on this machine, or a team workspace in PostgreSQL (a `postgres://`
 * URL) — its connections for calls and jobs, its settings and its write queue. Jobs work on
 * connections of their own (WAL, or the pool), so dashboards read meanwhile.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { BulkWriter } from './db/bulk';
import { openPgStore } from './db/pg-store';
import type { OpenPostgresOptions } from './db/postgres';
import { openSqliteStore, type SqliteStore } from './db/sqlite-store';
import { ensureSettings, loadSettings, settingsComplete } from './settings';
import { sweepCrashLeftovers } from './leftovers';
import { fileLock, WriteLock, writerLockFile } from './write-lock';
import { isTeamWorkspaceUrl, shownTarget } from './workspace-target';
import type { Settings } from '../src-shared/api';

export type Engine = 'sqlite' | 'postgres';

export interface Workspace {
  /** The workspace file, or a team workspace's URL without its password. */
  readonly path: string;
  readonly engine: Engine;
  /**
   * What a worker thread opens to read this workspace (an import preview): the file, or the URL
   * with the password it was opened with. A function, so that it is never serialised or shown.
   */
  readerTarget(): string;
  /**
   * The raw SQLite connection: for tests' independent checks only (services use `kysely`). A team
   * workspace has none: reading it throws.
   */
  readonly db: SqliteStore['raw'];
  readonly kysely: Kysely<Database>;
  readonly writes: WriteLock;
  /** Opened read-only (a damaged, locked or newer file the user chose to look at): no writes. */
  readonly readOnly: boolean;
  settings(): Promise<Settings>;
  /** A raw SQLite connection of its own, for the bulk path's benchmarks; the caller closes it. Throws on a team workspace. */
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

/**
 * Opens `target`: a workspace file (created if new), or a team workspace's `postgres://` URL (its
 * database migrated on first open). The password comes from the URL, PGPASSWORD or a pgpass file,
 * else from `options.password` (the desktop keychain).
 */
export interface OpenOptions {
  readOnly?: boolean;
  /** a team workspace's password when none is in the URL, the environment or pgpass (the desktop keychain) */
  password?: OpenPostgresOptions['password'];
  /** told while opening waits for another process's write (an upgrade waiting for an import) */
  onWait?: (message: string) => void;
}

export async function openWorkspace(target: string, options: OpenOptions = {}): Promise<Workspace> {
  return isTeamWorkspaceUrl(target) ? openTeamWorkspace(target, options) : openFileWorkspace(target, options);
}

async function openFileWorkspace(file: string, options: OpenOptions): Promise<Workspace> {
  const readOnly = options.readOnly ?? false;
  // Read-only: SQLite itself refuses writes on the connection, and the queue says why first.
  const store = await openSqliteStore(file, readOnly, { onWait: options.onWait });
  const { kysely } = store;
  const writes = readOnly
    ? new WriteLock(READ_ONLY_REFUSAL)
    : new WriteLock(undefined, fileLock(writerLockFile(file)));
  // the time zone and salt, on first open: under the lock, as another process may be importing
  if (!readOnly && !(await settingsComplete(kysely)))
    await writes.run(() => ensureSettings(kysely), { label: 'a Callscope opening the workspace' });
  if (!readOnly) await sweepCrashLeftovers(file, writes);
  return {
    path: file,
    engine: 'sqlite',
    readerTarget: () => file,
    db: store.raw,
    kysely,
    writes,
    readOnly,
    settings: () => loadSettings(kysely),
    openJobConnection: store.openRaw,
    bulk: store.bulk,
    withJobDb: (work) => store.withJobDb(work),
    async close() {
      await writes.close();
      await store.close();
    },
  };
}

const NO_RAW_CONNECTION = 'a team workspace (PostgreSQL) has no raw SQLite connection: use ws.kysely';

async function openTeamWorkspace(
  url: string,
  options: { readOnly?: boolean; password?: OpenPostgresOptions['password'] },
): Promise<Workspace> {
  const readOnly = options.readOnly ?? false;
  const store = await openPgStore(url, readOnly, { password: options.password });
  const { kysely } = store;
  const writes = readOnly ? new WriteLock(READ_ONLY_REFUSAL) : new WriteLock(undefined, store.writerLock());
  try {
    // Under the lock: two machines opening a new team workspace at once write its salt once. Set
    // up already (the usual case), it opens without waiting for another machine's import.
    if (!readOnly && !(await settingsComplete(kysely)))
      await writes.run(() => ensureSettings(kysely), { label: 'a Callscope opening the workspace' });
    // No file-based leftovers to sweep: backups and the lock file belong to SQLite workspaces.
    if (!readOnly) await sweepCrashLeftovers(null, writes);
  } catch (err) {
    await writes.close();
    await store.close();
    throw err;
  }
  return {
    path: shownTarget(url),
    engine: 'postgres',
    readerTarget: () => url,
    get db(): never {
      throw new Error(NO_RAW_CONNECTION);
    },
    kysely,
    writes,
    readOnly,
    settings: () => loadSettings(kysely),
    openJobConnection: () => {
      throw new Error(NO_RAW_CONNECTION);
    },
    bulk: store.bulk,
    withJobDb: (work) => store.withJobDb(work),
    async close() {
      await writes.close();
      await store.close();
    },
  };
}

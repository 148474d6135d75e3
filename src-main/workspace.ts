/**
 * A workspace: one database file, its connection for calls, its settings and its write queue.
 * Jobs open their own connections to the same file (WAL lets dashboards read meanwhile).
 */
import type { Kysely } from 'kysely';
import { kyselyFor, openConnection, openDatabase, type Sqlite } from './db/connection';
import type { Database } from './db/schema';
import { loadSettings } from './settings';
import { WriteLock } from './write-lock';
import type { Settings } from '../src-shared/api';

export interface Workspace {
  readonly path: string;
  readonly db: Sqlite;
  readonly kysely: Kysely<Database>;
  readonly writes: WriteLock;
  settings(): Settings;
  /** A separate connection for a job's transaction; the caller closes it. */
  openJobConnection(): Sqlite;
  close(): Promise<void>;
}

export async function openWorkspace(file: string): Promise<Workspace> {
  const db = await openDatabase(file);
  const kysely = kyselyFor(db);
  const writes = new WriteLock();
  loadSettings(db); // creates defaults (time zone, salt) on first open
  return {
    path: file,
    db,
    kysely,
    writes,
    settings: () => loadSettings(db),
    openJobConnection: () => openConnection(file),
    async close() {
      await writes.run(() => undefined);
      await kysely.destroy(); // closes `db` too
    },
  };
}

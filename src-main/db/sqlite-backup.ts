/**
 * The raw SQLite side of backups (src-main/backups.ts): copies made with SQLite's online backup
 * API (consistent while the app reads and writes, and seen at once by every connection when
 * copied into an open file), and the checks a copy passes before it counts.
 */
import type { Workspace } from '../workspace';
import { migrate, openConnection, schemaVersion, type Sqlite } from './connection';

/** The open workspace, or a workspace file opened just for the copy (no migration, no write). */
export type CopySource = Workspace | string;

/** Copies `source` into the new file `out`, as one file (no -wal/-shm needed to read it). */
export async function copyDatabase(source: CopySource, out: string): Promise<void> {
  await withSource(source, (db) => db.backup(out));
  // The copy keeps the workspace's WAL mode; a backup is one file.
  const copy = openConnection(out);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

async function withSource(source: CopySource, work: (db: Sqlite) => Promise<unknown>): Promise<void> {
  if (typeof source !== 'string') {
    await work(source.db);
    return;
  }
  const db = openConnection(source);
  try {
    await work(db);
  } finally {
    db.close();
  }
}

/** Throws with the reason when `file` is not a sound Callscope database (read-only: never changes it). */
export function checkDatabaseFile(file: string): void {
  const db = openConnection(file, { readonly: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity check: ${String(result)}`);
    if (schemaVersion(db) < 1) throw new Error('it holds no Callscope schema');
  } finally {
    db.close();
  }
}

/** The schema version of a database file (opened read-only). */
export function fileSchemaVersion(file: string): number {
  const db = openConnection(file, { readonly: true });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/** Copies the database file `source` over `target` (a file no connection holds open). */
export async function copyDatabaseFileOver(source: string, target: string): Promise<void> {
  const from = openConnection(source, { readonly: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
}

/**
 * Replaces the open workspace's content with `source`'s: every connection sees the restored data.
 * A copy from before a migration comes back at its old schema: it is brought up to date.
 */
export async function restoreWorkspaceFrom(ws: Workspace, source: string): Promise<void> {
  await copyDatabaseFileOver(source, ws.path);
  await migrate(ws.db, ws.path);
}

/**
 * Opening a workspace database: pragmas, a safety backup, then the migrations. Every connection
 * (the one answering calls and each job's own) is opened here so all share the same pragmas.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { runSqliteMigrations } from './migrator';
import type { Database } from './schema';
import { takeFileLock, writerLockFile } from '../write-lock';

export type Sqlite = BetterSqlite3.Database;

/** Why a workspace file could not be opened; each kind has its own way out (see session.ts). */
export type OpenFailureKind = 'newer_schema' | 'corrupt' | 'locked' | 'read_only' | 'unreadable';

export class WorkspaceOpenError extends Error {
  constructor(
    message: string,
    readonly kind: OpenFailureKind,
  ) {
    super(message);
    this.name = 'WorkspaceOpenError';
  }
}

/** Names what went wrong opening `file` in words a team lead can act on (SQLite's and the OS's codes). */
export function describeOpenFailure(file: string, err: unknown): WorkspaceOpenError {
  if (err instanceof WorkspaceOpenError) return err;
  const code = err !== null && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code) || /not a database|malformed/i.test(detail)) {
    return new WorkspaceOpenError(
      `${file} is damaged or is not a Callscope workspace (${detail}).`,
      'corrupt',
    );
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
    return new WorkspaceOpenError(
      `${file} is in use by another program (${detail}). Close it — another Callscope, a sync or backup ` +
        'tool — and try again.',
      'locked',
    );
  }
  if (/^SQLITE_READONLY/.test(code) || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new WorkspaceOpenError(
      `${file} cannot be written (${detail}): the file or its folder is read-only for this user.`,
      'read_only',
    );
  }
  return new WorkspaceOpenError(`${file} cannot be opened (${detail}).`, 'unreadable');
}

// better-sqlite3 reads this once, when it loads SQLite (at its first open): with it, a file name
// may be a `file:` URI, which is how SQLite is told a file is immutable (readsInPlaceImmutable).
process.env.SQLITE_USE_URI ??= '1';

/**
 * Whether a read-only look may tell SQLite the file is immutable, so that it reads the file as it
 * is and creates nothing beside it (no `-wal`, no `-shm`, no locks): only when nothing can change
 * it underneath — its filesystem refuses writes (EROFS, for root too) — and it has no write-ahead
 * log beside it whose committed pages immutable mode would not see (then a snapshot copy serves).
 */
export function readsInPlaceImmutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EROFS') return false;
  }
  try {
    return fs.statSync(`${file}-wal`).size === 0;
  } catch {
    return true; // no -wal
  }
}

function openSqlite(file: string, readonly: boolean): Sqlite {
  if (readonly && readsInPlaceImmutable(file)) {
    const uri = `${pathToFileURL(path.resolve(file)).href}?immutable=1`;
    try {
      return new BetterSqlite3(uri, { readonly: true, fileMustExist: true });
    } catch {
      // URIs not enabled (SQLite was loaded before this module): opened as a plain file below
    }
  }
  return new BetterSqlite3(file, { readonly, fileMustExist: readonly });
}

/** Opens one connection with the workspace pragmas (no migrations). */
export function openConnection(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const db = openSqlite(file, options.readonly ?? false);
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw describeOpenFailure(file, err);
  }
  return db;
}

export function schemaVersion(db: Sqlite): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file to the latest schema, through Kysely's Migrator (migrator.ts). An existing
 * workspace is first copied with SQLite's online backup API into `backups/` beside it, so a
 * failed upgrade can always be undone.
 */
export async function migrate(
  db: Sqlite,
  file: string,
  migrations: readonly Migration[] = shippedMigrations,
): Promise<{ from: number; to: number; backup: string | null }> {
  const from = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new WorkspaceOpenError(
      `${file} was written by a newer Callscope (schema ${from}, this version knows ${latest}). ` +
        'Update Callscope, or restore a backup.',
      'newer_schema',
    );
  }
  if (from === latest) return { from, to: from, backup: null };
  let backup: string | null = null;
  if (from > 0) {
    const dir = path.join(path.dirname(file), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backup = path.join(dir, `${path.basename(file, path.extname(file))}.before-v${latest}.${stamp}.sqlite`);
    await db.backup(backup);
  }
  await runSqliteMigrations(db, from, migrations);
  return { from, to: latest, backup };
}

/** Applies the migrations after `from` directly: only for a read-only view's throwaway copy. */
function applyMigrations(db: Sqlite, from: number, migrations: readonly Migration[]): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Where a read-only look at a workspace reads from, and how to let go of it. */
export interface ReadOnlyView {
  /** the file itself, or a snapshot copy in a private temp folder */
  file: string;
  snapshot: boolean;
  dispose(): void;
}

/** Opens `file` read-only and reads its schema version, or null when SQLite cannot read it in place. */
function versionInPlace(file: string): number | null {
  try {
    const db = openConnection(file, { readonly: true });
    try {
      return schemaVersion(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * A read-only look never writes the workspace, not even to migrate it. It reads the file in place
 * when SQLite can (at the latest schema, or a newer one it only reads; on a read-only filesystem
 * as an immutable file, see readsInPlaceImmutable). Otherwise it reads a snapshot copy in a temp
 * folder: a file SQLite cannot read in place (in WAL mode it needs to create the `-shm` beside
 * it, which a folder it may not write refuses), or one at an older schema, which is migrated in
 * the copy only. The copy is removed by `dispose`.
 */
export function readOnlyView(
  file: string,
  migrations: readonly Migration[] = shippedMigrations,
): ReadOnlyView {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const inPlace = versionInPlace(file);
  if (inPlace !== null && inPlace >= latest) return { file, snapshot: false, dispose: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-readonly-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    // Committed pages still in the WAL belong to the workspace: copied with it.
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = openConnection(copy);
    try {
      const from = schemaVersion(db);
      if (from < latest) applyMigrations(db, from, migrations);
    } finally {
      db.close();
    }
    return { file: copy, snapshot: true, dispose };
  } catch (err) {
    dispose();
    throw describeOpenFailure(file, err);
  }
}

/**
 * Whether a read-only look at `file` can work: SQLite reads it (in place or as a snapshot, see
 * readOnlyView) at a schema this version knows, an older one (migrated in the snapshot) or a newer one.
 */
export function canOpenReadOnly(file: string): boolean {
  let view: ReadOnlyView | null = null;
  try {
    view = readOnlyView(file);
    const db = openConnection(view.file, { readonly: true });
    try {
      db.prepare('SELECT count(*) FROM settings').get();
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  } finally {
    view?.dispose();
  }
}

export function kyselyFor(db: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
}

/**
 * A Kysely on a read-only connection of its own to `file` (a worker's look at the workspace),
 * opened at its first query; `destroy()` closes it.
 */
export function openReadOnlyKysely(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: () => Promise.resolve(openConnection(file, { readonly: true })) }),
  });
}

export interface OpenDatabaseOptions {
  /** the migrations this Callscope knows (tests add one to play a newer version) */
  migrations?: readonly Migration[];
  /** told once per holder while an upgrade waits for another process's write ("waiting for …") */
  onWait?: (message: string) => void;
  /** how long an upgrade waits for another process's write before giving up */
  lockWaitMs?: number;
}

/** An import of millions of rows takes minutes; a lock held longer than this is someone stuck. */
export const MIGRATION_LOCK_WAIT_MS = 30 * 60_000;
const MIGRATION_LABEL = 'a Callscope upgrading the workspace';

function waited(ms: number): string {
  const [n, unit] = ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.round(ms / 1000), 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * Migrates `db` holding the workspace's cross-process write lock: another process's import writes
 * the file in one long transaction, so an upgrade waits in line for it (saying so) rather than
 * failing on SQLite's busy timeout, and gives up in words after `lockWaitMs`.
 */
async function migrateInTurn(db: Sqlite, file: string, options: OpenDatabaseOptions): Promise<void> {
  const migrations = options.migrations ?? shippedMigrations;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (schemaVersion(db) >= latest) {
    await migrate(db, file, migrations); // nothing to do, or the newer-schema refusal
    return;
  }
  let holder = '';
  const release = await takeFileLock(
    writerLockFile(file),
    MIGRATION_LABEL,
    (message) => {
      holder = message;
      options.onWait?.(message);
    },
    true,
    options.lockWaitMs ?? MIGRATION_LOCK_WAIT_MS,
  );
  if (release === null) {
    throw new WorkspaceOpenError(
      `${file} needs an upgrade, and Callscope gave up ${holder || 'waiting for another write to finish'} ` +
        `after ${waited(options.lockWaitMs ?? MIGRATION_LOCK_WAIT_MS)}: nothing was changed. Try again once it ` +
        'has finished, or close the Callscope that is writing.',
      'locked',
    );
  }
  try {
    await migrate(db, file, migrations); // re-reads the version: another Callscope may have upgraded it meanwhile
  } finally {
    release();
  }
}

/** Opens (creating if needed) and migrates a workspace file; failures are WorkspaceOpenErrors. */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Sqlite> {
  let db: Sqlite | null = null;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // SQLite silently opens a write-protected file read-only; say so now, not at the first save.
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    db = openConnection(file);
    await migrateInTurn(db, file, options);
    return db;
  } catch (err) {
    db?.close();
    throw describeOpenFailure(file, err);
  }
}

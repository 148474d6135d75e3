/**
 * Opening a workspace database: pragmas, a safety backup, then the migrations. Every connection
 * (the one answering calls and each job's own) is opened here so all share the same pragmas.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as shippedMigrations, type Migration } from './migrations';
import type { Database } from './schema';

export type Sqlite = BetterSqlite3.Database;

export class WorkspaceOpenError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer_schema' | 'not_a_database' | 'unreadable',
  ) {
    super(message);
    this.name = 'WorkspaceOpenError';
  }
}

/** Opens one connection with the workspace pragmas (no migrations). */
export function openConnection(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const db = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    if (err instanceof Error && /not a database|malformed/i.test(err.message)) {
      throw new WorkspaceOpenError(`${file} is not a Callscope workspace (${err.message})`, 'not_a_database');
    }
    throw err;
  }
  return db;
}

export function schemaVersion(db: Sqlite): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file to the latest schema. An existing workspace is first copied with SQLite's
 * online backup API into `backups/` beside it, so a failed upgrade can always be undone.
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
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest, backup };
}

export function kyselyFor(db: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
}

/** Opens (creating if needed) and migrates a workspace file. */
export async function openDatabase(file: string): Promise<Sqlite> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = openConnection(file);
  try {
    await migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

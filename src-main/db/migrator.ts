/**
 * Both engines' migrations run through Kysely's Migrator, from static lists (a provider of our
 * own, not a folder: bundling cannot lose them). A migration's Migrator name is its version,
 * zero-padded, so the Migrator's alphabetical order is the version order and renaming a
 * migration's description changes nothing recorded.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  sql,
  SqliteDialect,
  type Migration as KyselyMigration,
  type MigrationProvider,
} from 'kysely';
import type { Migration } from './migrations';
import type { Database } from './schema';

/** The Migrator's own table (its default name): which migrations ran, by name. */
export const MIGRATION_TABLE = 'kysely_migration';
export const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';

export function migrationName(version: number): string {
  return String(version).padStart(4, '0');
}

/** A provider over a list already in memory. */
export function staticProvider(migrations: Record<string, KyselyMigration>): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations) };
}

/** Throws the Migrator's error, if any (it returns errors rather than throwing them). */
export function throwIfFailed(result: { error?: unknown }): void {
  if (result.error !== undefined) throw result.error;
}

/** The versions the Migrator recorded as run, or [] before it first ran. */
export async function recordedVersions(db: Kysely<Database>): Promise<number[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((r) => Number(r.name));
}

/**
 * Runs the SQLite migrations after `from` through the Migrator. Each runs in a transaction of its
 * own that also sets `PRAGMA user_version` (older Callscopes read it to refuse a newer schema, and
 * it stays the truth here): SQLite's Migrator opens no transaction itself (its adapter claims no
 * transactional DDL) and records a migration just after it, so a crash between the two is
 * mended by the next open, which records what user_version says is done.
 */
export async function runSqliteMigrations(
  raw: BetterSqlite3.Database,
  from: number,
  migrations: readonly Migration[],
): Promise<void> {
  recordSqliteHistory(raw, from, migrations);
  const list: Record<string, KyselyMigration> = {};
  for (const m of migrations) {
    list[migrationName(m.version)] = {
      up: () => {
        raw.transaction(() => {
          m.up(raw);
          raw.pragma(`user_version = ${m.version}`);
        })();
        return Promise.resolve();
      },
    };
  }
  // Over the same connection (never destroyed: that would close it).
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  throwIfFailed(await new Migrator({ db, provider: staticProvider(list) }).migrateToLatest());
}

/**
 * The bridge from workspaces migrated before the Migrator: the first `from` migrations (the
 * file's user_version) are recorded as done, and none after them.
 */
function recordSqliteHistory(
  raw: BetterSqlite3.Database,
  from: number,
  migrations: readonly Migration[],
): void {
  raw.transaction(() => {
    // The Migrator's own definition of its table (it finds it and does not create it again).
    raw.exec(
      `CREATE TABLE IF NOT EXISTS ${MIGRATION_TABLE} ` +
        '(name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)',
    );
    raw.prepare(`DELETE FROM ${MIGRATION_TABLE} WHERE name > ?`).run(migrationName(from));
    const record = raw.prepare(
      `INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    );
    const at = new Date().toISOString();
    for (const m of migrations) if (m.version <= from) record.run(migrationName(m.version), at);
  })();
}

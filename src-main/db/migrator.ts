/**
 * Both engines' migrations run through Kysely's Migrator, from static lists (a provider of our
 * own, not a folder: bundling cannot lose them). A migration's Migrator name is its version,
 * zero-padded, so the Migrator's alphabetical order is the version order and renaming a
 * migration's description changes nothing recorded.
 */
import {
  Migrator,
  sql,
  type Kysely,
  type Migration as KyselyMigration,
  type MigrationProvider,
} from 'kysely';
import { WorkspaceOpenError } from './connection';
import { pgMigrations, type PgMigration } from './pg-migrations';
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
 * Brings a team workspace's database to the latest schema. All pending migrations run in one
 * transaction under the Migrator's lock (a PostgreSQL advisory lock), so two Callscopes opening
 * a new database at once migrate it once.
 */
export async function migratePostgres(
  db: Kysely<Database>,
  where: string,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<{ from: number; to: number }> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const recorded = await recordedVersions(db);
  const from = Math.max(0, ...recorded);
  const known = new Set(migrations.map((m) => m.version));
  if (recorded.some((v) => !known.has(v))) {
    throw new WorkspaceOpenError(
      `${where} was set up by a newer Callscope (schema ${from}, this version knows ${latest}). ` +
        'Update Callscope on this machine.',
      'newer_schema',
    );
  }
  const list: Record<string, KyselyMigration> = {};
  for (const m of migrations) list[migrationName(m.version)] = { up: (trx: Kysely<unknown>) => m.up(trx) };
  const migrator = new Migrator({ db, provider: staticProvider(list) });
  throwIfFailed(await migrator.migrateToLatest());
  return { from, to: latest };
}

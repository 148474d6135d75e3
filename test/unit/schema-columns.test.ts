/**
 * src-main/db/schema.ts (what the services are typed against) against the live columns of both
 * engines after every migration: a freshly migrated SQLite workspace (`pragma table_info`) and a
 * freshly migrated PostgreSQL database (information_schema.columns) — the same tables, columns,
 * nullability and kind of value; and the two engines against each other (types and indexes).
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../src-main/db/connection';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from '../../src-main/db/migrator';
import { openPostgresWorkspace } from '../../src-main/db/postgres';
import type { Database } from '../../src-main/db/schema';
import { REPO, tempDir } from '../helpers';
import { useTestDatabase } from '../pg-server';
import { declaredTables, type DeclaredColumn } from '../schema-declared';

/** The Migrator's bookkeeping, not the workspace's data. */
const MIGRATOR_TABLES = new Set([MIGRATION_TABLE, MIGRATION_LOCK_TABLE]);

interface LiveColumn {
  name: string;
  nullable: boolean;
  /** the engine's own type name, lower case */
  type: string;
}

type Tables = Map<string, LiveColumn[]>;

/** Rows of SQLite's pragmas and catalogue, as far as read here. */
interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface ForeignKeyRow {
  table: string;
  from: string;
  on_delete: string;
}
interface IndexRow {
  name: string;
  sql: string;
}

/** SQLite's declared type → what the TypeScript side holds (STRICT tables: exactly these three). */
const SQLITE_HOLDS: Record<string, DeclaredColumn['holds']> = {
  integer: 'number',
  real: 'number',
  text: 'string',
};
const POSTGRES_HOLDS: Record<string, DeclaredColumn['holds']> = {
  integer: 'number',
  bigint: 'number',
  'double precision': 'number',
  text: 'string',
};

const declared = declaredTables(path.join(REPO, 'src-main/db/schema.ts'));
const pgDb = useTestDatabase();
let sqlite: Sqlite;
let postgres: Kysely<Database>;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  sqlite = await openDatabase(path.join(dir, 'workspace.sqlite'));
  postgres = (await openPostgresWorkspace(pgDb.url)).db;
});

afterAll(async () => {
  sqlite?.close();
  await postgres?.destroy();
});

function sqliteTables(): Tables {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all()
    .map(String);
  const tables: Tables = new Map();
  for (const table of names.filter((n) => !MIGRATOR_TABLES.has(n))) {
    const info = sqlite.pragma(`table_info(${table})`) as TableInfoRow[];
    // A primary key column is never null: an INTEGER PRIMARY KEY is the rowid, and every other
    // key here is NOT NULL or in a WITHOUT ROWID table (which enforces it).
    tables.set(
      table,
      info.map((c) => ({
        name: c.name,
        nullable: c.notnull === 0 && c.pk === 0,
        type: c.type.toLowerCase(),
      })),
    );
  }
  return tables;
}

async function postgresTables(): Promise<Tables> {
  const rows = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>`
    SELECT table_name, column_name, is_nullable, data_type
    FROM information_schema.columns
    WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(postgres);
  const tables: Tables = new Map();
  for (const r of rows.rows) {
    if (MIGRATOR_TABLES.has(r.table_name)) continue;
    const columns = tables.get(r.table_name) ?? [];
    columns.push({ name: r.column_name, nullable: r.is_nullable === 'YES', type: r.data_type });
    tables.set(r.table_name, columns);
  }
  return tables;
}

/** The differences between schema.ts and one engine's live tables, one line each (none: []). */
function differences(live: Tables, holds: Record<string, DeclaredColumn['holds']>): string[] {
  const found: string[] = [];
  for (const table of declared.keys())
    if (!live.has(table)) found.push(`${table}: in schema.ts, not in the database`);
  for (const [table, columns] of live) {
    const typed = declared.get(table);
    if (!typed) {
      found.push(`${table}: in the database, not in schema.ts`);
      continue;
    }
    for (const c of typed)
      if (!columns.some((l) => l.name === c.name)) found.push(`${table}.${c.name}: no such column`);
    for (const l of columns) {
      const c = typed.find((d) => d.name === l.name);
      if (!c) found.push(`${table}.${l.name}: not in schema.ts`);
      else if (c.nullable !== l.nullable)
        found.push(
          `${table}.${l.name}: ${l.nullable ? 'nullable' : 'NOT NULL'} but schema.ts says ${c.nullable ? '| null' : 'never null'}`,
        );
      else if (c.holds !== 'mixed' && holds[l.type] !== c.holds)
        found.push(`${table}.${l.name}: ${l.type} but schema.ts holds a ${c.holds}`);
    }
  }
  return found;
}

describe('schema.ts against the live databases', () => {
  it('declares every table of the Database interface, with columns', () => {
    expect(declared.size).toBeGreaterThan(30);
    expect(declared.get('calls')?.find((c) => c.name === 'phone_hash')).toEqual({
      name: 'phone_hash',
      nullable: true,
      holds: 'string',
    });
    // Inherited (HourlyAgentStatsTable extends DailyAgentStatsTable) and Generated<…> columns count too.
    expect(declared.get('hourly_agent_stats')?.map((c) => c.name)).toContain('revenue');
    expect(declared.get('teams')?.find((c) => c.name === 'lead_name')?.nullable).toBe(true);
  });

  it('matches a freshly migrated SQLite workspace', () => {
    expect(differences(sqliteTables(), SQLITE_HOLDS)).toEqual([]);
  });

  it('matches a freshly migrated PostgreSQL database', async () => {
    expect(differences(await postgresTables(), POSTGRES_HOLDS)).toEqual([]);
  });
});

describe('the PostgreSQL schema against SQLite', () => {
  it('has the same columns in the same order, of the matching types', async () => {
    const pg = await postgresTables();
    const lite = sqliteTables();
    expect([...pg.keys()].sort()).toEqual([...lite.keys()].sort());
    for (const [table, columns] of lite) {
      const twin = pg.get(table)!;
      expect(
        twin.map((c) => c.name),
        table,
      ).toEqual(columns.map((c) => c.name));
      for (const [i, c] of columns.entries())
        expect(POSTGRES_HOLDS[twin[i]!.type], `${table}.${c.name}`).toBe(SQLITE_HOLDS[c.type]);
    }
  });

  it('compares text byte by byte, as SQLite does (BINARY), whatever the database locale', async () => {
    const other = await sql<{ col: string }>`
      SELECT table_name || '.' || column_name AS col FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'text'
        AND table_name NOT LIKE 'kysely_%' AND collation_name IS DISTINCT FROM 'C'`.execute(postgres);
    expect(other.rows.map((r) => r.col)).toEqual([]);
    // '_' (0x5F) sorts before 'a' (0x61) and 'B' (0x42) before 'a' byte by byte; most locales say otherwise.
    await postgres
      .insertInto('campaigns')
      .values([{ name: 'a1' }, { name: '_z' }, { name: 'B2' }, { name: '张' }])
      .execute();
    const names = await postgres.selectFrom('campaigns').select('name').orderBy('name').execute();
    expect(names.map((r) => r.name)).toEqual(['B2', '_z', 'a1', '张']);
    await postgres.deleteFrom('campaigns').execute();
  });

  it('has the same indexes, with the same uniqueness and partial conditions', async () => {
    const lite = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all() as IndexRow[];
    const pg = await sql<{ indexname: string; indexdef: string }>`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema()
        AND indexname NOT IN (SELECT conname FROM pg_constraint)
      ORDER BY indexname`.execute(postgres);
    const shape = (definition: string) => ({
      unique: /CREATE UNIQUE INDEX/i.test(definition),
      partial: /\bWHERE\b/i.test(definition),
    });
    expect(pg.rows.map((r) => r.indexname)).toEqual(lite.map((r) => r.name));
    for (const [i, r] of lite.entries()) expect(shape(pg.rows[i]!.indexdef), r.name).toEqual(shape(r.sql));
  });

  it('has the same foreign keys', async () => {
    const lite: string[] = [];
    for (const table of sqliteTables().keys()) {
      const fks = sqlite.pragma(`foreign_key_list(${table})`) as ForeignKeyRow[];
      for (const fk of fks) lite.push(`${table}.${fk.from} -> ${fk.table} ${fk.on_delete}`);
    }
    const pg = await sql<{ fk: string }>`
      SELECT kcu.table_name || '.' || kcu.column_name || ' -> ' || ccu.table_name || ' ' || rc.delete_rule AS fk
      FROM information_schema.referential_constraints rc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
      WHERE kcu.table_schema = current_schema()`.execute(postgres);
    expect(pg.rows.map((r) => r.fk).sort()).toEqual(lite.sort());
  });
});

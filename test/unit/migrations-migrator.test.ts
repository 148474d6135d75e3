/**
 * SQLite's migrations through Kysely's Migrator: a workspace migrated before the Migrator (only
 * `PRAGMA user_version` says how far) opens with its first N migrations recorded as done, runs
 * only the rest, and keeps user_version for older Callscopes; a crash between a migration and its
 * record is mended by the next open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  openConnection,
  openDatabase,
  schemaVersion,
  type Sqlite,
} from '../../src-main/db/connection';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/db/migrations';
import { tempDir } from '../helpers';

/** A workspace as Callscope wrote it before the Migrator: migrations 1..n applied by hand. */
function oldStyleWorkspace(file: string, n: number): void {
  const db = openConnection(file);
  for (const m of migrations.filter((x) => x.version <= n)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  db.close();
}

const padded = (v: number) => String(v).padStart(4, '0');
const recorded = (db: Sqlite) => db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
const tableCount = (db: Sqlite, name: string) =>
  db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(name);

describe('SQLite migrations through the Migrator', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records every migration of a new workspace', async () => {
    const db = await openDatabase(path.join(dir, 'new.sqlite'));
    expect(recorded(db)).toEqual(migrations.map((m) => padded(m.version)));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('takes an older workspace at user_version 9 as having run 1–9, runs 10 onwards once, keeps its rows', async () => {
    const file = path.join(dir, 'old.sqlite');
    oldStyleWorkspace(file, 9);
    const before = openConnection(file);
    before.prepare("INSERT INTO teams (name, created_at) VALUES ('销售一组', 1)").run();
    expect(tableCount(before, 'kysely_migration')).toBe(0);
    before.close();

    const db = await openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(recorded(db)).toEqual(migrations.map((m) => padded(m.version)));
    // Migration 11 ran (its column is there) and 1 did not run again (it would have failed on
    // the existing tables); the team survived.
    expect(
      db
        .prepare('SELECT comment FROM audits WHERE 0')
        .columns()
        .map((c) => c.name),
    ).toEqual(['comment']);
    expect(db.prepare('SELECT name FROM teams').pluck().all()).toEqual(['销售一组']);
    // The pre-migration backup is still taken, at the old version.
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = openConnection(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(schemaVersion(backup)).toBe(9);
    backup.close();
    db.close();
  });

  it('opens an older workspace already at the latest version without migrating or recording', async () => {
    const file = path.join(dir, 'current.sqlite');
    oldStyleWorkspace(file, LATEST_VERSION);
    const db = await openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tableCount(db, 'kysely_migration')).toBe(0);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    db.close();
  });

  it('mends a migration that ran but was not recorded (a crash between the two)', async () => {
    const file = path.join(dir, 'gap.sqlite');
    const first = await openDatabase(file);
    first.prepare('DELETE FROM kysely_migration WHERE name = ?').run(padded(LATEST_VERSION));
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'next',
      up: (d) => d.exec('CREATE TABLE next_table (x INTEGER)'),
    };
    await migrate(first, file, [...migrations, next]);
    expect(schemaVersion(first)).toBe(LATEST_VERSION + 1);
    expect(recorded(first)).toEqual([...migrations, next].map((m) => padded(m.version)));
    expect(tableCount(first, 'next_table')).toBe(1);
    first.close();
  });

  it('sets user_version inside each migration: a failure leaves the version and the record of the one before', async () => {
    const file = path.join(dir, 'fail.sqlite');
    oldStyleWorkspace(file, LATEST_VERSION);
    const db = openConnection(file);
    const ok: Migration = {
      version: LATEST_VERSION + 1,
      name: 'ok',
      up: (d) => d.exec('CREATE TABLE ok_t (x)'),
    };
    const broken: Migration = {
      version: LATEST_VERSION + 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    await expect(migrate(db, file, [...migrations, ok, broken])).rejects.toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(recorded(db).at(-1)).toBe(padded(LATEST_VERSION + 1));
    expect(tableCount(db, 'half')).toBe(0);
    db.close();
  });
});

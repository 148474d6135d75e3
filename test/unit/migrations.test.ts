import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  openConnection,
  openDatabase,
  schemaVersion,
  WorkspaceOpenError,
} from '../../src-main/db/connection';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/db/migrations';
import { openWorkspace } from '../../src-main/workspace';
import { tempDir } from '../helpers';

describe('opening and migrating a workspace', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a new workspace at the latest schema with the pragmas set', async () => {
    const db = await openDatabase(path.join(dir, 'new.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false); // nothing to back up
    db.close();
  });

  it('backs the file up with the online backup API before running a migration, then migrates in a transaction', async () => {
    const file = path.join(dir, 'old.sqlite');
    const db = await openDatabase(file);
    db.prepare("INSERT INTO teams (name, created_at) VALUES ('销售一组', 1)").run();
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test',
      up: (d) => d.exec('ALTER TABLE teams ADD COLUMN colour TEXT'),
    };
    const result = await migrate(db, file, [...migrations, next]);
    expect(result).toMatchObject({ from: LATEST_VERSION, to: LATEST_VERSION + 1 });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    const backup = openConnection(result.backup!, { readonly: true });
    expect(schemaVersion(backup)).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT name FROM teams').pluck().all()).toEqual(['销售一组']);
    backup.close();
    db.close();
  });

  it('leaves the schema as it was when a migration fails half-way', async () => {
    const file = path.join(dir, 'fail.sqlite');
    const db = await openDatabase(file);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    await expect(migrate(db, file, [...migrations, broken])).rejects.toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a workspace written by a newer Callscope, saying what to do', async () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = await openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const err = await openWorkspace(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkspaceOpenError);
    expect((err as WorkspaceOpenError).kind).toBe('newer_schema');
    expect((err as Error).message).toMatch(/newer Callscope .* Update Callscope, or restore a backup/);
  });

  it('refuses a file that is not a database', async () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(
      file,
      'this is not sqlite, just some text that is long enough to not be a header'.repeat(20),
    );
    await expect(openWorkspace(file)).rejects.toThrow(/is not a Callscope workspace/);
  });
});

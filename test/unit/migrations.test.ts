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
import { FIXTURES, tempDir } from '../helpers';

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

/**
 * Workspaces written by the code at each earlier schema version (`cli demo` plus an import with a
 * rejected row, run at the commit before the next migration; see test/fixtures/workspaces) are
 * migrated to the latest schema with every row intact and the rollups exact.
 */
describe.each([1, 2, 3])('a workspace written at schema %i', (version) => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'old.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'workspaces', `schema-v${version}.sqlite`), file);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates to the latest schema with its calls, batches, rejects and settings intact', async () => {
    const before = openConnection(file, { readonly: true });
    expect(schemaVersion(before)).toBe(version);
    const snapshot = (db: typeof before) => ({
      calls: db.prepare('SELECT * FROM calls ORDER BY id').all(),
      batches: db
        .prepare('SELECT id, file_name, status, inserted, rejected FROM import_batches ORDER BY id')
        .all(),
      rejects: db.prepare('SELECT batch_id, line, field, reason FROM import_rejects ORDER BY id').all(),
      // the columns every schema has (migration 11 adds leave day, notes and who set a name or team)
      agents: db.prepare('SELECT id, code, name, team_id, active, created_at FROM agents ORDER BY id').all(),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      // the columns of schema 1 (migration 22 adds the alert counts, checked below)
      daily: db
        .prepare(
          `SELECT day, agent_id, campaign_id, dials, connects, effective, talk_seconds, effective_talk_seconds,
             intents, sales, revenue
           FROM daily_agent_stats ORDER BY day, agent_id, campaign_id`,
        )
        .all(),
    });
    const old = snapshot(before);
    before.close();
    expect(old.calls.length).toBeGreaterThan(1000);
    expect(old.rejects).toHaveLength(1);

    const ws = await openWorkspace(file);
    try {
      expect(schemaVersion(ws.db)).toBe(LATEST_VERSION);
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(snapshot(ws.db)).toEqual(old);
      // The hourly rollup (new in 3) sums to the daily one, which the calls define.
      const hourlyByDay = ws.db
        .prepare(
          `SELECT day, agent_id, campaign_id, SUM(dials) AS dials, SUM(connects) AS connects, SUM(revenue) AS revenue
           FROM hourly_agent_stats GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        )
        .all();
      const daily = ws.db
        .prepare(
          'SELECT day, agent_id, campaign_id, dials, connects, revenue FROM daily_agent_stats ORDER BY 1, 2, 3',
        )
        .all();
      expect(hourlyByDay).toEqual(daily);
      const outbound = ws.db.prepare("SELECT COUNT(*) FROM calls WHERE direction = 'outbound'").pluck().get();
      expect(ws.db.prepare('SELECT SUM(dials) FROM hourly_agent_stats').pluck().get()).toBe(outbound);
      // The alert counts (migration 22) are filled from the calls, at the default 10 s and 30 s.
      const alertCounts = (from: string) =>
        ws.db
          .prepare(
            `SELECT day, agent_id, SUM(short_connects) AS short_connects, SUM(short_talk_seconds) AS short_talk,
               SUM(sales_without_talk) AS sales_without_talk ${from} GROUP BY 1, 2 ORDER BY 1, 2`,
          )
          .all();
      const fromCalls = ws.db
        .prepare(
          `SELECT day, agent_id,
             SUM(CASE WHEN disposition = 'connected' AND talk_seconds BETWEEN 1 AND 9 THEN 1 ELSE 0 END) AS short_connects,
             SUM(CASE WHEN disposition = 'connected' AND talk_seconds BETWEEN 1 AND 9 THEN talk_seconds ELSE 0 END) AS short_talk,
             SUM(CASE WHEN is_sale = 1 AND talk_seconds < 30 THEN 1 ELSE 0 END) AS sales_without_talk
           FROM calls WHERE direction = 'outbound' GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all() as { short_connects: number; sales_without_talk: number }[];
      expect(fromCalls.some((r) => r.short_connects > 0)).toBe(true);
      expect(alertCounts('FROM daily_agent_stats')).toEqual(fromCalls);
      expect(alertCounts('FROM hourly_agent_stats')).toEqual(fromCalls);
      // It was backed up first, at its own version.
      const backups = fs.readdirSync(path.join(dir, 'backups'));
      expect(backups).toHaveLength(1);
      const backup = openConnection(path.join(dir, 'backups', backups[0]!), { readonly: true });
      expect(schemaVersion(backup)).toBe(version);
      backup.close();
    } finally {
      await ws.close();
    }
  });
});

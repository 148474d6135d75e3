/**
 * A workspace that cannot be written opens read-only and is never written: on a read-only
 * filesystem (a real read-only bind mount), as a mode-444 file read by another user, and at an
 * older schema read by a command that only reads (migrated in a snapshot, never in place).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../src-shared/api';
import BetterSqlite3 from 'better-sqlite3';
import { openConnection, readOnlyView, readsInPlaceImmutable } from '../../src-main/db/connection';
import { openSession } from '../../src-main/session';
import { CLI_COMMAND, FIXTURES, openTestWorkspace, REPO, runCli, tempDir } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * By hand from the fixture's 15 rows: C012 (2026-11-31), C013 (disposition `hung_up`) and C014
 * (no agent code) are rejected, 12 calls are stored; dials are the outbound ones: 8001 C001-C005,
 * 8002 C006-C009 (C010 is inbound), 8003 C011 and C015.
 */
const STORED_CALLS = 12;
const DIALS_BY_AGENT = { '8001': 5, '8002': 4, '8003': 2 };

function metricsDials(result: {
  status: number | null;
  stdout: string;
  stderr: string;
}): Record<string, number> {
  expect(result.stderr).not.toContain('cannot be written');
  expect(result.status).toBe(0);
  const { rows } = JSON.parse(result.stdout) as { rows: { key: string; dials: number }[] };
  return Object.fromEntries(rows.map((r) => [r.key, r.dials]));
}

const METRICS = ['metrics', '--from', '2026-11-01', '--to', '2026-11-30', '--by', 'agent', '--json'];

/** A closed workspace file holding the basic fixture, in a folder of its own (SQLite: these are files' modes and mounts). */
async function workspaceWithCalls(): Promise<{ dir: string; file: string }> {
  const t = await openTestWorkspace(undefined, { engine: 'sqlite' });
  expect((await t.importFile(BASIC)).status).toBe('done');
  await t.api.close();
  await t.ws.close();
  return { dir: t.dir, file: t.file };
}

describe('a workspace on a read-only filesystem', () => {
  let source: { dir: string; file: string };
  let mounted: string;
  let canMount = false;
  beforeAll(async () => {
    source = await workspaceWithCalls();
    // A copy taken while a writer had a commit only in its write-ahead log (as a crash leaves it).
    const writer = new BetterSqlite3(source.file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("INSERT INTO teams (name, created_at) VALUES ('only in the WAL', 1)");
    fs.copyFileSync(source.file, path.join(source.dir, 'crashed.sqlite'));
    fs.copyFileSync(`${source.file}-wal`, path.join(source.dir, 'crashed.sqlite-wal'));
    writer.exec("DELETE FROM teams WHERE name = 'only in the WAL'");
    writer.close();
    mounted = tempDir('callscope-ro-mount-');
    canMount = spawnSync('mount', ['--bind', '-o', 'ro', source.dir, mounted]).status === 0;
  });
  afterAll(() => {
    if (canMount) spawnSync('umount', [mounted]);
    fs.rmSync(mounted, { recursive: true, force: true });
    fs.rmSync(source.dir, { recursive: true, force: true });
  });

  it('opens read-only at once, answers reads, and nothing is written', async (ctx) => {
    if (!canMount) return ctx.skip(); // needs root to bind-mount
    const file = path.join(mounted, 'workspace.sqlite');
    const before = fs.readdirSync(source.dir).sort();
    const session = await openSession(file);
    expect(session.state()).toMatchObject({ state: 'open', readOnly: true, readOnlyBecause: 'read_only' });
    // "Recovery options" shows why, with the ways out; from there it opens read-only again.
    const failed = await session.dispatch('session.retry', {});
    expect(failed.ok && (failed.value as SessionState)).toMatchObject({
      state: 'failed',
      kind: 'read_only',
      canOpenReadOnly: true,
    });
    const opened = await session.dispatch('session.openReadOnly', {});
    expect(opened.ok && (opened.value as SessionState)).toMatchObject({
      state: 'open',
      readOnly: true,
      readOnlyBecause: 'read_only',
    });
    const info = await session.dispatch('workspace.info', {});
    expect(info.ok && (info.value as { calls: number }).calls).toBe(STORED_CALLS);
    const refused = await session.dispatch('teams.create', { name: 'East' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await session.close();
    expect(fs.readdirSync(source.dir).sort()).toEqual(before);
  });

  it('reads the file in place as immutable: no copy, and SQLite creates nothing beside it', (ctx) => {
    if (!canMount) return ctx.skip();
    const file = path.join(mounted, 'workspace.sqlite');
    const before = fs.readdirSync(source.dir).sort();
    expect(before).not.toContain('workspace.sqlite-wal');
    expect(readsInPlaceImmutable(file)).toBe(true);
    const view = readOnlyView(file);
    expect(view).toMatchObject({ file, snapshot: false });
    const db = openConnection(view.file, { readonly: true });
    try {
      // a WAL workspace (header bytes 18-19 are 2), read without the -shm WAL needs
      expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([2, 2]);
      expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(STORED_CALLS);
    } finally {
      db.close();
      view.dispose();
    }
    expect(fs.readdirSync(source.dir).sort()).toEqual(before);
    // The same file where it can be written is never taken as immutable (another process may write it).
    expect(readsInPlaceImmutable(source.file)).toBe(false);
  });

  it('reads a file left with a write-ahead log through a snapshot that holds its commits', (ctx) => {
    if (!canMount) return ctx.skip();
    const file = path.join(mounted, 'crashed.sqlite');
    expect(readsInPlaceImmutable(file)).toBe(false); // immutable would not see the log
    const view = readOnlyView(file);
    try {
      expect(view.snapshot).toBe(true);
      const db = openConnection(view.file, { readonly: true });
      expect(db.prepare('SELECT name FROM teams').pluck().all()).toContain('only in the WAL');
      db.close();
    } finally {
      view.dispose();
    }
  });

  it('answers `metrics` from the command line', (ctx) => {
    if (!canMount) return ctx.skip();
    const r = runCli([...METRICS, '--db', path.join(mounted, 'workspace.sqlite')]);
    expect(metricsDials(r)).toEqual(DIALS_BY_AGENT);
  });
});

describe('a mode-444 workspace read by a user who cannot write it', () => {
  it('`metrics` and `report` read it read-only and leave it as it was', async (ctx) => {
    const { dir, file } = await workspaceWithCalls();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o755);
    const out = tempDir('callscope-ro-out-');
    fs.chmodSync(out, 0o777);
    const before = sha256(file);
    const listing = fs.readdirSync(dir).sort();
    // As nobody (uid 65534): root writes whatever the mode says.
    const asNobody = (args: string[]) =>
      spawnSync(
        'setpriv',
        ['--reuid', '65534', '--regid', '65534', '--clear-groups', ...CLI_COMMAND, ...args],
        {
          cwd: REPO,
          encoding: 'utf8',
          env: { ...process.env, HOME: out },
          timeout: 120_000,
        },
      );
    const probe = asNobody(['metrics', '--db', file, '--from', '2026-11-01', '--to', '2026-11-01']);
    if (probe.error || /Permission denied|EACCES/.test(probe.stderr ?? '')) {
      fs.rmSync(dir, { recursive: true, force: true });
      return ctx.skip(); // this machine cannot run the CLI as another user
    }
    expect(metricsDials(asNobody([...METRICS, '--db', file]))).toEqual(DIALS_BY_AGENT);
    const report = asNobody([
      'report',
      '--db',
      file,
      '--month',
      '2026-11',
      '--format',
      'csv',
      '--lang',
      'en',
      '--out',
      path.join(out, 'r'),
    ]);
    expect(report.stderr).not.toContain('cannot be written');
    expect(report.status).toBe(0);
    expect(fs.readdirSync(path.join(out, 'r')).length).toBeGreaterThan(0);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }, 240_000);
});

describe('an old-schema workspace read by `metrics`', () => {
  it('is read through a migrated snapshot and never migrated in place', () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'workspaces/schema-v2.sqlite'), file);
    const before = sha256(file);
    const r = runCli(['metrics', '--db', file, '--from', '2000-01-01', '--to', '2099-12-31', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['workspace.sqlite']); // no backups/, no -wal, no -shm
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

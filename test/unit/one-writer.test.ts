/**
 * One writer at a time, said in words: a second import (another process) waits in line saying
 * whose import it waits for; an app write during a CLI import waits without freezing reads; a
 * killed import's lock does not hold anyone up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src-main/db/connection';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/db/migrations';
import { processAlive } from '../../src-main/owned-temp';
import { writerLockFile } from '../../src-main/write-lock';
import { writeCallLog } from '../call-log';
import { CLI_COMMAND, openTestWorkspace, REPO, type TestWorkspace } from '../helpers';

const ROWS = 50_000;

function cliImport(
  db: string,
  file: string,
): {
  child: ChildProcess;
  stderr: () => string;
  result: Promise<{ code: number | null; stderr: string }>;
} {
  const [node, ...cli] = CLI_COMMAND;
  const child = spawn(node, [...cli, 'import', file, '--db', db, '--tz', 'Asia/Shanghai'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout!.resume();
  const result = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, stderr: () => stderr, result };
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The pid of the process holding the workspace's writer lock for the import of `fileName`, as the
 * lock file names it (not assumed to be the spawned pid). A CLI import with --tz into a
 * workspace without days first sets its zone, a short write of its own: that lock is not it.
 */
async function importLockHolder(db: string, fileName: string): Promise<number> {
  let pid = 0;
  await until(() => {
    try {
      const holder = JSON.parse(fs.readFileSync(writerLockFile(db), 'utf8')) as {
        pid: number;
        label: string;
      };
      pid = holder.pid;
      return holder.label.includes(fileName);
    } catch {
      return false; // not there yet, or caught half-written
    }
  });
  return pid;
}

/**
 * Runs `whilePaused` with the import's process stopped while it holds the lock, so how fast this
 * machine imports cannot end the wait before the other writer asks.
 */
async function withHolderPaused<T>(pid: number, whilePaused: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await whilePaused();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/** A newer Callscope: it knows one migration more than the workspace has. */
const newer: Migration[] = [
  ...migrations,
  {
    version: LATEST_VERSION + 1,
    name: 'newer',
    up: (d) => d.exec('ALTER TABLE teams ADD COLUMN colour TEXT'),
  },
];

describe('one writer at a time', () => {
  let t: TestWorkspace;
  let first: string;
  beforeEach(async () => {
    // SQLite: the lock file, and another program holding the file (PostgreSQL's advisory lock is
    // proven in team-workspace.test.ts and pg-bulk.test.ts).
    t = await openTestWorkspace(undefined, { engine: 'sqlite' });
    first = path.join(t.dir, 'first.csv');
    writeCallLog(first, 'A', ROWS);
  });
  afterEach(() => t.close());

  it('a second CLI import waits in line, saying for whose import, and both land', async () => {
    const second = path.join(t.dir, 'second.csv');
    writeCallLog(second, 'B', 1000);
    const a = cliImport(t.file, first);
    const holder = await importLockHolder(t.file, 'first.csv');
    const b = await withHolderPaused(holder, async () => {
      const b = cliImport(t.file, second);
      await until(() => b.stderr().includes('second.csv: waiting for the import of first.csv to finish\n'));
      return b;
    });
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const batches = t.ws.db
      .prepare("SELECT file_name AS name, inserted FROM import_batches WHERE status = 'done' ORDER BY id")
      .all();
    expect(batches).toEqual([
      { name: 'first.csv', inserted: ROWS },
      { name: 'second.csv', inserted: 1000 },
    ]);
    expect(fs.existsSync(writerLockFile(t.file))).toBe(false);
  }, 240_000);

  it('an app write during a CLI import waits for it while reads keep answering', async () => {
    const cli = cliImport(t.file, first);
    const holder = await importLockHolder(t.file, 'first.csv');
    let saved = false;
    const saving = t.call('settings.update', { effectiveThresholdSeconds: 45 }).then((s) => {
      saved = true;
      return s;
    });
    await withHolderPaused(holder, async () => {
      for (let read = 0; read < 20; read++) {
        const summary = await t.call('metrics.summary', {
          filter: { from: '2026-11-01', to: '2026-11-30' },
        });
        expect(summary.current.dials).toBe(0); // the import's rows are not visible before it commits
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(saved).toBe(false);
      expect((await t.call('settings.get')).effectiveThresholdSeconds).not.toBe(45);
    });
    expect((await cli.result).code).toBe(0);
    expect((await saving).effectiveThresholdSeconds).toBe(45);
    expect(t.ws.db.prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: ROWS });
  }, 240_000);

  it('a newer Callscope opening the workspace during a CLI import waits for it, then migrates with the data intact', async () => {
    const cli = cliImport(t.file, first);
    const holder = await importLockHolder(t.file, 'first.csv');
    const waits: string[] = [];
    const opening = await withHolderPaused(holder, async () => {
      const opening = openDatabase(t.file, { migrations: newer, onWait: (m) => waits.push(m) });
      await until(() => waits.length > 0);
      expect(waits).toEqual(['waiting for the import of first.csv to finish']);
      // still waiting: the file is as the import found it
      expect(t.ws.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      return { opening }; // not the promise itself: returning it would wait for it, paused
    });
    const db = await opening.opening;
    try {
      expect((await cli.result).code).toBe(0);
      expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
      expect(
        db.prepare("SELECT count(*) FROM pragma_table_info('teams') WHERE name = 'colour'").pluck().get(),
      ).toBe(1);
      expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(ROWS);
      expect(
        db.prepare("SELECT file_name AS name, inserted FROM import_batches WHERE status = 'done'").all(),
      ).toEqual([{ name: 'first.csv', inserted: ROWS }]);
    } finally {
      db.close();
    }
    expect(fs.existsSync(writerLockFile(t.file))).toBe(false);
  }, 240_000);

  it('an upgrade that waits past its bound gives up in words, changing nothing', async () => {
    // A live process (this one) holds the lock for an import.
    fs.writeFileSync(
      writerLockFile(t.file),
      JSON.stringify({ pid: process.pid, token: 'held-by-the-test', label: 'the import of big.csv' }),
    );
    try {
      await expect(openDatabase(t.file, { migrations: newer, lockWaitMs: 2000 })).rejects.toThrow(
        `${t.file} needs an upgrade, and Callscope gave up waiting for the import of big.csv to finish after ` +
          '2 seconds: nothing was changed. Try again once it has finished, or close the Callscope that is writing.',
      );
      expect(t.ws.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      fs.rmSync(writerLockFile(t.file));
    }
  });

  it('a killed import leaves a lock that holds nobody up', async () => {
    const cli = cliImport(t.file, first);
    const pid = await importLockHolder(t.file, 'first.csv');
    process.kill(pid, 'SIGKILL');
    cli.child.kill('SIGKILL');
    await cli.result;
    expect(fs.existsSync(writerLockFile(t.file))).toBe(true);
    // Once the process is gone (a zombie counts as gone), its lock is taken over at once: the
    // write does not wait and says nothing.
    await until(() => !processAlive(pid));
    const waits: string[] = [];
    await t.ws.writes.run(() => undefined, { onWait: (message) => waits.push(message) });
    expect(waits).toEqual([]);
    await t.call('settings.update', { effectiveThresholdSeconds: 40 });
    expect(fs.existsSync(writerLockFile(t.file))).toBe(false);
    expect(t.ws.db.prepare("SELECT count(*) AS n FROM import_batches WHERE status = 'done'").get()).toEqual({
      n: 0,
    });
  }, 240_000);

  it('an app write while another program holds the database is refused in words at once', async () => {
    const other = new BetterSqlite3(t.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const outcome = await t.api.dispatch('settings.update', { effectiveThresholdSeconds: 50 });
      // The answering connection waits a quarter second, not SQLite's usual 5 s (read, not timed:
      // a loaded machine would make a timing say nothing).
      expect(t.ws.db.pragma('busy_timeout', { simple: true })).toBe(250);
      expect(outcome).toEqual({
        ok: false,
        error: {
          code: 'busy',
          message: 'Another program is writing to this workspace; try again in a moment.',
        },
      });
      // Reads answer meanwhile.
      expect((await t.call('settings.get')).timeZone).toBe('Asia/Shanghai');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

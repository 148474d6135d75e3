/**
 * Crash safety with real processes: a CLI import, a migration and a report are killed with SIGKILL
 * in the middle of their work; the reopened workspace is intact, holds everything stored before,
 * nothing of the killed work, and its rollups equal a recomputation from the calls.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, openDatabase, schemaVersion, type Sqlite } from '../../src-main/db/connection';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { writeCallsCsv } from '../bench/generate-calls';
import { CLI_COMMAND, REPO, runCli, tempDir } from '../helpers';

/**
 * Runs a command (one process: see test/entry-points.ts) and SIGKILLs it as soon as `ready` matches
 * its output; resolves with that output.
 */
function killWhen([command, ...args]: readonly [string, ...string[]], ready: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(output)
        : reject(new Error(`child ended (${code}) before the kill:\n${output}`)),
    );
  });
}

/** The daily rollup as stored, and as plain SQL over the calls recomputes it (DESIGN.md's definitions). */
function rollupVersusCalls(db: Sqlite): { stored: unknown[]; recomputed: unknown[] } {
  const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
  return {
    stored: db
      .prepare(
        'SELECT day, agent_id, campaign_id, dials, connects, talk_seconds, sales FROM daily_agent_stats ORDER BY 1, 2, 3',
      )
      .all(),
    recomputed: db
      .prepare(
        `SELECT day, agent_id, COALESCE(campaign_id, 0) AS campaign_id, COUNT(*) AS dials, SUM(${connect}) AS connects,
           SUM(CASE WHEN ${connect} THEN talk_seconds ELSE 0 END) AS talk_seconds, SUM(outcome = 'sale') AS sales
         FROM calls WHERE direction = 'outbound' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all(),
  };
}

describe('a process killed mid-transaction', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('SIGKILL during a CLI import: the batch is absent, earlier calls and rollups intact', async () => {
    const db = path.join(dir, 'ws.sqlite');
    const small = path.join(dir, 'earlier.csv');
    await writeCallsCsv(small, 2_000, 1);
    expect(runCli(['import', small, '--db', db]).status).toBe(0);
    const big = path.join(dir, 'big.csv');
    await writeCallsCsv(big, 400_000, 2);

    const output = await killWhen([...CLI_COMMAND, 'import', big, '--db', db], /[1-9][\d,]* rows/);
    expect(output).toMatch(/rows/); // it was importing when killed

    const reopened = await openDatabase(db);
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const batches = reopened.prepare('SELECT file_name, status FROM import_batches').all();
      expect(batches).toEqual([{ file_name: 'earlier.csv', status: 'done' }]);
      expect(reopened.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(2_000);
      const { stored, recomputed } = rollupVersusCalls(reopened);
      expect(stored).toEqual(recomputed);
      expect(stored.length).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
    // And the same file imports completely afterwards (its first 2,000 call ids are the earlier file's).
    const again = runCli(['import', big, '--db', db, '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).batches[0], again.stderr).toMatchObject({
      inserted: 398_000,
      duplicates: 2_000,
      rejected: 0,
    });
  }, 120_000);

  it('SIGKILL during a report: no half file is left, the workspace is as it was', async () => {
    const db = path.join(dir, 'ws.sqlite');
    const demo = runCli(['demo', '--agents', '8', '--days', '40', '--db', db]);
    expect(demo.status, demo.stderr).toBe(0);
    const month = (() => {
      const conn = openConnection(db, { readonly: true });
      try {
        return (conn.prepare('SELECT max(day) FROM calls').pluck().get() as string).slice(0, 7);
      } finally {
        conn.close();
      }
    })();
    const out = path.join(dir, 'report.pdf');
    const args = ['report', '--db', db, '--month', month, '--format', 'pdf', '--out', out];

    const output = await killWhen([...CLI_COMMAND, ...args], /report/);
    expect(output).toMatch(/report/); // it was building the report when killed
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('report.pdf'))).toEqual([]);

    const reopened = await openDatabase(db);
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const { stored, recomputed } = rollupVersusCalls(reopened);
      expect(stored).toEqual(recomputed);
      expect(stored.length).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
    // The same report runs to the end afterwards.
    const again = runCli(args);
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('SIGKILL during a migration: the schema and the data are as before it', async () => {
    const file = path.join(dir, 'ws.sqlite');
    const small = path.join(dir, 'earlier.csv');
    await writeCallsCsv(small, 1_000, 3);
    expect(runCli(['import', small, '--db', file]).status).toBe(0);

    const output = await killWhen(
      [process.execPath, '--import', 'tsx', path.join(REPO, 'test/crash/migrate-then-hang.ts'), file],
      /halfway/,
    );
    expect(output).toContain('halfway');

    const db = openConnection(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(1_000);
      const { stored, recomputed } = rollupVersusCalls(db);
      expect(stored).toEqual(recomputed);
    } finally {
      db.close();
    }
    // The migration backup made before it started is there and sound.
    expect(
      fs.readdirSync(path.join(dir, 'backups')).some((n) => n.includes(`before-v${LATEST_VERSION + 1}`)),
    ).toBe(true);
  }, 60_000);
});

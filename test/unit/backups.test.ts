/**
 * Backups on real workspace files: verified copies, the daily rotation (7 days + 4 weeks), manual
 * backups, restore (which first saves the current state) and `cli backup`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupDir,
  dailyBackup,
  dailyBackupsToKeep,
  listBackups,
  verifyBackup,
} from '../../src-main/backups';
import { openConnection } from '../../src-main/db/connection';

import { addDays } from '../../src-shared/time';
import { openTestWorkspace, runCli, type TestWorkspace } from '../helpers';

function writeCalls(dir: string, name: string, ids: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    [
      'call_id,agent_code,started_at,disposition,talk_seconds',
      ...ids.map((id, i) => `${id},800${i % 3},2026-11-0${1 + (i % 9)} 10:00:00,connected,${30 + i}`),
    ].join('\n'),
  );
  return file;
}

function callIds(file: string): string[] {
  const db = openConnection(file, { readonly: true });
  try {
    return db.prepare('SELECT source_key FROM calls ORDER BY source_key').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('which daily backups are kept', () => {
  it('keeps the 7 newest days and the newest day of each of the 4 newest weeks', () => {
    // 40 consecutive days ending on Sunday 2026-11-22.
    const days = Array.from({ length: 40 }, (_, i) => addDays('2026-11-22', -i));
    const kept = [...dailyBackupsToKeep(days)].sort();
    expect(kept).toEqual([
      // the newest of each of the weeks starting 10-26, 11-02 and 11-09 (11-16's is in the 7 days)
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('with gaps, a week is represented by the newest backup it has', () => {
    const kept = [...dailyBackupsToKeep(['2026-10-01', '2026-10-14', '2026-10-13', '2026-09-02'])].sort();
    expect(kept).toEqual(['2026-09-02', '2026-10-01', '2026-10-13', '2026-10-14']);
  });
});

// SQLite: these copy, verify and restore a workspace file (a team workspace is backed up with pg_dump).
describe('backups of a workspace', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' }, { engine: 'sqlite' });
  });
  afterEach(async () => t.close());

  it('makes one verified daily backup per day and rotates the old ones', async () => {
    await t.importFile(writeCalls(t.dir, 'a.csv', ['A1', 'A2']), { preset: 'callscope' });
    const now = Date.parse('2026-11-22T02:00:00Z'); // 10:00 in Shanghai
    const made = await dailyBackup(t.ws, now);
    expect(path.basename(made!)).toBe('workspace.daily.2026-11-22.sqlite');
    expect(callIds(made!)).toEqual(['cs:A1', 'cs:A2']);
    expect(await dailyBackup(t.ws, now + 3_600_000)).toBeNull(); // same day: nothing new
    // Forty older days of backups (copies of today's), then tomorrow's run rotates them.
    for (let i = 1; i <= 40; i++) {
      fs.copyFileSync(
        made!,
        path.join(backupDir(t.file), `workspace.daily.${addDays('2026-11-22', -i)}.sqlite`),
      );
    }
    await dailyBackup(t.ws, now + 86_400_000);
    const daily = listBackups(t.file)
      .filter((b) => b.kind === 'daily')
      .map((b) => b.name.slice('workspace.daily.'.length, -'.sqlite'.length))
      .sort();
    expect(daily).toEqual([
      '2026-11-08',
      '2026-11-15',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
  });

  it('restores a manual backup after saving the current state, and every connection sees it', async () => {
    await t.importFile(writeCalls(t.dir, 'a.csv', ['A1', 'A2']), { preset: 'callscope' });
    const backup = await t.call('backups.create');
    expect(backup.kind).toBe('manual');
    await t.importFile(writeCalls(t.dir, 'b.csv', ['B1', 'B2', 'B3']), { preset: 'callscope' });
    expect((await t.call('workspace.info')).calls).toBe(5);

    const { safetyCopy } = await t.call('backups.restore', { name: backup.name });
    // The open connection reads the restored data, and so does a fresh one.
    expect((await t.call('workspace.info')).calls).toBe(2);
    expect(callIds(t.file)).toEqual(['cs:A1', 'cs:A2']);
    expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // What was there before the restore is kept, verified.
    const saved = path.join(backupDir(t.file), safetyCopy);
    verifyBackup(saved);
    expect(callIds(saved)).toHaveLength(5);
    const { backups } = await t.call('backups.list');
    expect(backups.map((b) => b.kind).sort()).toEqual(['before-restore', 'manual']);
    // The workspace keeps working after the restore: imports and the rollup are exact.
    await t.importFile(writeCalls(t.dir, 'c.csv', ['C1']), { preset: 'callscope' });
    const dials = t.ws.db.prepare('SELECT SUM(dials) FROM daily_agent_stats').pluck().get();
    expect(dials).toBe(3);
  });

  it('refuses a backup that does not exist, or a file that is not a sound workspace', async () => {
    await expect(t.call('backups.restore', { name: 'workspace.manual.nope.sqlite' })).rejects.toThrow(
      /not_found/,
    );
    const broken = path.join(t.dir, 'broken.sqlite');
    fs.writeFileSync(broken, 'this is not a database');
    expect(() => verifyBackup(broken)).toThrow(/broken\.sqlite is not usable/);
  });

  it('`cli backup` writes a verified copy and names the workspace it copied', async () => {
    await t.importFile(writeCalls(t.dir, 'a.csv', ['A1']), { preset: 'callscope' });
    const out = path.join(t.dir, 'copy.sqlite');
    const r = runCli(['backup', '--db', t.file, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`backed up ${t.file} to ${out} (verified)`);
    expect(callIds(out)).toEqual(['cs:A1']);
  });
});

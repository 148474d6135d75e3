/**
 * Opening a workspace that cannot be opened: a damaged file, a newer schema, a file another
 * program holds, a write-protected file. Each one leaves the session answering with the reason
 * and the ways out (read-only, restore a backup, try again) — and nothing on disk is lost.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../src-main/backups';
import { describeOpenFailure, openConnection } from '../../src-main/db/connection';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { openSession, type Session } from '../../src-main/session';
import type { Backup, SessionState } from '../../src-shared/api';
import { FIXTURES, openTestWorkspace, tempDir } from '../helpers';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function call<T>(session: Session, method: string, input: unknown = {}): Promise<T> {
  const outcome = await session.dispatch(method, input);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
}

async function failureOf(session: Session, method: string, input: unknown = {}) {
  const outcome = await session.dispatch(method, input);
  if (outcome.ok) throw new Error(`${method} succeeded`);
  return outcome.error;
}

/** A workspace file with two calls and a verified manual backup of them, closed (SQLite: damaged files, backups). */
async function workspaceWithBackup(): Promise<{ dir: string; file: string; backup: Backup }> {
  const t = await openTestWorkspace(undefined, { engine: 'sqlite' });
  const csv = path.join(t.dir, 'calls.csv');
  fs.writeFileSync(
    csv,
    'call_id,agent_code,started_at,disposition,talk_seconds\nA1,8001,2026-11-02 10:00:00,connected,40\n' +
      'A2,8002,2026-11-02 11:00:00,connected,50\n',
  );
  await t.importFile(csv, { preset: 'callscope' });
  const backup = await t.call('backups.create');
  const dir = tempDir();
  const file = path.join(dir, 'workspace.sqlite');
  await t.api.close();
  await t.ws.close();
  fs.cpSync(t.dir, dir, { recursive: true });
  fs.rmSync(t.dir, { recursive: true, force: true });
  return { dir, file, backup };
}

/** The file's bytes replaced, as when something else wrote over it (its WAL goes with it). */
function overwrite(file: string, bytes: Buffer): void {
  fs.writeFileSync(file, bytes);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

const sessions: Session[] = [];
async function open(file: string): Promise<Session> {
  const session = await openSession(file);
  sessions.push(session);
  return session;
}
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

describe('a damaged workspace file', () => {
  it('is reported as damaged with its backups, and restoring one sets the damaged file aside', async () => {
    const { file, backup } = await workspaceWithBackup();
    overwrite(file, Buffer.from('this is not a database, it is a spreadsheet someone saved here'));
    const damagedHash = sha256(file);

    const session = await open(file);
    const state = await call<SessionState>(session, 'session.state');
    expect(state).toMatchObject({ state: 'failed', kind: 'corrupt', path: file, canOpenReadOnly: false });
    if (state.state !== 'failed') throw new Error('unreachable');
    expect(state.message).toContain(file);
    expect(state.backups.map((b) => b.name)).toEqual([backup.name]);
    expect(state.backupFolder).toBe(backupDir(file));
    // Nothing else answers while no workspace is open, and it says why.
    const refused = await failureOf(session, 'workspace.info');
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toContain('damaged');
    // Read-only is no way out for a file SQLite cannot read at all.
    expect((await failureOf(session, 'session.openReadOnly')).code).toBe('conflict');

    const restored = await call<SessionState>(session, 'session.restore', { name: backup.name });
    expect(restored).toMatchObject({ state: 'open', readOnly: false, restored: { backup: backup.name } });
    if (restored.state !== 'open') throw new Error('unreachable');
    expect(sha256(restored.restored!.setAside!)).toBe(damagedHash);
    expect((await call<{ calls: number }>(session, 'workspace.info')).calls).toBe(2);
    expect(session.current()!.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a backup that is not usable is refused and the damaged file stays where it was', async () => {
    const { file, backup } = await workspaceWithBackup();
    overwrite(file, Buffer.alloc(8192, 0x5a));
    fs.writeFileSync(path.join(backupDir(file), backup.name), Buffer.alloc(4096, 0x11));
    const session = await open(file);
    const error = await failureOf(session, 'session.restore', { name: backup.name });
    expect(error.message).toContain('not usable');
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(8192, 0x5a));
    expect((await call<SessionState>(session, 'session.state')).state).toBe('failed');
  });
});

describe('a workspace written by a newer Callscope', () => {
  it('can be opened read-only, answers reads, refuses writes and is left byte for byte as it was', async () => {
    const { file } = await workspaceWithBackup();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha256(file);

    const session = await open(file);
    const state = await call<SessionState>(session, 'session.state');
    expect(state).toMatchObject({ state: 'failed', kind: 'newer_schema', canOpenReadOnly: true });
    if (state.state === 'failed') expect(state.message).toContain('newer Callscope');

    const readOnly = await call<SessionState>(session, 'session.openReadOnly');
    expect(readOnly).toMatchObject({ state: 'open', readOnly: true, readOnlyBecause: 'newer_schema' });
    expect((await call<{ calls: number }>(session, 'workspace.info')).calls).toBe(2);
    const refused = await failureOf(session, 'teams.create', { name: 'Team East' });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain('read-only');
    expect((await failureOf(session, 'settings.update', { currency: 'USD' })).code).toBe('conflict');
    // A copy only reads: backing up what can be read is exactly what a user should do now.
    const copy = await call<Backup>(session, 'backups.create');
    expect(fs.existsSync(path.join(backupDir(file), copy.name))).toBe(true);

    // "Try again" from read-only goes back to the failure and its ways out.
    expect((await call<SessionState>(session, 'session.retry')).state).toBe('failed');
    await session.close();
    expect(sha256(file)).toBe(before);
    const check = openConnection(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });
});

describe('a workspace another program holds', () => {
  it('says it is in use, and opens on "try again" once the other program lets go', async () => {
    // An older workspace needs its migration, which needs the write lock someone else holds.
    const dir = tempDir();
    const file = path.join(dir, 'workspace.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'workspaces/schema-v2.sqlite'), file);
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');

    const session = await open(file); // waits out the 5 s busy timeout
    const state = await call<SessionState>(session, 'session.state');
    expect(state).toMatchObject({ state: 'failed', kind: 'locked' });
    if (state.state === 'failed') expect(state.message).toContain('in use by another program');

    other.exec('ROLLBACK');
    other.close();
    expect(await call<SessionState>(session, 'session.retry')).toMatchObject({
      state: 'open',
      readOnly: false,
    });
    expect((await call<{ calls: number }>(session, 'workspace.info')).calls).toBeGreaterThan(0);
  }, 20_000);
});

describe('naming open failures', () => {
  it('reads SQLite and operating-system codes as the four ways a file can fail', () => {
    const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(
      describeOpenFailure('w.sqlite', sqliteError('SQLITE_READONLY', 'attempt to write a readonly database')),
    ).toMatchObject({ kind: 'read_only' });
    expect(describeOpenFailure('w.sqlite', sqliteError('EACCES', 'permission denied'))).toMatchObject({
      kind: 'read_only',
    });
    expect(describeOpenFailure('w.sqlite', sqliteError('SQLITE_BUSY', 'database is locked'))).toMatchObject({
      kind: 'locked',
    });
    expect(
      describeOpenFailure('w.sqlite', sqliteError('SQLITE_CORRUPT', 'database disk image is malformed')),
    ).toMatchObject({ kind: 'corrupt' });
    expect(
      describeOpenFailure('w.sqlite', sqliteError('SQLITE_CANTOPEN', 'unable to open database file')),
    ).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('w.sqlite') });
  });
});

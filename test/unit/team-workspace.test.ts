/**
 * A team workspace (PostgreSQL, a fresh database on the test server: test/pg-server.ts) opened
 * through `openWorkspace(url)` like a file: the API answers as on a fresh SQLite workspace; two
 * Workspaces on one database (two machines) see each other's writes and take turns through an
 * advisory lock, saying whom they wait for; the CLI opens it with `--db postgres://…`; the
 * password is never shown; backups and relative recordings folders are refused with reasons.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../src-main/api';
import { dailyBackup, scheduleDailyBackups } from '../../src-main/backups';
import { dbPathFromArgv } from '../../src-main/electron/guards';
import { openSession } from '../../src-main/session';
import { openWorkspace, type Workspace } from '../../src-main/workspace';
import {
  ensureTestAdmin,
  openTestWorkspace,
  runCli,
  signInAsTestAdmin,
  TEST_ADMIN,
  type TestWorkspace,
} from '../helpers';
import { useTestDatabase } from '../pg-server';

const shared = useTestDatabase();

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The API's answer to one call, or its error as `code: message` (both engines compared alike). */
async function answer(api: Api, method: string, input: unknown = {}): Promise<unknown> {
  const outcome = await api.dispatch(method, input);
  return outcome.ok ? outcome.value : `${outcome.error.code}: ${outcome.error.message}`;
}

/** A lead's first minutes in a new workspace, none of it needing an import. */
const SCRIPT: readonly [string, unknown][] = [
  ['settings.update', { effectiveThresholdSeconds: 45 }],
  ['settings.get', {}],
  ['teams.create', { name: '一组' }],
  ['teams.create', { name: 'Team B' }],
  ['teams.create', { name: '一组' }],
  ['teams.list', {}],
  ['agents.list', {}],
  ['campaigns.list', {}],
  ['targets.setCalendar', { weekend: [6, 7], holidays: ['2026-11-11'], workdays: [] }],
  [
    'targets.set',
    {
      month: '2026-11',
      entries: [
        { scope: 'all', scopeId: 0, kpi: 'dialsPerDay', value: 120 },
        { scope: 'team', scopeId: 1, kpi: 'connectRate', value: 0.35 },
      ],
    },
  ],
  ['targets.plan', { month: '2026-11' }],
  ['coaching.notes', {}],
  ['metrics.summary', { filter: { from: '2026-11-01', to: '2026-11-30' } }],
  ['metrics.breakdown', { filter: { from: '2026-11-01', to: '2026-11-30' }, by: 'team' }],
];

/** A write on `ws` that holds the write lock until `letGo` (resolves once it holds it). */
async function holdWrite(ws: Workspace, label: string): Promise<{ first: Promise<void>; letGo: () => void }> {
  let letGo: (() => void) | undefined;
  const first = ws.writes.run(() => new Promise<void>((resolve) => (letGo = resolve)), { label });
  await until(() => letGo !== undefined);
  return { first, letGo: () => letGo?.() };
}

describe('a team workspace answers like a workspace file', () => {
  let lite: TestWorkspace;
  let team: TestWorkspace;
  beforeAll(async () => {
    lite = await openTestWorkspace(undefined, { engine: 'sqlite' });
    team = await openTestWorkspace(undefined, { engine: 'postgres' });
  });
  afterAll(async () => {
    await lite?.close();
    await team?.close();
  });

  it('gives the same answers to the same calls on a fresh database', async () => {
    expect(team.ws.engine).toBe('postgres');
    for (const [method, input] of SCRIPT) {
      const want = await answer(lite.api, method, input);
      expect(await answer(team.api, method, input), method).toEqual(want);
    }
    // Independently of either engine: what the script must have left.
    const teams = await team.call('teams.list');
    expect(teams.map((t) => [t.id, t.name])).toEqual([
      [1, '一组'],
      [2, 'Team B'],
    ]);
    expect(await answer(team.api, 'teams.create', { name: '一组' })).toMatch(/^conflict: /);
    expect((await team.call('settings.get')).effectiveThresholdSeconds).toBe(45);
    const plan = await team.call('targets.plan', {
      month: '2026-11',
    });
    // November 2026: 30 days, 9 weekend days (Sat/Sun: 1, 7-8, 14-15, 21-22, 28-29), and the 11th off.
    expect(plan.workingDays).toBe(30 - 9 - 1);
    expect(plan.targets).toHaveLength(2);
    const summary = await team.call('metrics.summary', { filter: { from: '2026-11-01', to: '2026-11-30' } });
    expect([summary.current.dials, summary.current.connects, summary.activeDays]).toEqual([0, 0, 0]);
  });

  it('workspace.info: the same counts and settings; the path is the URL', async () => {
    const [a, b] = await Promise.all([lite.call('workspace.info'), team.call('workspace.info')]);
    expect({ ...b, path: null }).toEqual({ ...a, path: null });
    expect(b).toMatchObject({ path: team.file, calls: 0, agents: 0, firstDay: null, lastDay: null });
  });

  it('has no raw SQLite connection, and says so', () => {
    expect(() => team.ws.db).toThrow(/team workspace .*no raw SQLite connection/);
    expect(() => team.ws.openJobConnection()).toThrow(/no raw SQLite connection/);
  });

  it('refuses the app backups, naming pg_dump', async () => {
    for (const method of ['backups.list', 'backups.create'])
      expect(await answer(team.api, method)).toMatch(/^conflict: A team workspace .* pg_dump/);
    expect(await answer(team.api, 'backups.restore', { name: 'x.manual.sqlite' })).toMatch(/pg_dump/);
    await expect(dailyBackup(team.ws)).rejects.toThrow(/pg_dump/);
    const errors: unknown[] = [];
    scheduleDailyBackups(team.ws, (err) => errors.push(err))(); // nothing scheduled: nothing to stop
    expect(errors).toEqual([]);
  });

  it('takes only an absolute recordings folder (relative to no file), with none by default', async () => {
    expect(await team.call('audits.recordingsFolder')).toEqual({
      folder: '',
      isDefault: true,
      exists: false,
    });
    expect(await answer(team.api, 'audits.setRecordingsFolder', { folder: 'recordings' })).toMatch(
      /^bad_input: .*absolute path every machine reaches.*"recordings" is relative/,
    );
    expect(await answer(team.api, 'recordings.createFolder')).toMatch(/^conflict: .*absolute path/);
    expect(await team.call('audits.setRecordingsFolder', { folder: team.dir })).toEqual({
      folder: team.dir,
      isDefault: false,
      exists: true,
    });
  });
});

describe('two machines on one team workspace', () => {
  const open: { ws: Workspace; api: Api }[] = [];
  async function machine(url = shared.url): Promise<{ ws: Workspace; api: Api }> {
    const ws = await openWorkspace(url);
    const m = { ws, api: createApi(ws) };
    open.push(m);
    await signInAsTestAdmin(ws, m.api.dispatch);
    return m;
  }
  afterEach(async () => {
    for (const { ws, api } of open.splice(0)) {
      await api.close();
      await ws.close();
    }
  });

  it('sees what the other wrote', async () => {
    const [a, b] = [await machine(), await machine()];
    const made = await answer(a.api, 'teams.create', { name: '质检组' });
    expect(await answer(b.api, 'teams.list')).toContainEqual(made);
    await answer(b.api, 'settings.update', { timeZone: 'Asia/Shanghai', language: 'zh-CN' });
    expect(await answer(a.api, 'settings.get')).toMatchObject({
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
    });
  });

  it('a second writer waits for the first, saying for what; a free lock is taken at once', async () => {
    const [a, b] = [await machine(), await machine()];
    const { first, letGo } = await holdWrite(a.ws, 'the import of 十一月.csv');
    try {
      // A third machine opening the (set-up) workspace meanwhile does not wait for the import.
      expect((await machine()).ws.readOnly).toBe(false);
      // Housekeeping does not wait in line.
      expect(await b.ws.writes.runIfFree(() => 'ran', 'a clean-up')).toBeNull();
      const said: string[] = [];
      let ran = false;
      const second = b.ws.writes.run(
        () => {
          ran = true;
        },
        { label: 'a settings change', onWait: (m) => said.push(m) },
      );
      await until(() => said.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300)); // several polls
      expect(said).toEqual(['waiting for the import of 十一月.csv to finish']);
      expect(ran).toBe(false);
      letGo();
      await first;
      await second;
      expect(ran).toBe(true);
    } finally {
      letGo();
    }
    expect(await a.ws.writes.runIfFree(() => 'ran', 'a clean-up')).toBe('ran');
  });

  it('a writer whose connection is gone (its machine died) frees the lock', async () => {
    const [a, b] = [await machine(), await machine()];
    const { first, letGo } = await holdWrite(a.ws, 'a month close');
    try {
      const said: string[] = [];
      const second = b.ws.writes.run(() => 'written', { onWait: (m) => said.push(m) });
      await until(() => said.length > 0);
      expect(said).toEqual(['waiting for a month close to finish']);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objid = 1 AND objsubid = 2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(
        b.ws.kysely,
      );
      expect(await second).toBe('written');
    } finally {
      letGo();
    }
    await first; // its release finds the connection gone: no error
    expect(await a.ws.writes.run(() => 'again')).toBe('again'); // on a new lock connection
  });

  it('never shows the password of its URL', async () => {
    const u = new URL(shared.url);
    u.password = 'n0t-shown';
    const { ws, api } = await machine(u.toString());
    expect(ws.path).not.toContain('n0t-shown');
    expect(ws.path).toBe(shared.url);
    expect(JSON.stringify(await answer(api, 'workspace.info'))).not.toContain('n0t-shown');
  });
});

describe('the CLI on a team workspace', () => {
  it('answers metrics --db postgres://… as it does for a file', async () => {
    const ws = await openWorkspace(shared.url); // set up (migrated), as the app's first open does
    await ensureTestAdmin(ws);
    await ws.close();
    const fresh = await openTestWorkspace(undefined, { engine: 'sqlite' });
    try {
      // (--by none does not run on PostgreSQL yet: orders.breakdown groups by a constant.)
      const args = ['metrics', '--from', '2026-11-01', '--to', '2026-11-30', '--by', 'team', '--json'];
      const team = runCli([...args, '--db', shared.url, '--user', TEST_ADMIN.login], {
        CALLSCOPE_PASSWORD: TEST_ADMIN.password,
      });
      expect(team.stderr).toBe('');
      expect(team.status).toBe(0);
      const local = runCli([...args, '--db', fresh.file]);
      expect(local.status).toBe(0);
      expect(JSON.parse(team.stdout)).toEqual(JSON.parse(local.stdout));
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('refuses backup of a team workspace, naming pg_dump', () => {
    const r = runCli(['backup', '--db', shared.url, '--out', '/tmp/never.sqlite']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/pg_dump/);
  }, 60_000);
});

describe('the doors open a team workspace by its URL', () => {
  /** The shared database's URL carrying a password (the local socket's peer login ignores it). */
  function withPassword(url: string, database?: string): string {
    const u = new URL(url);
    u.password = 'n0t-shown';
    if (database) u.pathname = `/${database}`;
    return u.toString();
  }

  it('the Electron shell takes --db postgres://… as it is, a file from the working folder', () => {
    const url = withPassword(shared.url);
    expect(dbPathFromArgv(['electron', '.', '--db', url], '/work')).toBe(url);
    expect(dbPathFromArgv(['electron', '.', `--db=${url}`], '/work')).toBe(url);
    expect(dbPathFromArgv(['electron', '.', '--db', 'team.sqlite'], '/work')).toBe('/work/team.sqlite');
  });

  it('the session (web host and desktop) serves it, never showing the password', async () => {
    const session = await openSession(withPassword(shared.url));
    try {
      expect(session.state()).toMatchObject({ state: 'open', path: shared.url, readOnly: false });
      expect(await session.dispatch('workspace.info', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      const ws = await openWorkspace(shared.url);
      await signInAsTestAdmin(ws, session.dispatch).finally(() => ws.close());
      const info = await session.dispatch('workspace.info', {});
      expect(info).toMatchObject({ ok: true, value: { path: shared.url } });
      expect(JSON.stringify(info)).not.toContain('n0t-shown');
    } finally {
      await session.close();
    }
  });

  it('a database that is not there: the failure page, with no backups to offer and no password', async () => {
    const url = withPassword(shared.url, 'callscope_test_absent');
    const session = await openSession(url);
    try {
      const state = session.state();
      expect(state).toMatchObject({
        state: 'failed',
        backupFolder: '',
        backups: [],
        canOpenReadOnly: false,
      });
      expect(state.state === 'failed' && state.message).toMatch(/does not exist.*CREATE DATABASE/);
      expect(JSON.stringify(state)).not.toContain('n0t-shown');
      const restore = await session.dispatch('session.restore', { name: 'x.manual.sqlite' });
      expect(restore).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(JSON.stringify(restore)).toMatch(/pg_dump/);
    } finally {
      await session.close();
    }
  });
});

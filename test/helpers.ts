/**
 * Test helpers: real workspaces — SQLite files in a temp folder, or a fresh database on the test
 * PostgreSQL server (test/pg-admin.ts) — and the CLI as a process.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import { createApi, type Api } from '../src-main/api';
import { createFirstAdmin, hasAdmin } from '../src-main/auth/users';
import type { Dispatch } from '../src-main/dispatch';
import { openWorkspace, type Engine, type Workspace } from '../src-main/workspace';
import type { Database } from '../src-main/db/schema';
import type { Input, Job, Method, Output, Reject, Role } from '../src-shared/api';
import { ANSWER_VALUES, type AnswerValue } from '../src-shared/scorecard';
import { CLI_COMMAND } from './entry-points';

export { CLI_COMMAND };

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(REPO, 'test/fixtures');

export function tempDir(prefix = 'callscope-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestWorkspace {
  /** a temp folder for the test's own files (the SQLite workspace lies in it) */
  dir: string;
  /** the workspace file, or the team workspace's URL */
  file: string;
  ws: Workspace;
  api: Api;
  /** Calls the API as a door does: typed by the contract, the input validated, an error thrown. */
  call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>>;
  /** Calls with input as a door receives it from outside, unchecked by the compiler: for tests of validation. */
  callUnchecked(method: Method, input: unknown): Promise<unknown>;
  importFile(file: string, options?: { preset?: string; timeZone?: string }): Promise<Job>;
  close(): Promise<void>;
}

/** The first admin of a team test workspace: openTestWorkspace signs in as them. */
export const TEST_ADMIN = { login: 'admin', displayName: 'Test Admin', password: 'admin-password' } as const;

/** Creates TEST_ADMIN in a team workspace that has no admin yet. */
export async function ensureTestAdmin(ws: Workspace): Promise<void> {
  if (!(await hasAdmin(ws.kysely))) await createFirstAdmin(ws.kysely, TEST_ADMIN);
}

/**
 * Signs `dispatch` (an API's or a session's) in to a team workspace as TEST_ADMIN, creating them
 * first when the workspace has no admin yet.
 */
export async function signInAsTestAdmin(ws: Workspace, dispatch: Dispatch): Promise<void> {
  await ensureTestAdmin(ws);
  const outcome = await dispatch('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password });
  if (!outcome.ok) throw new Error(`signing in as the test admin: ${outcome.error.message}`);
}

/** A dispatch as a typed call: the input validated, a refusal thrown as `code: message`. */
export function callerOf(dispatch: Dispatch) {
  return async <M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> => {
    const outcome = await dispatch(method, input ?? {});
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value as Output<M>;
  };
}

/** Someone on the floor acting through the API of a Callscope of their own. */
export interface SignedInUser {
  /** the login their rows carry ('' on a local workspace, where nobody signs in) */
  login: string;
  /** their user id in the activity log (null on a local workspace) */
  userId: number | null;
  api: Api;
  call: TestWorkspace['call'];
  close(): Promise<void>;
}

/**
 * A user acting the real way. On a team workspace the test's admin creates them (`users.create`
 * with their role, a lead's teams, an agent's agent) and they sign in on an API of their own (one
 * signed-in user per API). A local workspace has no sign-in: its one user does everything, so
 * this is the test's own API and rows name nobody.
 */
export async function signedInAs(
  t: TestWorkspace,
  user: { login: string; displayName: string; role: Role; teamIds?: number[]; agentId?: number | null },
): Promise<SignedInUser> {
  if (t.ws.engine !== 'postgres')
    return { login: '', userId: null, api: t.api, call: t.call, close: async () => {} };
  const password = `${user.login}-password`;
  const created = await t.call('users.create', {
    teamIds: [],
    agentId: null,
    ...user,
    password,
  });
  const api = createApi(t.ws);
  const call = callerOf(api.dispatch);
  await call('auth.signIn', { login: user.login, password });
  return { login: user.login, userId: created.id, api, call, close: () => api.close() };
}

/** The engine tests open unless they name one: CALLSCOPE_TEST_ENGINE (the two-engine matrix), else SQLite. */
export function testEngine(): Engine {
  return process.env.CALLSCOPE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export async function openTestWorkspace(
  settings: Record<string, unknown> = { timeZone: 'Asia/Shanghai' },
  options: { engine?: Engine } = {},
): Promise<TestWorkspace> {
  const dir = tempDir();
  // postgres: the test file's database, wiped for each test and dropped after the file (loaded only
  // here: the pg driver stays out of the Playwright specs that import these helpers).
  const database =
    (options.engine ?? testEngine()) === 'postgres'
      ? await (await import('./pg-admin')).fileTestDatabase()
      : null;
  const file = database?.url ?? path.join(dir, 'workspace.sqlite');
  const ws = await openWorkspace(file);
  const api = createApi(ws);
  const call = callerOf(api.dispatch);
  const callUnchecked = async (method: Method, input: unknown): Promise<unknown> => {
    const outcome = await api.dispatch(method, input);
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };
  // A team workspace needs a signed-in user: the tests run as its first admin.
  if (database) await signInAsTestAdmin(ws, api.dispatch);
  await callUnchecked('settings.update', settings);
  return {
    dir,
    file,
    ws,
    api,
    call,
    callUnchecked,
    importFile: (f, options = {}) =>
      api.jobs.wait(api.startImport(f, { displayName: path.basename(f), ...options })),
    async close() {
      await api.close();
      await ws.close();
      database?.release();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The rows of an independent check written as SQL text with `?` placeholders, run through Kysely
 * on either engine: the SQL must read alike on both (no SQLite-only functions, no sum of a
 * boolean — `sum(CASE WHEN … THEN 1 ELSE 0 END)`), and sums and counts come back as numbers.
 */
export async function sqlRows<T>(
  t: Pick<TestWorkspace, 'ws'>,
  text: string,
  ...params: unknown[]
): Promise<T[]> {
  const parts = text.split('?');
  if (parts.length !== params.length + 1)
    throw new Error(`${parts.length - 1} placeholders for ${params.length} parameters in: ${text}`);
  const query = params.reduce<RawBuilder<unknown>>(
    (sofar, param, i) => sql`${sofar}${param}${sql.raw(parts[i + 1]!)}`,
    sql.raw(parts[0]!),
  );
  return (await sql<T>`${query}`.execute(t.ws.kysely)).rows;
}

/** How many rows `table` holds: an independent check, through Kysely on either engine. */
export async function countRows(t: Pick<TestWorkspace, 'ws'>, table: keyof Database): Promise<number> {
  const row = await t.ws.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function lookup<K, V>(what: string, entries: [K, V][]): (key: K) => V {
  const byKey = new Map(entries);
  return (key) => {
    const value = byKey.get(key);
    if (value === undefined) throw new Error(`no ${what} ${String(key)} is stored`);
    return value;
  };
}

/** The stored agents' ids by code, read once (a test names agents by code). */
export async function agentIdsByCode(t: Pick<TestWorkspace, 'ws'>): Promise<(code: string) => number> {
  const rows = await t.ws.kysely.selectFrom('agents').select(['code', 'id']).execute();
  return lookup(
    'agent',
    rows.map((r): [string, number] => [r.code, r.id]),
  );
}

/** The stored calls' ids by source key (`cs:C001`), read once. */
export async function callIdsBySourceKey(
  t: Pick<TestWorkspace, 'ws'>,
): Promise<(sourceKey: string) => number> {
  const rows = await t.ws.kysely.selectFrom('calls').select(['source_key', 'id']).execute();
  return lookup(
    'call',
    rows.map((r): [string, number] => [r.source_key, r.id]),
  );
}

/** The rejected rows and warnings of one import batch, in line order as `import.rejects` lists them. */
export async function rejectsOf(t: Pick<TestWorkspace, 'call'>, batchId: number): Promise<Reject[]> {
  return (await t.call('import.rejects', { batchId })).rows;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const [node, ...cli] = CLI_COMMAND;
  const r = spawnSync(node, [...cli, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking: independent runs go side by side. */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const [node, ...cli] = CLI_COMMAND;
  return new Promise((resolve) => {
    const child = execFile(
      node,
      [...cli, ...args],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 << 20 },
      (_err, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

function isAnswerValue(value: string): value is AnswerValue {
  return (ANSWER_VALUES as readonly string[]).includes(value);
}

/** A scorecard's answers as the audit methods take them: unanswered items left out, each value checked. */
export function answersIn(given: Readonly<Record<string, string | undefined>>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [item, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!isAnswerValue(value)) throw new Error(`${item}: "${value}" is not an answer`);
    out[item] = value;
  }
  return out;
}

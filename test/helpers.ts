/**
 * Test helpers: real workspaces — SQLite files in a temp folder, or a fresh database on the test
 * PostgreSQL server (test/pg-admin.ts) — and the CLI as a process.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, type Api } from '../src-main/api';
import { openWorkspace, type Engine, type Workspace } from '../src-main/workspace';
import type { Input, Job, Method, Output, Reject } from '../src-shared/api';
import { ANSWER_VALUES, type AnswerValue } from '../src-shared/scorecard';

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

/** The engine tests open unless they name one: CALLSCOPE_TEST_ENGINE (the two-engine matrix), else SQLite. */
export function testEngine(): Engine {
  return process.env.CALLSCOPE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export async function openTestWorkspace(
  settings: Record<string, unknown> = { timeZone: 'Asia/Shanghai' },
  options: { engine?: Engine } = {},
): Promise<TestWorkspace> {
  const dir = tempDir();
  // postgres: a database of its own, dropped at close (loaded only here: the pg driver stays out of
  // the Playwright specs that import these helpers).
  const database =
    (options.engine ?? testEngine()) === 'postgres'
      ? await (await import('./pg-admin')).createTestDatabase()
      : null;
  const file = database?.url ?? path.join(dir, 'workspace.sqlite');
  const ws = await openWorkspace(file);
  const api = createApi(ws);
  const call = async <M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> => {
    const outcome = await api.dispatch(method, input ?? {});
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value as Output<M>;
  };
  const callUnchecked = async (method: Method, input: unknown): Promise<unknown> => {
    const outcome = await api.dispatch(method, input);
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };
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
      await database?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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

/**
 * The command line as a test runs it: node with tsx's loader, in one process (the `tsx` binary
 * starts a second node for it, about a second more per run on this machine).
 */
export const CLI_COMMAND: readonly [string, ...string[]] = [
  process.execPath,
  '--import',
  'tsx',
  path.join(REPO, 'src-main/cli.ts'),
];

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

/** runCli without blocking: independent runs go side by side (each spawn costs 1-2 s of loading). */
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

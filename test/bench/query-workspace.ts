/**
 * The query benchmark's workspace: ~10M demo calls (200 agents, 365 days) written through the real
 * import path (demo generator -> runBatch -> the SQLite bulk writer -> rollups), one batch per
 * month as a floor that imports its dialer export monthly would have. Built once under .tmp/bench and reused
 * while it still has the expected size and its data reaches into the current month (the app opens
 * on "this month"), on the benchmarks' pinned clock (bench-clock.ts).
 *
 * Run alone to (re)build it: `npx tsx test/bench/query-workspace.ts [--force] [--calls N]`.
 */
import './bench-clock';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../src-main/api';
import { generateDemoCalls } from '../../src-main/demo/generate';
import { runBatch } from '../../src-main/import/batch';
import type { NormalizedCall } from '../../src-main/import/normalise';
import { phoneSalt } from '../../src-main/settings';
import { openWorkspace } from '../../src-main/workspace';
import { addDays, todayIn, type Day } from '../../src-shared/time';
import { now } from '../../src-main/clock';

const REPO = path.resolve(import.meta.dirname, '../..');
export const TIME_ZONE = 'Asia/Shanghai';
/** The full size (the dashboard issue's 10M calls); `--calls N` makes a smaller one to develop with. */
export const FULL_CALLS = 10_000_000;

/**
 * What the benchmark workspace holds: the demo generator's options and the cached file. Every
 * engine's workspace is made from this one definition (the same calls, in the same order).
 */
export interface QueryWorkspaceDefinition {
  file: string;
  agents: number;
  days: number;
  seed: number;
  dialsPerAgentDay: number;
  /** the smallest call count a cached file may have to be reused */
  minCalls: number;
}

/**
 * 150 dials (the demo's default) give ~8.0M calls over 200 agents x 365 days; 189 give ~10.03M.
 * A smaller size keeps 200 agents and at least two months (the overview compares with the
 * previous period), fewer days first, then fewer dials (the generator dials at least 20 a day).
 */
export function queryWorkspaceDefinition(calls = FULL_CALLS): QueryWorkspaceDefinition {
  if (calls >= FULL_CALLS) {
    return {
      file: path.join(REPO, '.tmp/bench/query-10m.sqlite'),
      agents: 200,
      days: 365,
      seed: 7,
      dialsPerAgentDay: 189,
      minCalls: 9_900_000,
    };
  }
  const share = calls / 10_030_000;
  const days = Math.max(62, Math.round(365 * share));
  return {
    file: path.join(REPO, `.tmp/bench/query-${calls}.sqlite`),
    agents: 200,
    days,
    seed: 7,
    dialsPerAgentDay: Math.max(20, Math.round((189 * share * 365) / days)),
    minCalls: Math.floor(calls * 0.9),
  };
}

/** The demo calls of `def`, ending yesterday on the benchmarks' clock. */
export function queryWorkspaceCalls(def: QueryWorkspaceDefinition, salt: string) {
  return generateDemoCalls({
    agents: def.agents,
    days: def.days,
    seed: def.seed,
    lastDay: addDays(todayIn(TIME_ZONE, now()), -1),
    timeZone: TIME_ZONE,
    language: 'zh-CN',
    salt,
    dialsPerAgentDay: def.dialsPerAgentDay,
  });
}

export interface WorkspaceFacts {
  calls: number;
  firstDay: Day;
  lastDay: Day;
}

/** What the cached file holds, or null when it is missing or unreadable. */
function inspect(file: string): WorkspaceFacts | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const r = db
        .prepare(
          `SELECT (SELECT coalesce(sum(inserted), 0) FROM import_batches WHERE status = 'done') AS calls,
                  (SELECT min(day) FROM daily_agent_stats) AS firstDay,
                  (SELECT max(day) FROM daily_agent_stats) AS lastDay`,
        )
        .get() as { calls: number; firstDay: Day | null; lastDay: Day | null };
      return r.firstDay && r.lastDay ? { calls: r.calls, firstDay: r.firstDay, lastDay: r.lastDay } : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function removeWorkspace(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

async function build(def: QueryWorkspaceDefinition): Promise<void> {
  const file = def.file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeWorkspace(file);
  const ws = await openWorkspace(file);
  const api = createApi(ws);
  try {
    const set = await api.dispatch('settings.update', { timeZone: TIME_ZONE });
    if (!set.ok) throw new Error(set.error.message);
    const calls = queryWorkspaceCalls(def, await phoneSalt(ws.kysely));
    const ctx = { progress: () => {}, signal: new AbortController().signal };
    const started = performance.now();
    let total = 0;
    let next: IteratorResult<NormalizedCall> = calls.next();
    while (!next.done) {
      const month = next.value.day.slice(0, 7);
      const result = await runBatch(
        ws,
        { fileName: `calls-${month}.csv`, fileSize: 0, preset: 'demo', mapping: {}, timeZone: TIME_ZONE },
        ctx,
        async (batch) => {
          let rows = 0;
          while (!next.done && next.value.day.slice(0, 7) === month) {
            batch.writer.insert(next.value);
            if (++rows % 50_000 === 0) await batch.tick(rows, null, rows);
            next = calls.next();
          }
          return { rows, sha256: '' };
        },
      );
      total += result.inserted;
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `  ${month}: ${result.inserted} calls (total ${total}, ${seconds.toFixed(0)} s, ${(total / seconds / 1000).toFixed(0)}k rows/s)\n`,
      );
    }
  } finally {
    await api.close();
    await ws.close();
  }
}

/** The cached workspace, built first when it is missing, too small or does not reach this month. */
export async function ensureQueryWorkspace(
  def: QueryWorkspaceDefinition,
  options: { force?: boolean } = {},
): Promise<WorkspaceFacts> {
  const file = def.file;
  let facts = options.force ? null : inspect(file);
  const thisMonth = todayIn(TIME_ZONE, now()).slice(0, 7);
  const yesterdayMonth = addDays(todayIn(TIME_ZONE, now()), -1).slice(0, 7);
  const stale =
    facts && facts.lastDay.slice(0, 7) !== thisMonth && facts.lastDay.slice(0, 7) !== yesterdayMonth;
  if (!facts || facts.calls < def.minCalls || stale) {
    process.stderr.write(
      `building ${path.relative(REPO, file)}: ${def.agents} agents x ${def.days} days through the import path` +
        (facts ? ` (cached one has ${facts.calls} calls up to ${facts.lastDay})` : '') +
        '\n',
    );
    const started = performance.now();
    await build(def);
    facts = inspect(file);
    if (!facts || facts.calls < def.minCalls)
      throw new Error(`built workspace has ${facts?.calls ?? 0} calls`);
    process.stderr.write(`built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return facts;
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: { force: { type: 'boolean', default: false }, calls: { type: 'string' } },
  });
  const def = queryWorkspaceDefinition(values.calls ? Number(values.calls) : undefined);
  const facts = await ensureQueryWorkspace(def, { force: values.force });
  process.stdout.write(`${def.file}: ${facts.calls} calls, ${facts.firstDay}..${facts.lastDay}\n`);
}

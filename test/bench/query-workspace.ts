/**
 * The query benchmark's workspace: ~10M demo calls (200 agents, 365 days) written through the real
 * import path (demo generator -> runBatch -> the SQLite bulk writer -> rollups), one batch per
 * month as a floor that imports its dialer export monthly would have. Built once under .tmp/bench and reused
 * while it still has the expected size and its data reaches into the current month (the app opens
 * on "this month"), on the benchmarks' pinned clock (bench-clock.ts).
 *
 * Run alone to (re)build it: `npx tsx test/bench/query-workspace.ts [--force]`.
 */
import './bench-clock';
import fs from 'node:fs';
import path from 'node:path';
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
export const QUERY_WORKSPACE = path.join(REPO, '.tmp/bench/query-10m.sqlite');
export const TIME_ZONE = 'Asia/Shanghai';
const AGENTS = 200;
const DAYS = 365;
/** 150 (the demo's default) gives ~8.0M calls over 200 agents x 365 days; 189 gives ~10.03M. */
const DIALS_PER_AGENT_DAY = 189;
const MIN_CALLS = 9_900_000;

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

async function build(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeWorkspace(file);
  const ws = await openWorkspace(file);
  const api = createApi(ws);
  try {
    const set = await api.dispatch('settings.update', { timeZone: TIME_ZONE });
    if (!set.ok) throw new Error(set.error.message);
    const lastDay = addDays(todayIn(TIME_ZONE, now()), -1);
    const calls = generateDemoCalls({
      agents: AGENTS,
      days: DAYS,
      seed: 7,
      lastDay,
      timeZone: TIME_ZONE,
      language: 'zh-CN',
      salt: await phoneSalt(ws.kysely),
      dialsPerAgentDay: DIALS_PER_AGENT_DAY,
    });
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
export async function ensureQueryWorkspace(options: { force?: boolean } = {}): Promise<WorkspaceFacts> {
  const file = QUERY_WORKSPACE;
  let facts = options.force ? null : inspect(file);
  const thisMonth = todayIn(TIME_ZONE, now()).slice(0, 7);
  const yesterdayMonth = addDays(todayIn(TIME_ZONE, now()), -1).slice(0, 7);
  const stale =
    facts && facts.lastDay.slice(0, 7) !== thisMonth && facts.lastDay.slice(0, 7) !== yesterdayMonth;
  if (!facts || facts.calls < MIN_CALLS || stale) {
    process.stderr.write(
      `building ${path.relative(REPO, file)}: ${AGENTS} agents x ${DAYS} days through the import path` +
        (facts ? ` (cached one has ${facts.calls} calls up to ${facts.lastDay})` : '') +
        '\n',
    );
    const started = performance.now();
    await build(file);
    facts = inspect(file);
    if (!facts || facts.calls < MIN_CALLS) throw new Error(`built workspace has ${facts?.calls ?? 0} calls`);
    process.stderr.write(`built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return facts;
}

if (import.meta.filename === process.argv[1]) {
  const facts = await ensureQueryWorkspace({ force: process.argv.includes('--force') });
  process.stdout.write(`${QUERY_WORKSPACE}: ${facts.calls} calls, ${facts.firstDay}..${facts.lastDay}\n`);
}

/**
 * `npm run bench:query [-- --engine sqlite|pg|both --calls N --query-runs N --duck-runs K --loads L
 * --no-open --no-explorer]`: the month overview on a 10M-call workspace (200 agents, 12 months).
 * The SQLite one is built once through the real import path and reused; on PostgreSQL (`--engine
 * pg`) the same calls are loaded into a database the bench creates and drops
 * (query-pg-workspace.ts). Times every query the overview makes through the API dispatcher,
 * computes the same aggregations over the raw calls in DuckDB (the outside anchor, same run),
 * checks that both give the same numbers, and times opening the app (web host + Chromium) until
 * the KPI tiles show. `--calls N` makes a smaller workspace to develop with.
 * Ends with: overview: <ms> ms, duckdb: <ms> ms, ratio <x>   (medians; ratio = duckdb / overview)
 * and on PostgreSQL: overview on PostgreSQL: <ms> ms, duckdb: …, and with `--engine both` the
 * ratio of PostgreSQL's median to SQLite's in the same run.
 */
import './bench-clock';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { breakdown, heatmap, leaderboard, summary } from '../../src-main/metrics/queries';
import { openWorkspace, type Workspace } from '../../src-main/workspace';
import { contract, type Filter, type Output } from '../../src-shared/api';
import { presetRange, previousPeriod } from '../../src-shared/periods';
import { addDays } from '../../src-shared/time';
import { openRawCalls, rawAggregates } from './query-duckdb';
import { duckTopTalk, timeExplorer } from './query-explorer';
import { checkSameNumbers, overviewQueries } from './query-overview';
import { timeOpenDashboard } from './query-open';
import { TEST_ADMIN } from '../helpers';
import { loadQueryWorkspacePg } from './query-pg-workspace';
import { queryWorkspaceDefinition, TIME_ZONE } from './query-workspace';
import { namedDatabase, withAdmin } from '../pg-admin';
import { openBenchApi } from './bench-api';

const REPO = path.resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  // Not strict: `npm run bench` hands every benchmark the same arguments.
  strict: false,
  options: {
    'query-runs': { type: 'string', default: '21' },
    'duck-runs': { type: 'string', default: '7' },
    loads: { type: 'string', default: '5' },
    'no-open': { type: 'boolean', default: false },
    /** skips the calls explorer's pages (a year's floor-wide sorts take minutes on a busy machine) */
    'no-explorer': { type: 'boolean', default: false },
    /** on PostgreSQL: the server logs the plan (EXPLAIN ANALYZE) of every statement over 5 ms (auto_explain) */
    explain: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    engine: { type: 'string', default: 'sqlite' },
    calls: { type: 'string', default: '10000000' },
  },
});
const queryRuns = Number(values['query-runs']);
const duckRuns = Number(values['duck-runs']);
const loads = Number(values.loads);
const engineFlag = String(values.engine);
if (!['sqlite', 'pg', 'both'].includes(engineFlag)) throw new Error('--engine is sqlite, pg or both');
const def = queryWorkspaceDefinition(Number(values.calls));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(1);

async function timeRuns(warmups: number, runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times;
}

function load(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

// 1. The SQLite workspace, built by a child process through the import path when missing or
// stale: the DuckDB anchor's calls are exported from it, whichever engine is measured.
const build = spawnSync(
  path.join(REPO, 'node_modules/.bin/tsx'),
  [
    path.join(import.meta.dirname, 'query-workspace.ts'),
    `--calls=${values.calls}`,
    ...(values.rebuild ? ['--force'] : []),
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (build.status !== 0) throw new Error('building the benchmark workspace failed');

type Engine = 'SQLite' | 'PostgreSQL';

/** One engine's figures: the overview under each filter (with its answers), and the secondary lines. */
async function measure(engine: Engine, ws: Workspace, target: string) {
  const api = await openBenchApi(ws);
  const infoOutcome = await api.dispatch('workspace.info', {});
  if (!infoOutcome.ok) throw new Error(infoOutcome.error.message);
  const info = infoOutcome.value as Output<'workspace.info'>;
  const agent = await ws.kysely
    .selectFrom('agents')
    .select(['id', 'code'])
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const team = await ws.kysely
    .selectFrom('teams')
    .select(['id', 'name'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();

  const lastMonth: Filter = presetRange('lastMonth', info.today);
  const variants: { label: string; filter: Filter }[] = [
    { label: `last full month ${lastMonth.from}..${lastMonth.to}`, filter: lastMonth },
    {
      label: `month to date ${presetRange('thisMonth', info.today).from}..${info.today}`,
      filter: presetRange('thisMonth', info.today),
    },
    { label: `agent ${agent.code}, last full month`, filter: { ...lastMonth, agentId: agent.id } },
    { label: `team ${team.name}, last full month`, filter: { ...lastMonth, teamId: team.id } },
  ];
  process.stdout.write(
    `${engine} workspace: ${engine === 'SQLite' ? path.relative(REPO, target) : `database ${new URL(target).pathname.slice(1)}`}, ` +
      `${info.calls} calls, ${info.agents} agents, ${info.firstDay}..${info.lastDay}; ${os.cpus().length} cores, ${load()}\n`,
  );

  // The overview through the dispatcher (input validation, handlers, zod output validation).
  const overview = [];
  for (const v of variants) {
    const answers = await overviewQueries(api.dispatch, v.filter);
    const times = await timeRuns(3, queryRuns, () => overviewQueries(api.dispatch, v.filter));
    overview.push({ ...v, answers, median: median(times) });
  }
  const main = overview[0]!;

  // Each endpoint alone, and the handlers without the dispatcher, on the main filter.
  const endpoint = async (method: string, input: unknown) =>
    median(await timeRuns(2, queryRuns, () => api.dispatch(method, input)));
  const alone = {
    summary: await endpoint('metrics.summary', { filter: main.filter }),
    'by day': await endpoint('metrics.breakdown', { filter: main.filter, by: 'day' }),
    'by team': await endpoint('metrics.breakdown', { filter: main.filter, by: 'team' }),
    'by agent': await endpoint('metrics.breakdown', { filter: main.filter, by: 'agent' }),
    leaderboard: await endpoint('metrics.leaderboard', { filter: main.filter }),
    heatmap: await endpoint('metrics.heatmap', { filter: main.filter }),
    // the dashboard's list, asked after the tiles: 31 days of alerts over their baseline days
    'needs attention': await endpoint('review.attention', { filter: main.filter }),
  };
  const handlers = () =>
    Promise.all([
      summary(ws.kysely, main.filter),
      breakdown(ws.kysely, main.filter, 'day'),
      breakdown(ws.kysely, main.filter, 'team'),
      leaderboard(ws.kysely, main.filter),
      heatmap(ws.kysely, main.filter),
    ]);
  const handlersOnly = median(await timeRuns(3, queryRuns, handlers));
  // The dispatcher's output validation alone, on the same five answers.
  const [sumOut, dayOut, teamOut, boardOut, heatOut] = await handlers();
  const outputValidation = median(
    await timeRuns(3, queryRuns, async () => {
      for (const [method, value] of [
        ['metrics.summary', sumOut],
        ['metrics.breakdown', { rows: dayOut }],
        ['metrics.breakdown', { rows: teamOut }],
        ['metrics.leaderboard', boardOut],
        ['metrics.heatmap', { cells: heatOut }],
      ] as const) {
        if (!contract[method].output.safeParse(value).success) throw new Error(`${method}: invalid output`);
      }
    }),
  );

  // The calls explorer, floor-wide: the last full month and the last twelve months.
  const lastYear: Filter = { from: addDays(info.today, -364), to: info.today };
  const explorerRanges = [
    { label: 'last full month', filter: lastMonth },
    { label: `${lastYear.from}..${lastYear.to}`, filter: lastYear },
  ];
  const explorer = [];
  for (const r of values['no-explorer'] ? [] : explorerRanges) {
    const timed = await timeExplorer(api.dispatch, r.filter, async (work) =>
      median(await timeRuns(1, 5, work)),
    );
    explorer.push({ ...r, ...timed });
  }
  await api.close();
  // Opening the app on the workspace (the web host opens it again itself).
  const open = values['no-open']
    ? null
    : await timeOpenDashboard(target, loads, engine === 'PostgreSQL' ? TEST_ADMIN : undefined);
  return { engine, info, overview, alone, handlersOnly, outputValidation, explorer, open };
}

type Measured = Awaited<ReturnType<typeof measure>>;
const measured: Measured[] = [];

if (engineFlag !== 'pg') {
  const ws = await openWorkspace(def.file);
  try {
    measured.push(await measure('SQLite', ws, def.file));
  } finally {
    await ws.close();
  }
}
if (engineFlag !== 'sqlite') {
  // Kept between runs, as the SQLite file is (loading 10M calls takes minutes): a database whose
  // load finished carries a comment saying so; one interrupted mid-load is loaded again.
  const name = `callscope_bench_query_${Number(values.calls)}`;
  if (values.rebuild) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const db = await namedDatabase(name);
  const loadedMark = `loaded: ${def.agents} agents, ${def.days} days, ${def.dialsPerAgentDay} dials, seed ${def.seed}`;
  const loaded =
    db.existed &&
    (
      await withAdmin((c) =>
        c.query<{ comment: string | null }>(
          'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
          [name, 'pg_database'],
        ),
      )
    ).rows[0]?.comment === loadedMark;
  if (db.existed && !loaded) {
    await db.drop();
    await namedDatabase(name);
  }
  {
    if (values.explain)
      await withAdmin(async (c) => {
        for (const setting of [
          `session_preload_libraries = 'auto_explain'`,
          `auto_explain.log_min_duration = 5`,
          `auto_explain.log_analyze = on`,
        ])
          await c.query(`ALTER DATABASE ${db.name} SET ${setting}`);
      });
    const ws = await openWorkspace(db.url);
    try {
      if (loaded)
        process.stderr.write(`PostgreSQL: reusing the loaded database ${name} (--rebuild loads it again)\n`);
      else {
        const api = await openBenchApi(ws);
        const set = await api.dispatch('settings.update', { timeZone: TIME_ZONE });
        if (!set.ok) throw new Error(set.error.message);
        await api.close();
        const started = performance.now();
        const facts = await loadQueryWorkspacePg(
          ws,
          db.url,
          def,
          (await ws.settings()).effectiveThresholdSeconds,
        );
        process.stderr.write(
          `PostgreSQL: ${facts.calls} calls loaded in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
            `(COPY ${facts.copySeconds.toFixed(0)} s, indexes ${facts.indexSeconds.toFixed(0)} s, ` +
            `rollups ${facts.rollupSeconds.toFixed(0)} s, ANALYZE ${facts.analyzeSeconds.toFixed(0)} s)\n`,
        );
        await withAdmin((c) => c.query(`COMMENT ON DATABASE ${name} IS '${loadedMark}'`));
      }
      measured.push(await measure('PostgreSQL', ws, db.url));
    } finally {
      await ws.close();
    }
  }
}
const calls = measured[0]!.info.calls;
for (const m of measured)
  if (m.info.calls !== calls) throw new Error(`${m.engine} holds ${m.info.calls} calls, not ${calls}`);

// 2. The anchor: DuckDB over the raw calls, same aggregations, same numbers.
const duck = await openRawCalls(def.file, def.file.replace(/\.sqlite$/, '.duckdb'), calls);
if (duck.loadedSeconds !== null)
  process.stderr.write(`DuckDB: raw calls exported and loaded in ${duck.loadedSeconds.toFixed(1)} s\n`);
const threshold = measured[0]!.info.settings.effectiveThresholdSeconds;
const duckMedians: number[] = [];
const duckExplorer: number[] = [];
try {
  for (const [i, v] of measured[0]!.overview.entries()) {
    const previous = { ...v.filter, ...previousPeriod(v.filter) };
    const raw = await rawAggregates(duck.con, v.filter, previous, threshold);
    for (const m of measured) checkSameNumbers(`${m.engine} ${v.label}`, m.overview[i]!.answers, raw);
    const times = await timeRuns(2, duckRuns, () => rawAggregates(duck.con, v.filter, previous, threshold));
    duckMedians.push(median(times));
  }
  for (const [i, r] of measured[0]!.explorer.entries()) {
    const top = await duckTopTalk(duck.con, r.filter);
    for (const m of measured)
      if (top.join() !== m.explorer[i]!.firstTalkPage.join())
        throw new Error(`${m.engine} explorer ${r.label}: the first page by talk time differs from DuckDB's`);
    duckExplorer.push(median(await timeRuns(1, duckRuns, () => duckTopTalk(duck.con, r.filter))));
  }
} finally {
  duck.close();
}

for (const m of measured) {
  // SQLite's lines read as they always have; PostgreSQL's are marked.
  const on = m.engine === 'SQLite' ? '' : `${m.engine} `;
  m.explorer.forEach((r, i) =>
    process.stdout.write(
      `${on}explorer ${r.label}, floor-wide, page of 100, first/tenth: ` +
        r.times.map((t) => `${t.sort} ${ms(t.firstMs)}/${ms(t.tenthMs)}`).join(', ') +
        ` ms; duckdb top 100 by talk ${ms(duckExplorer[i]!)} ms (same talk times)\n`,
    ),
  );
  m.overview.forEach((v, i) =>
    process.stdout.write(
      `${on}${v.label}: overview ${ms(v.median)} ms, duckdb ${ms(duckMedians[i]!)} ms, ratio ${(duckMedians[i]! / v.median).toFixed(1)} (same numbers)\n`,
    ),
  );
  process.stdout.write(
    `${on}each alone (last full month): ${Object.entries(m.alone)
      .map(([k, t]) => `${k} ${ms(t)}`)
      .join(', ')} ms\n` +
      `${on}the five handlers alone (no dispatcher): ${ms(m.handlersOnly)} ms; zod output validation of their answers: ${ms(m.outputValidation)} ms\n`,
  );
  if (m.open)
    process.stdout.write(
      `${on}open dashboard: ${ms(median(m.open.loadsMs))} ms (host start ${ms(m.open.hostStartMs)} ms; ` +
        `${loads} cold page loads ${m.open.loadsMs.map((t) => t.toFixed(0)).join('/')} ms; dials tile ${m.open.dials})\n`,
    );
}

process.stdout.write(`${load()} at the end; medians of ${queryRuns} overview and ${duckRuns} DuckDB runs\n`);
for (const m of measured) {
  const main = m.overview[0]!.median;
  process.stdout.write(
    `overview${m.engine === 'SQLite' ? '' : ` on ${m.engine}`}: ${ms(main)} ms, duckdb: ${ms(duckMedians[0]!)} ms, ratio ${(duckMedians[0]! / main).toFixed(1)}\n`,
  );
}
if (measured.length === 2) {
  const [lite, pgm] = measured.map((m) => m.overview[0]!.median) as [number, number];
  process.stdout.write(
    `overview PostgreSQL / SQLite: ${ms(pgm)} / ${ms(lite)} ms, ratio ${(pgm / lite).toFixed(2)} (goal: ≤ 2 and ≤ 50 ms)\n`,
  );
}

/**
 * `npm run bench:query [-- --query-runs N --duck-runs K --loads L --no-open]`: the month overview
 * on a 10M-call workspace (200 agents, 12 months), built once through the real import path and
 * reused. Times every query the overview makes through the API dispatcher, computes the same
 * aggregations over the raw calls in DuckDB (the outside anchor, same run), checks that both give
 * the same numbers, and times opening the app (web host + Chromium) until the KPI tiles show.
 * Ends with: overview: <ms> ms, duckdb: <ms> ms, ratio <x>   (medians; ratio = duckdb / overview)
 */
import './bench-clock';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../../src-main/api';
import { breakdown, heatmap, leaderboard, summary } from '../../src-main/metrics/queries';
import { openWorkspace } from '../../src-main/workspace';
import { contract, type Filter, type Output } from '../../src-shared/api';
import { presetRange, previousPeriod } from '../../src-shared/periods';
import { addDays } from '../../src-shared/time';
import { openRawCalls, rawAggregates } from './query-duckdb';
import { duckTopTalk, timeExplorer } from './query-explorer';
import { checkSameNumbers, overviewQueries } from './query-overview';
import { timeOpenDashboard } from './query-open';
import { QUERY_WORKSPACE } from './query-workspace';

const REPO = path.resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  // Not strict: `npm run bench` hands every benchmark the same arguments.
  strict: false,
  options: {
    'query-runs': { type: 'string', default: '21' },
    'duck-runs': { type: 'string', default: '7' },
    loads: { type: 'string', default: '5' },
    'no-open': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
});
const queryRuns = Number(values['query-runs']);
const duckRuns = Number(values['duck-runs']);
const loads = Number(values.loads);

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

// 1. The workspace, built by a child process through the import path when missing or stale.
const build = spawnSync(
  path.join(REPO, 'node_modules/.bin/tsx'),
  [path.join(import.meta.dirname, 'query-workspace.ts'), ...(values.rebuild ? ['--force'] : [])],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (build.status !== 0) throw new Error('building the benchmark workspace failed');

const ws = await openWorkspace(QUERY_WORKSPACE);
const api = createApi(ws);
const infoOutcome = await api.dispatch('workspace.info', {});
if (!infoOutcome.ok) throw new Error(infoOutcome.error.message);
const info = infoOutcome.value as Output<'workspace.info'>;
const agent = ws.db.prepare('SELECT id, code FROM agents ORDER BY code LIMIT 1').get() as {
  id: number;
  code: string;
};
const team = ws.db.prepare('SELECT id, name FROM teams ORDER BY id LIMIT 1').get() as {
  id: number;
  name: string;
};

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
  `workspace: ${path.relative(REPO, QUERY_WORKSPACE)}, ${info.calls} calls, ${info.agents} agents, ` +
    `${info.firstDay}..${info.lastDay}; ${os.cpus().length} cores, ${load()}\n`,
);

// 2. The overview through the dispatcher (input validation, handlers, zod output validation).
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
for (const r of explorerRanges) {
  const timed = await timeExplorer(api.dispatch, r.filter, async (work) =>
    median(await timeRuns(1, 5, work)),
  );
  explorer.push({ ...r, ...timed });
}
await api.close();
await ws.close();

// 3. The anchor: DuckDB over the raw calls, same aggregations, same numbers.
const duck = await openRawCalls(QUERY_WORKSPACE, path.join(REPO, '.tmp/bench/query-10m.duckdb'), info.calls);
if (duck.loadedSeconds !== null)
  process.stderr.write(`DuckDB: raw calls exported and loaded in ${duck.loadedSeconds.toFixed(1)} s\n`);
const threshold = info.settings.effectiveThresholdSeconds;
const duckMedians: number[] = [];
try {
  for (const v of overview) {
    const previous = { ...v.filter, ...previousPeriod(v.filter) };
    const raw = await rawAggregates(duck.con, v.filter, previous, threshold);
    checkSameNumbers(v.label, v.answers, raw);
    const times = await timeRuns(2, duckRuns, () => rawAggregates(duck.con, v.filter, previous, threshold));
    duckMedians.push(median(times));
  }
  for (const r of explorer) {
    const top = await duckTopTalk(duck.con, r.filter);
    if (top.join() !== r.firstTalkPage.join())
      throw new Error(`explorer ${r.label}: the first page by talk time differs from DuckDB's`);
    const duckMs = median(await timeRuns(1, duckRuns, () => duckTopTalk(duck.con, r.filter)));
    process.stdout.write(
      `explorer ${r.label}, floor-wide, page of 100, first/tenth: ` +
        r.times.map((t) => `${t.sort} ${ms(t.firstMs)}/${ms(t.tenthMs)}`).join(', ') +
        ` ms; duckdb top 100 by talk ${ms(duckMs)} ms (same talk times)\n`,
    );
  }
} finally {
  duck.close();
}

overview.forEach((v, i) =>
  process.stdout.write(
    `${v.label}: overview ${ms(v.median)} ms, duckdb ${ms(duckMedians[i]!)} ms, ratio ${(duckMedians[i]! / v.median).toFixed(1)} (same numbers)\n`,
  ),
);
process.stdout.write(
  `each alone (last full month): ${Object.entries(alone)
    .map(([k, t]) => `${k} ${ms(t)}`)
    .join(', ')} ms\n` +
    `the five handlers alone (no dispatcher): ${ms(handlersOnly)} ms; zod output validation of their answers: ${ms(outputValidation)} ms\n`,
);

// 4. Opening the app on the workspace.
if (!values['no-open']) {
  const open = await timeOpenDashboard(QUERY_WORKSPACE, loads);
  process.stdout.write(
    `open dashboard: ${ms(median(open.loadsMs))} ms (host start ${ms(open.hostStartMs)} ms; ` +
      `${loads} cold page loads ${open.loadsMs.map((t) => t.toFixed(0)).join('/')} ms; dials tile ${open.dials})\n`,
  );
}

process.stdout.write(`${load()} at the end; medians of ${queryRuns} overview and ${duckRuns} DuckDB runs\n`);
process.stdout.write(
  `overview: ${ms(main.median)} ms, duckdb: ${ms(duckMedians[0]!)} ms, ratio ${(duckMedians[0]! / main.median).toFixed(1)}\n`,
);

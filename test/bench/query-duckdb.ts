/**
 * The outside anchor of the query benchmark: the overview's aggregations computed by DuckDB
 * straight from the raw calls (no rollups), the way an analyst would with a columnar engine.
 *
 * DuckDB cannot attach SQLite here without downloading an extension, so the calls are exported
 * once with the sqlite3 command line to a CSV and loaded into a DuckDB file beside the workspace
 * (reused while it matches the workspace's call count).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Filter } from '../../src-shared/api';
import type { KpiCounts } from '../../src-shared/kpi';
import type { Day } from '../../src-shared/time';

/** What each aggregation returns, in plain numbers, for the comparison with the API's answers. */
export interface RawAggregates {
  current: KpiCounts;
  activeDays: number;
  previous: KpiCounts;
  byDay: Map<Day, KpiCounts>;
  /** by team id (0 for agents without a team) */
  byTeam: Map<number, KpiCounts>;
  /** per agent id, per day */
  agentDays: Map<number, Map<Day, KpiCounts>>;
  /** key weekday * 24 + hour */
  heatmap: Map<number, { dials: number; connects: number; sales: number }>;
}

const CALL_COLUMNS =
  'agent_id, day, hour, weekday, direction, disposition, talk_seconds, is_intent, is_sale, sale_amount';

function sqliteToCsv(sqliteFile: string, query: string, csvFile: string): void {
  const r = spawnSync('sqlite3', ['-readonly', '-csv', '-header', sqliteFile, query], {
    stdio: ['ignore', fs.openSync(csvFile, 'w'), 'pipe'],
  });
  if (r.status !== 0) throw new Error(`sqlite3 export failed: ${r.stderr.toString()}`);
}

async function one(con: DuckDBConnection, query: string): Promise<DuckDBValue[] | undefined> {
  return (await con.runAndReadAll(query)).getRows()[0];
}

/**
 * A DuckDB database holding the workspace's raw calls, agents and teams: loaded from a CSV export
 * the first time, then reused from `duckFile` while its call count matches.
 */
export async function openRawCalls(
  sqliteFile: string,
  duckFile: string,
  expectedCalls: number,
): Promise<{ con: DuckDBConnection; close(): void; loadedSeconds: number | null }> {
  let instance = await DuckDBInstance.create(duckFile);
  let con = await instance.connect();
  const have = await one(
    con,
    `SELECT (SELECT count(*) FROM information_schema.tables WHERE table_name = 'calls')`,
  ).then(async (r) =>
    Number(r?.[0]) === 1 ? Number((await one(con, 'SELECT count(*) FROM calls'))?.[0]) : 0,
  );
  let loadedSeconds: number | null = null;
  if (have !== expectedCalls) {
    con.closeSync();
    instance.closeSync();
    for (const f of [duckFile, `${duckFile}.wal`]) fs.rmSync(f, { force: true });
    process.stderr.write(`loading the raw calls into ${duckFile} (sqlite3 CSV export, then read_csv)\n`);
    const started = performance.now();
    const csv = `${duckFile}.calls.csv`;
    sqliteToCsv(sqliteFile, `SELECT ${CALL_COLUMNS} FROM calls`, csv);
    const agentsCsv = `${duckFile}.agents.csv`;
    sqliteToCsv(sqliteFile, 'SELECT id, code, name, team_id FROM agents', agentsCsv);
    const teamsCsv = `${duckFile}.teams.csv`;
    sqliteToCsv(sqliteFile, 'SELECT id, name FROM teams', teamsCsv);
    instance = await DuckDBInstance.create(duckFile);
    con = await instance.connect();
    await con.run(`
      CREATE TABLE calls AS SELECT * FROM read_csv('${csv}', header = true, columns = {
        'agent_id': 'INTEGER', 'day': 'DATE', 'hour': 'TINYINT', 'weekday': 'TINYINT',
        'direction': 'VARCHAR', 'disposition': 'VARCHAR', 'talk_seconds': 'INTEGER',
        'is_intent': 'TINYINT', 'is_sale': 'TINYINT', 'sale_amount': 'BIGINT'});
      CREATE TABLE agents AS SELECT * FROM read_csv('${agentsCsv}', header = true, columns = {
        'id': 'INTEGER', 'code': 'VARCHAR', 'name': 'VARCHAR', 'team_id': 'INTEGER'});
      CREATE TABLE teams AS SELECT * FROM read_csv('${teamsCsv}', header = true, columns = {
        'id': 'INTEGER', 'name': 'VARCHAR'});
      CHECKPOINT;
    `);
    for (const f of [csv, agentsCsv, teamsCsv]) fs.rmSync(f, { force: true });
    loadedSeconds = (performance.now() - started) / 1000;
    const loaded = Number((await one(con, 'SELECT count(*) FROM calls'))?.[0]);
    if (loaded !== expectedCalls)
      throw new Error(`DuckDB loaded ${loaded} calls, the workspace has ${expectedCalls}`);
  }
  return {
    con,
    loadedSeconds,
    close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}

const COUNTS = (threshold: number) => {
  const connect = `(disposition = 'connected' AND talk_seconds > 0)`;
  const effective = `(${connect} AND talk_seconds >= ${threshold})`;
  return `count(*)::BIGINT AS dials,
    count(*) FILTER (WHERE ${connect})::BIGINT AS connects,
    count(*) FILTER (WHERE ${effective})::BIGINT AS effective,
    coalesce(sum(talk_seconds) FILTER (WHERE ${connect}), 0)::BIGINT AS talk,
    coalesce(sum(talk_seconds) FILTER (WHERE ${effective}), 0)::BIGINT AS effective_talk,
    coalesce(sum(is_intent), 0)::BIGINT AS intents,
    coalesce(sum(is_sale), 0)::BIGINT AS sales,
    coalesce(sum(sale_amount) FILTER (WHERE is_sale = 1), 0)::BIGINT AS revenue`;
};

function where(filter: Filter): string {
  // Days and ids come from the benchmark itself, never from input: inlined after validation.
  const day = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a day: ${d}`);
    return `DATE '${d}'`;
  };
  const id = (n: number) => {
    if (!Number.isInteger(n)) throw new Error(`not an id: ${n}`);
    return String(n);
  };
  let w = `c.direction = 'outbound' AND c.day BETWEEN ${day(filter.from)} AND ${day(filter.to)}`;
  if (filter.agentId !== undefined) w += ` AND c.agent_id = ${id(filter.agentId)}`;
  if (filter.teamId !== undefined)
    w += ` AND c.agent_id IN (SELECT id FROM agents WHERE team_id = ${id(filter.teamId)})`;
  if (filter.campaignId !== undefined) throw new Error('the DuckDB anchor has no campaign filter');
  return w;
}

function counts(r: DuckDBValue[], at: number): KpiCounts {
  const n = (i: number) => Number(r[at + i] as bigint);
  return {
    dials: n(0),
    connects: n(1),
    effective: n(2),
    talkSeconds: n(3),
    effectiveTalkSeconds: n(4),
    intents: n(5),
    sales: n(6),
    revenue: n(7),
  };
}

const dayText = (v: DuckDBValue) => String(v) as Day;

/**
 * The overview's aggregations over the raw calls: totals of the period and the previous one,
 * active days, per day, per team, per agent x day, per weekday x hour. One query each, in turn.
 */
export async function rawAggregates(
  con: DuckDBConnection,
  filter: Filter,
  previous: Filter,
  threshold: number,
): Promise<RawAggregates> {
  const sums = COUNTS(threshold);
  const w = where(filter);
  const totals = (
    await con.runAndReadAll(`SELECT ${sums}, count(DISTINCT day) FROM calls c WHERE ${w}`)
  ).getRows()[0]!;
  const prev = (
    await con.runAndReadAll(`SELECT ${sums} FROM calls c WHERE ${where(previous)}`)
  ).getRows()[0]!;
  const byDay = (
    await con.runAndReadAll(`SELECT day, ${sums} FROM calls c WHERE ${w} GROUP BY day ORDER BY day`)
  ).getRows();
  const byTeam = (
    await con.runAndReadAll(
      `SELECT coalesce(a.team_id, 0), t.name, ${sums} FROM calls c JOIN agents a ON a.id = c.agent_id
       LEFT JOIN teams t ON t.id = a.team_id WHERE ${w} GROUP BY a.team_id, t.name ORDER BY t.name`,
    )
  ).getRows();
  const agentDays = (
    await con.runAndReadAll(
      `SELECT c.agent_id, c.day, a.code, a.name, t.name, ${sums} FROM calls c JOIN agents a ON a.id = c.agent_id
       LEFT JOIN teams t ON t.id = a.team_id WHERE ${w} GROUP BY ALL`,
    )
  ).getRows();
  const heat = (
    await con.runAndReadAll(
      `SELECT weekday, hour, count(*)::BIGINT,
         count(*) FILTER (WHERE disposition = 'connected' AND talk_seconds > 0)::BIGINT,
         coalesce(sum(is_sale), 0)::BIGINT
       FROM calls c WHERE ${w} GROUP BY weekday, hour ORDER BY weekday, hour`,
    )
  ).getRows();

  const result: RawAggregates = {
    current: counts(totals, 0),
    activeDays: Number(totals[8] as bigint),
    previous: counts(prev, 0),
    byDay: new Map(byDay.map((r) => [dayText(r[0]!), counts(r, 1)])),
    byTeam: new Map(byTeam.map((r) => [Number(r[0]), counts(r, 2)])),
    agentDays: new Map(),
    heatmap: new Map(
      heat.map((r) => [
        Number(r[0]) * 24 + Number(r[1]),
        { dials: Number(r[2] as bigint), connects: Number(r[3] as bigint), sales: Number(r[4] as bigint) },
      ]),
    ),
  };
  for (const r of agentDays) {
    const agentId = Number(r[0]);
    let days = result.agentDays.get(agentId);
    if (!days) result.agentDays.set(agentId, (days = new Map()));
    days.set(dayText(r[1]!), counts(r, 5));
  }
  return result;
}

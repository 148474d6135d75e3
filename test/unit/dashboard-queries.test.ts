/**
 * The dashboard's and the explorer's queries against plain SQL over the raw calls of a real
 * workspace (the demo floor plus a file with inbound calls, calls without a campaign and calls at
 * the day's edges). Every expectation here is computed from `calls` in the test, by the
 * definitions in DESIGN.md, never by the code under test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsPageQuery, callsTeamCondition, countCalls } from '../../src-main/calls/explorer';
import { openConnection, openDatabase, schemaVersion, migrate } from '../../src-main/db/connection';
import { migrations } from '../../src-main/db/migrations';
import type { CallRow, Input } from '../../src-shared/api';
import { openTestWorkspace, sqlRows, tempDir, type TestWorkspace } from '../helpers';

const THRESHOLD = 30;
const CONNECT = `(disposition = 'connected' AND talk_seconds > 0)`;

let t: TestWorkspace;
let from: string;
let to: string;

function raw<T>(sqlText: string, ...params: unknown[]): Promise<T[]> {
  return sqlRows<T>(t, sqlText, ...params);
}
/** 1 for a row where `cond` holds, else 0: summed, the rows where it holds (on both engines). */
const one = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: THRESHOLD });
  const { jobId } = await t.call('demo.load', { agents: 9, days: 20, seed: 3 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  // Inbound calls, calls with no campaign, and 23:5x / 00:0x local starts, on top of the demo floor.
  const lines = [
    'call_id,agent_code,campaign,started_at,direction,disposition,talk_seconds,outcome,sale_amount',
  ];
  const days = (await raw<{ day: string }>('SELECT DISTINCT day FROM calls ORDER BY day')).map((r) => r.day);
  days.forEach((day, i) => {
    lines.push(`X${i}a,8001,,${day} 23:58:00,outbound,connected,45,sale,99.50`);
    lines.push(`X${i}b,8002,,${day} 00:01:00,inbound,connected,70,none,`);
    lines.push(`X${i}c,9999,Extra,${day} 12:00:00,outbound,no_answer,0,none,`);
  });
  const file = path.join(t.dir, 'extra.csv');
  fs.writeFileSync(file, lines.join('\n'));
  expect((await t.importFile(file, { preset: 'callscope' })).status).toBe('done');
  from = days[3]!;
  to = days[days.length - 2]!;
}, 120_000);

afterAll(async () => t?.close());

describe('metrics.heatmap', () => {
  it('sums outbound dials, connects and sales per weekday and hour as the raw calls do', async () => {
    const { cells } = await t.call('metrics.heatmap', { filter: { from, to } });
    const expected = await raw<{
      weekday: number;
      hour: number;
      dials: number;
      connects: number;
      sales: number;
    }>(
      `SELECT weekday, hour, COUNT(*) AS dials, SUM(${one(CONNECT)}) AS connects, SUM(${one("outcome = 'sale'")}) AS sales
       FROM calls WHERE direction = 'outbound' AND day BETWEEN ? AND ?
       GROUP BY weekday, hour ORDER BY weekday, hour`,
      from,
      to,
    );
    expect(cells.map(({ connectRate: _, ...c }) => c)).toEqual(expected);
    for (const c of cells) expect(c.connectRate).toBeCloseTo(c.connects / c.dials, 12);
    expect(cells.some((c) => c.hour === 23) && cells.some((c) => c.hour === 0)).toBe(true);
  });

  it('follows a team filter through the agents of the team', async () => {
    const teams = await t.call('teams.list');
    const team = teams[0]!;
    const { cells } = await t.call('metrics.heatmap', {
      filter: { from, to, teamId: team.id },
    });
    const [expected] = await raw<{ dials: number }>(
      `SELECT COUNT(*) AS dials FROM calls c JOIN agents a ON a.id = c.agent_id
       WHERE direction = 'outbound' AND day BETWEEN ? AND ? AND a.team_id = ?`,
      from,
      to,
      team.id,
    );
    expect(cells.reduce((s, c) => s + c.dials, 0)).toBe(expected!.dials);
    expect(expected!.dials).toBeGreaterThan(0);
  });
});

describe('metrics.summary', () => {
  it('counts agent-days (an agent on a day with a dial) of the range and of the previous period', async () => {
    const summary = await t.call('metrics.summary', { filter: { from, to } });
    const agentDays = async (a: string, b: string) =>
      (
        await raw<{ n: number }>(
          `SELECT COUNT(*) AS n FROM (SELECT DISTINCT day, agent_id FROM calls
         WHERE direction = 'outbound' AND day BETWEEN ? AND ?) AS agent_days`,
          a,
          b,
        )
      )[0]!.n;
    expect(summary.agentDays).toBe(await agentDays(from, to));
    expect(summary.previousAgentDays).toBe(
      await agentDays(summary.previousRange.from, summary.previousRange.to),
    );
    expect(summary.agentDays).toBeGreaterThan(50);
  });
});

describe('metrics.leaderboard', () => {
  it('gives every agent with calls their range totals and a per-day series matching the raw calls', async () => {
    const board = await t.call('metrics.leaderboard', {
      filter: { from, to },
    });
    expect(board.days[0]).toBe(from);
    expect(board.days[board.days.length - 1]).toBe(to);
    const perAgentDay = await raw<{
      code: string;
      day: string;
      dials: number;
      connects: number;
      sales: number;
    }>(
      `SELECT a.code, c.day, COUNT(*) AS dials, SUM(${one(CONNECT)}) AS connects, SUM(${one("outcome = 'sale'")}) AS sales
       FROM calls c JOIN agents a ON a.id = c.agent_id
       WHERE direction = 'outbound' AND day BETWEEN ? AND ? GROUP BY a.code, c.day`,
      from,
      to,
    );
    const codes = [...new Set(perAgentDay.map((r) => r.code))].sort();
    expect(board.rows.map((r) => r.key)).toEqual(codes);
    for (const row of board.rows) {
      const mine = perAgentDay.filter((r) => r.code === row.key);
      expect(row.dials).toBe(mine.reduce((s, r) => s + r.dials, 0));
      expect(row.sales).toBe(mine.reduce((s, r) => s + r.sales, 0));
      for (const r of mine) {
        const i = board.days.indexOf(r.day);
        expect([row.daily.dials[i], row.daily.connects[i], row.daily.sales[i]]).toEqual([
          r.dials,
          r.connects,
          r.sales,
        ]);
      }
      expect(row.daily.dials.reduce((s, n) => s + n, 0)).toBe(row.dials);
    }
    // The leaderboard's KPIs are the agent breakdown's.
    const { rows: byAgent } = await t.call('metrics.breakdown', {
      filter: { from, to },
      by: 'agent',
    });
    expect(board.rows.map(({ teamName: _t, daily: _d, ...r }) => r)).toEqual(byAgent);
  });
});

describe('metrics.agent', () => {
  it("counts one agent's connects per talk bucket and their dispositions and outcomes", async () => {
    const agents = await t.call('agents.list');
    const agent = agents.find((a) => a.code === '8001')!;
    const profile = await t.call('metrics.agent', { agentId: agent.id, filter: { from, to } });
    const talks = (
      await raw<{ talk_seconds: number }>(
        `SELECT talk_seconds FROM calls WHERE agent_id = ? AND direction = 'outbound' AND day BETWEEN ? AND ?
       AND ${CONNECT}`,
        agent.id,
        from,
        to,
      )
    ).map((r) => r.talk_seconds);
    const bounds = [10, 30, 60, 120, 300, 600, Infinity];
    const expected = bounds.map(
      (upper, i) => talks.filter((s) => s < upper && s >= (i === 0 ? 0 : bounds[i - 1]!)).length,
    );
    expect(profile.talkBuckets).toEqual(expected);
    const mix = await raw<{ disposition: string; n: number }>(
      `SELECT disposition, COUNT(*) AS n FROM calls WHERE agent_id = ? AND direction = 'outbound'
       AND day BETWEEN ? AND ? GROUP BY disposition`,
      agent.id,
      from,
      to,
    );
    for (const m of mix) expect(profile.dispositions[m.disposition as 'connected']).toBe(m.n);
    expect(Object.values(profile.outcomes).reduce((s, n) => s + n, 0)).toBe(mix.reduce((s, m) => s + m.n, 0));
    expect(profile.agent.code).toBe('8001');
  });

  it('says which agent does not exist', async () => {
    await expect(t.call('metrics.agent', { agentId: 999_999, filter: { from, to } })).rejects.toThrow(
      /not_found: .*agent 999999/,
    );
  });
});

describe('calls.list and calls.count', () => {
  type Order = { sort: 'startedAt' | 'talkSeconds' | 'ringSeconds' | 'saleAmount'; order: 'asc' | 'desc' };
  const ORDER_SQL: Record<Order['sort'], string> = {
    startedAt: 'day {d}, started_at {d}, id {d}',
    talkSeconds: 'talk_seconds {d}, started_at {d}, id {d}',
    ringSeconds: 'ring_seconds {d}, started_at {d}, id {d}',
    // No amount sorts below every amount, as SQLite puts NULLs (PostgreSQL puts them last unless told).
    saleAmount: 'sale_amount {d} {nulls}, started_at {d}, id {d}',
  };

  const orderSql = (sort: Order['sort'], order: Order['order']) =>
    ORDER_SQL[sort]
      .replaceAll('{d}', order)
      .replace('{nulls}', order === 'asc' ? 'NULLS FIRST' : 'NULLS LAST');

  async function walk(query: Input<'calls.count'>, order: Order, limit: number): Promise<CallRow[]> {
    const rows: CallRow[] = [];
    let after: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = await t.call('calls.list', {
        ...query,
        ...order,
        limit,
        ...(after ? { after } : {}),
      });
      rows.push(...res.rows);
      if (res.next === null) return rows;
      expect(res.rows).toHaveLength(limit);
      after = res.next;
    }
    throw new Error('too many pages');
  }

  it('pages through every call of a range, in every sort and direction, without gaps or repeats', async () => {
    const range = { from: to, to }; // one day: a few hundred calls, pages of 37
    for (const sort of Object.keys(ORDER_SQL) as Order['sort'][]) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = (
          await raw<{ id: number }>(
            `SELECT id FROM calls WHERE day BETWEEN ? AND ? ORDER BY ${orderSql(sort, order)}`,
            range.from,
            range.to,
          )
        ).map((r) => r.id);
        const rows = await walk({ filter: range }, { sort, order }, 37);
        expect(
          rows.map((r) => r.id),
          `${sort} ${order}`,
        ).toEqual(expected);
      }
    }
  });

  it('reads a range of days by talk time and amount day by day (and by ring time sorted), in plain SQL order, under filters', async () => {
    const team = (await t.call('teams.list'))[0]!;
    const range = {
      from,
      to: new Date(Date.parse(`${from}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10),
    };
    for (const sort of ['talkSeconds', 'ringSeconds', 'saleAmount'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const narrow of [false, true]) {
          const query: Input<'calls.count'> = narrow
            ? { filter: { ...range, teamId: team.id }, dispositions: ['connected'], talkMin: 1 }
            : { filter: range };
          const expected = (
            await raw<{ id: number }>(
              `SELECT c.id FROM calls c JOIN agents a ON a.id = c.agent_id WHERE day BETWEEN ? AND ?
             ${narrow ? `AND a.team_id = ${team.id} AND disposition = 'connected' AND talk_seconds >= 1` : ''}
             ORDER BY ${orderSql(sort, order).replace(/\bid\b/, 'c.id')}`,
              range.from,
              range.to,
            )
          ).map((r) => r.id);
          expect(expected.length).toBeGreaterThan(100);
          const rows = await walk(query, { sort, order }, 61);
          expect(
            rows.map((r) => r.id),
            `${sort} ${order} ${narrow ? 'narrowed' : ''}`,
          ).toEqual(expected);
        }
      }
    }
  });

  it('reads each day from its ordered index, and sorts ranges too long to read day by day', async () => {
    const long = { from: '2024-01-01', to };
    // The plans are SQLite's (EXPLAIN QUERY PLAN); PostgreSQL plans by its statistics. The pages
    // below hold on both.
    if (t.ws.engine === 'sqlite') {
      const plan = async (req: Parameters<typeof callsPageQuery>[1]) => {
        const teams = await callsTeamCondition(t.ws.kysely, req);
        const { sql: text, parameters } = callsPageQuery(t.ws.kysely, req, teams).compile();
        const steps = await raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, ...parameters);
        return steps.map((r) => r.detail).join('\n');
      };
      const page = { sort: 'talkSeconds', order: 'desc', limit: 50 } as const;
      const talk = await plan({ ...page, filter: { from, to } });
      expect(talk).toMatch(/COVERING INDEX calls_day_talk \(day=\? AND talk_seconds>\?\)/);
      expect(talk).toMatch(/INDEX calls_day_time \(day=\?\)/); // the calls at zero, in time order
      // No day sorts its rows (each reads an index in order): the only sorts are the union's first
      // rows and the page's, however many days the range has.
      expect(talk.match(/USE TEMP B-TREE/g)).toHaveLength(2);
      expect(await plan({ ...page, sort: 'saleAmount', filter: { from, to } })).toMatch(/calls_day_amount/);
      expect(await plan({ ...page, filter: long })).not.toMatch(/calls_day_talk/);
    }
    const expected = (
      await raw<{ id: number }>(
        'SELECT id FROM calls WHERE day BETWEEN ? AND ? ORDER BY talk_seconds DESC, started_at DESC, id DESC',
        long.from,
        long.to,
      )
    ).map((r) => r.id);
    expect(
      (await walk({ filter: long }, { sort: 'talkSeconds', order: 'desc' }, 500)).map((r) => r.id),
    ).toEqual(expected);
  });

  it('narrows by team, disposition, outcome, direction and talk range as plain SQL does', async () => {
    const team = (await t.call('teams.list'))[1]!;
    const query: Input<'calls.count'> = {
      filter: { from, to, teamId: team.id },
      dispositions: ['connected', 'voicemail'],
      outcomes: ['none', 'sale'],
      direction: 'outbound',
      talkMin: 20,
      talkMax: 200,
    };
    const expected = (
      await raw<{ id: number }>(
        `SELECT c.id FROM calls c JOIN agents a ON a.id = c.agent_id
       WHERE day BETWEEN ? AND ? AND a.team_id = ? AND disposition IN ('connected', 'voicemail')
         AND outcome IN ('none', 'sale') AND direction = 'outbound' AND talk_seconds BETWEEN 20 AND 200
       ORDER BY day DESC, started_at DESC, c.id DESC`,
        from,
        to,
        team.id,
      )
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(100);
    const rows = await walk(query, { sort: 'startedAt', order: 'desc' }, 100);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(await t.call('calls.count', query)).toEqual({ count: expected.length, capped: false });
  });

  it('shows what a team lead reads: local time, agent, campaign, and the number masked', async () => {
    const { rows } = await t.call('calls.list', {
      filter: { from: to, to },
      sort: 'startedAt',
      order: 'desc',
      limit: 5,
    });
    const first = rows[0]!;
    // The extra file's 23:58 call on that day is its latest (Asia/Shanghai wall clock).
    expect(first).toMatchObject({ day: to, time: '23:58:00', agentCode: '8001', campaign: null });
    const stored = await raw<{ phone_last4: string | null }>(
      'SELECT phone_last4 FROM calls WHERE id = ?',
      rows[1]!.id,
    );
    expect(rows[1]!.phone).toBe(`•••• ${stored[0]!.phone_last4}`);
    for (const r of rows) expect(r.phone ?? '•••• 0000').toMatch(/^•••• \d{4}$/); // never the full number
  });

  it('refuses a cursor it did not make, saying what to do', async () => {
    await expect(
      t.call('calls.list', { filter: { from, to }, sort: 'talkSeconds', after: 'bm90IGEgY3Vyc29y' }),
    ).rejects.toThrow(/bad_input: `after` is not a cursor of this sort/);
  });

  it('counts no further than its cap', async () => {
    const [all] = await raw<{ n: number }>(
      'SELECT COUNT(*) AS n FROM calls WHERE day BETWEEN ? AND ?',
      from,
      to,
    );
    expect(await countCalls(t.ws.kysely, { filter: { from, to } }, 50)).toEqual({ count: 50, capped: true });
    expect(await countCalls(t.ws.kysely, { filter: { from, to } }, all!.n)).toEqual({
      count: all!.n,
      capped: false,
    });
  });
});

describe('workspace.info', () => {
  it('counts the stored calls (from the batches) through imports and undos', async () => {
    const count = async () => (await raw<{ n: number }>('SELECT COUNT(*) AS n FROM calls'))[0]!.n;
    const info = await t.call('workspace.info');
    expect(info.calls).toBe(await count());
    const file = path.join(t.dir, 'more.csv');
    fs.writeFileSync(
      file,
      'call_id,agent_code,started_at,disposition,talk_seconds\nM1,8003,2026-11-02 10:00:00,connected,40\n',
    );
    const job = await t.importFile(file, { preset: 'callscope' });
    expect((await t.call('workspace.info')).calls).toBe(await count());
    await t.call('import.undo', { batchId: job.result!.batchId });
    expect((await t.call('workspace.info')).calls).toBe(await count());
    expect(await count()).toBe(info.calls);
  });
});

describe('migration 3', () => {
  it('fills the hourly rollup from the calls of a workspace written before it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v2.sqlite');
    const db = openConnection(file);
    await migrate(db, file, migrations.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    db.exec(`
      INSERT INTO agents (id, code, created_at) VALUES (1, '8001', 0);
      INSERT INTO import_batches (id, file_name, file_sha256, file_size, preset, mapping, time_zone, status, started_at)
        VALUES (1, 'a.csv', '', 0, 'callscope', '{}', 'Asia/Shanghai', 'done', 0);
      INSERT INTO calls (source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday, direction,
        disposition, talk_seconds, outcome, is_intent, is_sale, sale_amount) VALUES
        ('a', 1, 1, NULL, 0, '2026-11-02', 9, 1, 'outbound', 'connected', 45, 'sale', 1, 1, 1000),
        ('b', 1, 1, NULL, 0, '2026-11-02', 9, 1, 'outbound', 'connected', 10, 'none', 0, 0, 0),
        ('c', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'outbound', 'busy', 0, 'none', 0, 0, 0),
        ('d', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'inbound', 'connected', 99, 'none', 0, 0, 0),
        ('e', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'outbound', 'connected', 5, 'sale', 1, 1, 500);`);
    db.close();
    const migrated = await openDatabase(file);
    expect(migrated.prepare('SELECT * FROM hourly_agent_stats ORDER BY hour').all()).toEqual([
      {
        day: '2026-11-02',
        hour: 9,
        agent_id: 1,
        campaign_id: 0,
        dials: 2,
        connects: 2,
        effective: 1,
        talk_seconds: 55,
        effective_talk_seconds: 45,
        intents: 1,
        sales: 1,
        revenue: 1000,
        // migration 22's alert counts, at the default 10 s and 30 s: 10 s is not under 10 s
        short_connects: 0,
        short_talk_seconds: 0,
        sales_without_talk: 0,
      },
      {
        day: '2026-11-02',
        hour: 14,
        agent_id: 1,
        campaign_id: 0,
        dials: 2,
        connects: 1,
        effective: 0,
        talk_seconds: 5,
        effective_talk_seconds: 0,
        intents: 1,
        sales: 1,
        revenue: 500,
        short_connects: 1,
        short_talk_seconds: 5,
        sales_without_talk: 1,
      },
    ]);
    const indexes = migrated
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['calls_agent_day_time', 'calls_day_time']));
    expect(indexes).not.toContain('calls_day');
    migrated.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

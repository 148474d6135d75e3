/**
 * PostgreSQL's bulk writer (src-main/db/pg-bulk.ts) on a real server (test/pg-server.ts), held to
 * SQLite's on a real workspace file: the same calls written through both store the same calls,
 * agents, teams, campaigns, batch rows, rejects and rollups (ids aside), with duplicates in the
 * file and against an earlier batch; the rollups also equal a count done here by hand. A batch
 * that fails stores nothing, undo gives back the rollups exactly, two batches at once store each
 * call once, and text with COPY's special characters arrives as it was.
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchIssue, BulkWriter } from '../../src-main/db/bulk';
import { pgBulkWriter } from '../../src-main/db/pg-bulk';
import { numberTypes, openPostgresWorkspace, parsePostgresUrl } from '../../src-main/db/postgres';
import type { Database } from '../../src-main/db/schema';
import { openSqliteStore } from '../../src-main/db/sqlite-store';
import type { NormalizedCall } from '../../src-main/import/normalise';
import type { NormalizedOrder, NormalizedOrderRow } from '../../src-main/import/order-normalise';
import { tempDir } from '../helpers';
import { createTestDatabase } from '../pg-server';
import { ROLLUP_COLUMNS, type RollupColumn } from '../../src-main/metrics/rollup';

const THRESHOLD = 30;
const SHORT = 10;
const PARAMS = { threshold: THRESHOLD, short: SHORT };

interface Engine {
  db: Kysely<Database>;
  bulk: BulkWriter;
  close(): Promise<void>;
}

const opened: Engine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

async function openSqlite(): Promise<Engine> {
  const store = await openSqliteStore(path.join(tempDir(), 'workspace.sqlite'), false);
  const engine = { db: store.kysely, bulk: store.bulk, close: () => store.close() };
  opened.push(engine);
  return engine;
}

async function openPg(): Promise<Engine & { pool: pg.Pool }> {
  const database = await createTestDatabase();
  const { db } = await openPostgresWorkspace(database.url);
  const pool = new pg.Pool({ ...parsePostgresUrl(database.url).connection, types: numberTypes(), max: 4 });
  pool.on('error', () => undefined); // an idle connection dropped with the database
  const engine = {
    db,
    pool,
    bulk: pgBulkWriter(pool),
    async close() {
      await pool.end();
      await db.destroy();
      await database.drop();
    },
  };
  opened.push(engine);
  return engine;
}

// ---- the calls: deterministic, with the characters COPY's text format treats specially ----

const NAMES: Record<string, string> = {
  A0: '王, "小明"',
  A1: "O'Brien\tJr",
  A2: 'back\\slash \\N',
  A3: 'two\nlines',
  A4: '回车\r结尾',
  A5: '\\N',
  工号7: '李四',
};
const TEAMS = ['销售一组', 'team, "B"', 'tab\tteam', null] as const;
const CAMPAIGNS = ['双11, 大促', 'quote "x" \\ y', 'line\nbreak', null] as const;
const CODES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', '工号7', 'A900', 'A901', 'A902'] as const;
const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04'] as const;
const DISPOSITIONS = ['connected', 'connected', 'no_answer', 'busy', 'voicemail', 'failed'] as const;

/** A number from 0 to n-1 that depends only on the seed values (no randomness between runs). */
function pick(n: number, ...seed: number[]): number {
  let h = 2166136261;
  for (const s of seed) h = Math.imul(h ^ s, 16777619) >>> 0;
  return h % n;
}

/** The call of key `k`; `variant` changes what a second occurrence of the key says. */
function makeCall(k: number, seen: number, variant = 0): NormalizedCall {
  const code = CODES[pick(CODES.length, k, 1)]!;
  const day = DAYS[pick(DAYS.length, k, 2)]!;
  const hour = 8 + pick(12, k, 3);
  const disposition = DISPOSITIONS[pick(DISPOSITIONS.length, k, 4)]!;
  const talkSeconds = disposition === 'connected' ? pick(120, k, 5, variant) : 0;
  const sale = disposition === 'connected' && pick(5, k, 6) === 0;
  const intent = sale || (disposition === 'connected' && pick(4, k, 7) === 0);
  return {
    sourceKey: `k:${k}`,
    callId: String(k),
    agentCode: code,
    // The first sightings carry no name or team: a later one fills them in.
    agentName: seen < 40 ? null : (NAMES[code] ?? null),
    teamName: seen < 80 || code === 'A6' ? null : TEAMS[pick(TEAMS.length, CODES.indexOf(code))]!,
    campaign: CAMPAIGNS[pick(CAMPAIGNS.length, k, 8)]!,
    startedAt: Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000 + pick(3_600_000, k, 9),
    day,
    hour,
    weekday: 1 + DAYS.indexOf(day),
    direction: pick(8, k, 10) === 0 ? 'inbound' : 'outbound',
    disposition,
    ringSeconds: pick(30, k, 11),
    talkSeconds,
    outcome: sale ? 'sale' : intent ? 'intent' : 'none',
    intent,
    sale,
    saleAmount: sale ? 100 * (1 + pick(5000, k, 12)) : 0,
    phoneHash: pick(3, k, 13) === 0 ? null : `h${k}`,
    phoneLast4: pick(7, k, 14) === 0 ? '\\N' : String(1000 + pick(9000, k, 15)),
    recordingRef: pick(2, k, 16) === 0 ? null : `\\\\nas\\rec\\${day}\\${k},"录音".wav`,
  };
}

/** Calls of keys `from`..`to`-1, with every `repeatEvery`th key given a second time further on (a different variant). */
function fileOf(from: number, to: number, repeatEvery = 0): NormalizedCall[] {
  const calls: NormalizedCall[] = [];
  for (let k = from; k < to; k++) {
    calls.push(makeCall(k, calls.length));
    if (repeatEvery > 0 && k % repeatEvery === 0 && k - 7 >= from)
      calls.push(makeCall(k - 7, calls.length, 1));
  }
  return calls;
}

const ISSUES: BatchIssue[] = [
  {
    kind: 'rejected',
    line: 3,
    field: 'talk',
    reason: 'bad, "talk"\tvalue',
    raw: '3,"a\nb",\\N,中文',
    reasonCode: 'import.bad',
    reasonParams: '{"x":"y\\\\"}',
  },
  {
    kind: 'warning',
    line: 9,
    field: null,
    reason: 'bytes replaced',
    raw: 'x'.repeat(2500),
    reasonCode: null,
    reasonParams: null,
  },
];

/** Writes `calls` as one batch through `bulk`, draining every 100 calls and reporting the issues half-way. */
async function importCalls(
  bulk: BulkWriter,
  fileName: string,
  calls: readonly NormalizedCall[],
): Promise<number> {
  const batch = await bulk.openCallBatch(
    {
      fileName,
      fileSize: 1234,
      preset: 'generic',
      mapping: { columns: ['a', 'b'] },
      timeZone: 'Asia/Shanghai',
    },
    PARAMS,
  );
  try {
    const half = Math.floor(calls.length / 2);
    for (let i = 0; i < calls.length; i++) {
      batch.writer.insert(calls[i]!);
      if (i === half) for (const issue of ISSUES) batch.issue(issue);
      if (i % 100 === 99) await batch.drain();
    }
    await batch.finish({ sha256: `sha-${fileName}`, rows: calls.length + 2, rejected: 1, warnings: 1 });
    return batch.batchId;
  } finally {
    await batch.close();
  }
}

// ---- what a workspace holds, without ids ----

async function rollups(db: Kysely<Database>) {
  const counts = ROLLUP_COLUMNS.map((c) => sql.ref<number>(`s.${c}`).as(c));
  const daily = await db
    .selectFrom('daily_agent_stats as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .leftJoin('campaigns as k', 'k.id', 's.campaign_id')
    .select(['s.day', 'a.code', 'k.name as campaign', ...counts])
    .execute();
  const hourly = await db
    .selectFrom('hourly_agent_stats as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .leftJoin('campaigns as k', 'k.id', 's.campaign_id')
    .select(['s.day', 's.hour', 'a.code', 'k.name as campaign', ...counts])
    .execute();
  return { daily: sorted(daily), hourly: sorted(hourly) };
}

async function snapshot(db: Kysely<Database>) {
  const calls = await db
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .innerJoin('import_batches as b', 'b.id', 'c.batch_id')
    .leftJoin('campaigns as k', 'k.id', 'c.campaign_id')
    .select(['c.source_key', 'b.file_name', 'a.code', 'k.name as campaign'])
    .select([
      'c.started_at',
      'c.day',
      'c.hour',
      'c.weekday',
      'c.direction',
      'c.disposition',
      'c.ring_seconds',
      'c.talk_seconds',
    ])
    .select([
      'c.outcome',
      'c.is_intent',
      'c.is_sale',
      'c.sale_amount',
      'c.phone_hash',
      'c.phone_last4',
      'c.phone_full',
      'c.recording_ref',
    ])
    .execute();
  const agents = await db
    .selectFrom('agents as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select(['a.code', 'a.name', 't.name as team', 'a.active', 'a.name_set_in_app', 'a.team_set_in_app'])
    .execute();
  const teams = await db.selectFrom('teams').select(['name', 'lead_name']).execute();
  const campaigns = await db.selectFrom('campaigns').select('name').execute();
  const batches = await db
    .selectFrom('import_batches')
    .select(['file_name', 'file_sha256', 'file_size', 'preset', 'mapping', 'time_zone', 'status', 'kind'])
    .select([
      'rows_total',
      'inserted',
      'duplicates',
      'rejected',
      'warnings',
      'first_day',
      'last_day',
      'error',
    ])
    .select((eb) => [
      eb('finished_at', 'is not', null).as('finished'),
      eb('undone_at', 'is not', null).as('undone'),
    ])
    .execute();
  const rejects = await db
    .selectFrom('import_rejects as r')
    .innerJoin('import_batches as b', 'b.id', 'r.batch_id')
    .select([
      'b.file_name',
      'r.kind',
      'r.line',
      'r.field',
      'r.reason',
      'r.raw',
      'r.reason_code',
      'r.reason_params',
    ])
    .execute();
  return {
    calls: sorted(calls),
    agents: sorted(agents),
    teams: sorted(teams),
    campaigns: sorted(campaigns),
    batches: sorted(batches.map((b) => ({ ...b, finished: Boolean(b.finished), undone: Boolean(b.undone) }))),
    rejects: sorted(rejects),
    ...(await rollups(db)),
  };
}

/** Rows in one order whatever the engine's (NULLs sort differently) or the order of their keys. */
function sorted<T extends object>(rows: T[]): T[] {
  return rows
    .map((r) => [JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

// ---- the expected rollups, counted here by hand from the calls stored ----

/** A stored agent merged into another person: its calls count for that person. */
const MERGED: Record<string, string> = { A902: 'A901' };

/** The calls a workspace keeps of `files` written in order: the first of each key. */
function storedCalls(...files: NormalizedCall[][]): NormalizedCall[] {
  const byKey = new Map<string, NormalizedCall>();
  for (const call of files.flat()) if (!byKey.has(call.sourceKey)) byKey.set(call.sourceKey, call);
  return [...byKey.values()];
}

type ExpectedRow = Record<string, unknown> & Record<RollupColumn, number>;

function expectedRollups(calls: NormalizedCall[]) {
  const daily = new Map<string, ExpectedRow>();
  const hourly = new Map<string, ExpectedRow>();
  for (const c of calls) {
    if (c.direction !== 'outbound') continue;
    const code = MERGED[c.agentCode] ?? c.agentCode;
    const connect = c.disposition === 'connected' && c.talkSeconds > 0;
    const effective = connect && c.talkSeconds >= THRESHOLD;
    const add = (map: Map<string, ExpectedRow>, key: string, head: Record<string, unknown>) => {
      const row: ExpectedRow = map.get(key) ?? {
        ...head,
        dials: 0,
        connects: 0,
        effective: 0,
        talk_seconds: 0,
        effective_talk_seconds: 0,
        intents: 0,
        sales: 0,
        revenue: 0,
        short_connects: 0,
        short_talk_seconds: 0,
        sales_without_talk: 0,
      };
      row.dials += 1;
      row.connects += connect ? 1 : 0;
      row.effective += effective ? 1 : 0;
      row.talk_seconds += connect ? c.talkSeconds : 0;
      row.effective_talk_seconds += effective ? c.talkSeconds : 0;
      row.intents += c.intent ? 1 : 0;
      row.sales += c.sale ? 1 : 0;
      row.revenue += c.sale ? c.saleAmount : 0;
      row.short_connects += connect && c.talkSeconds < SHORT ? 1 : 0;
      row.short_talk_seconds += connect && c.talkSeconds < SHORT ? c.talkSeconds : 0;
      row.sales_without_talk += c.sale && c.talkSeconds < THRESHOLD ? 1 : 0;
      map.set(key, row);
    };
    add(daily, `${c.day}|${code}|${c.campaign}`, { day: c.day, code, campaign: c.campaign });
    add(hourly, `${c.day}|${c.hour}|${code}|${c.campaign}`, {
      day: c.day,
      hour: c.hour,
      code,
      campaign: c.campaign,
    });
  }
  return { daily: sorted([...daily.values()]), hourly: sorted([...hourly.values()]) };
}

/** The same people on both engines before the first import: a name set (emptied) in the app, a merged code. */
async function seedDirectory(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('agents')
    .values([
      {
        code: 'A900',
        name: null,
        team_id: null,
        active: 1,
        created_at: 1,
        name_set_in_app: 1,
        team_set_in_app: 1,
      },
      {
        code: 'A901',
        name: null,
        team_id: null,
        active: 1,
        created_at: 1,
        name_set_in_app: 0,
        team_set_in_app: 0,
      },
    ])
    .execute();
  const person = await db
    .selectFrom('agents')
    .select('id')
    .where('code', '=', 'A901')
    .executeTakeFirstOrThrow();
  await db.insertInto('agent_codes').values({ code: 'A902', agent_id: person.id, added_at: 1 }).execute();
}

// ---- order exports ----

function order(orderNo: string, over: Partial<NormalizedOrder> = {}): NormalizedOrder {
  return {
    kind: 'order',
    orderNo,
    agentCode: 'A0',
    agentName: null,
    campaign: '双11, 大促',
    product: '年卡, "VIP"\t会员',
    orderedAt: Date.parse('2026-11-02T03:00:00Z'),
    day: '2026-11-02',
    amount: 50_000,
    status: 'paid',
    reversedAt: null,
    reversedDay: null,
    customerType: 'new',
    phoneHash: 'h1',
    phoneLast4: '\\N',
    payment: null,
    ...over,
  };
}

const ORDERS: NormalizedOrderRow[] = [
  order('SO-1', {
    payment: { key: 'p1', at: Date.parse('2026-11-02T04:00:00Z'), day: '2026-11-02', amount: 20_000 },
  }),
  // the same order again with its second payment, and once more (nothing new)
  order('SO-1', {
    payment: { key: 'p2', at: Date.parse('2026-11-03T04:00:00Z'), day: '2026-11-03', amount: 30_000 },
  }),
  order('SO-1', {
    payment: { key: 'p2', at: Date.parse('2026-11-03T04:00:00Z'), day: '2026-11-03', amount: 30_000 },
  }),
  // a new agent, no campaign, refunded on a later day
  order('SO-2', {
    agentCode: 'B7',
    agentName: '新人 "七"',
    campaign: null,
    amount: 9_900,
    status: 'refunded',
    reversedAt: Date.parse('2026-11-04T01:00:00Z'),
    reversedDay: '2026-11-04',
  }),
  order('SO-2', {
    agentCode: 'B7',
    campaign: null,
    amount: 9_900,
    status: 'refunded',
    reversedAt: Date.parse('2026-11-04T01:00:00Z'),
    reversedDay: '2026-11-04',
  }),
];

const PAYMENTS: NormalizedOrderRow[] = [
  {
    kind: 'payment',
    orderNo: 'SO-1',
    agentCode: null,
    payment: { key: 'p3', at: Date.parse('2026-11-05T04:00:00Z'), day: '2026-11-05', amount: 5_000 },
  },
  {
    kind: 'payment',
    orderNo: 'NOPE-1',
    agentCode: null,
    payment: { key: 'p1', at: 1, day: '2026-11-05', amount: 1 },
  },
  {
    kind: 'payment',
    orderNo: 'SO-1',
    agentCode: null,
    payment: { key: 'p1', at: 1, day: '2026-11-02', amount: 20_000 },
  },
];

/** Writes order rows as one batch; the problem of each row (null: none). */
async function importOrders(
  bulk: BulkWriter,
  fileName: string,
  rows: readonly NormalizedOrderRow[],
): Promise<(string | null)[]> {
  const batch = await bulk.openOrderBatch({
    fileName,
    fileSize: 10,
    preset: 'orders',
    mapping: {},
    timeZone: 'Asia/Shanghai',
  });
  try {
    const problems: (string | null)[] = [];
    for (const row of rows) problems.push((await batch.writer.insert(row))?.reason ?? null);
    await batch.finish({
      sha256: fileName,
      rows: rows.length,
      rejected: problems.filter(Boolean).length,
      warnings: 0,
    });
    return problems;
  } finally {
    await batch.close();
  }
}

async function orderSnapshot(db: Kysely<Database>) {
  const orders = await db
    .selectFrom('orders as o')
    .innerJoin('agents as a', 'a.id', 'o.agent_id')
    .innerJoin('import_batches as b', 'b.id', 'o.batch_id')
    .leftJoin('campaigns as k', 'k.id', 'o.campaign_id')
    .select([
      'o.order_no',
      'b.file_name',
      'a.code',
      'k.name as campaign',
      'o.product',
      'o.ordered_at',
      'o.day',
    ])
    .select(['o.amount', 'o.status', 'o.customer_type', 'o.phone_hash', 'o.phone_last4'])
    .execute();
  const entries = await db
    .selectFrom('order_entries as e')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .innerJoin('import_batches as b', 'b.id', 'e.batch_id')
    .select(['o.order_no', 'e.entry_key', 'b.file_name', 'e.kind', 'e.at', 'e.day'])
    .select(['e.orders_delta', 'e.revenue_delta', 'e.collected_delta'])
    .execute();
  const stats = await db
    .selectFrom('daily_order_stats as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .leftJoin('campaigns as k', 'k.id', 's.campaign_id')
    .select(['s.day', 'a.code', 'k.name as campaign', 's.orders', 's.revenue', 's.collected', 's.entries'])
    .execute();
  const batches = await db
    .selectFrom('import_batches')
    .select([
      'file_name',
      'kind',
      'status',
      'rows_total',
      'inserted',
      'duplicates',
      'rejected',
      'first_day',
      'last_day',
    ])
    .execute();
  const agents = await db.selectFrom('agents').select(['code', 'name']).execute();
  return {
    orders: sorted(orders),
    // an entry's key starts with its order's id: compared without it
    entries: sorted(entries.map((e) => ({ ...e, entry_key: e.entry_key.replace(/^\d+\|/, '') }))),
    stats: sorted(stats),
    batches: sorted(batches),
    agents: sorted(agents),
  };
}

const FIRST = fileOf(0, 1500, 10);
const SECOND = fileOf(1200, 2400, 0);

describe("PostgreSQL's bulk writer", () => {
  it('stores what the SQLite writer stores, with duplicates in the file and against an earlier batch', async () => {
    const [lite, pgw] = await Promise.all([openSqlite(), openPg()]);
    for (const e of [lite, pgw]) {
      await seedDirectory(e.db);
      await importCalls(e.bulk, 'first.csv', FIRST);
      await importCalls(e.bulk, 'second.csv', SECOND);
    }
    const fromPg = await snapshot(pgw.db);
    expect(fromPg).toEqual(await snapshot(lite.db));

    const stored = storedCalls(FIRST, SECOND);
    expect(fromPg.calls).toHaveLength(stored.length);
    expect({ daily: fromPg.daily, hourly: fromPg.hourly }).toEqual(expectedRollups(stored));
    const inFirst = storedCalls(FIRST).length;
    expect(fromPg.batches.map((b) => [b.file_name, b.inserted, b.duplicates])).toEqual([
      ['first.csv', inFirst, FIRST.length - inFirst],
      ['second.csv', stored.length - inFirst, 300],
    ]);
    // of a key given twice in a file, the first occurrence is stored
    const repeated = await pgw.db
      .selectFrom('calls')
      .select('talk_seconds')
      .where('source_key', '=', 'k:3')
      .executeTakeFirstOrThrow();
    expect(repeated.talk_seconds).toBe(makeCall(3, 99).talkSeconds);
    // the file filled names and teams, except what the app set; the merged code landed on its person
    const a901 = fromPg.agents.find((a) => a.code === 'A901')!;
    expect(a901.name).toBeNull(); // NAMES has none for A901/A902
    expect(fromPg.agents.find((a) => a.code === 'A900')).toMatchObject({ name: null, team: null });
    expect(fromPg.agents.find((a) => a.code === 'A0')).toMatchObject({
      name: NAMES.A0,
      team: TEAMS[pick(TEAMS.length, 0)],
    });
    expect(fromPg.agents.some((a) => a.code === 'A902')).toBe(false);
  });

  it('keeps commas, quotes, tabs, newlines, backslashes, \\N and Chinese text as they were', async () => {
    const pgw = await openPg();
    const calls = fileOf(0, 400);
    await importCalls(pgw.bulk, 'text.csv', calls);
    const stored = await pgw.db
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .leftJoin('campaigns as k', 'k.id', 'c.campaign_id')
      .select(['c.source_key', 'a.code', 'k.name as campaign', 'c.phone_last4', 'c.recording_ref'])
      .execute();
    const byKey = new Map(stored.map((r) => [r.source_key, r]));
    for (const call of calls) {
      expect(byKey.get(call.sourceKey)).toEqual({
        source_key: call.sourceKey,
        code: call.agentCode,
        campaign: call.campaign,
        phone_last4: call.phoneLast4,
        recording_ref: call.recordingRef,
      });
    }
    const names = await pgw.db.selectFrom('agents').select(['code', 'name']).execute();
    for (const [code, name] of Object.entries(NAMES)) expect(names).toContainEqual({ code, name });
    const teams = (await pgw.db.selectFrom('teams').select('name').execute()).map((t) => t.name);
    expect(teams).toEqual(expect.arrayContaining(['销售一组', 'team, "B"', 'tab\tteam']));
    const rejects = await pgw.db
      .selectFrom('import_rejects')
      .select(['line', 'reason', 'raw', 'reason_params'])
      .orderBy('line')
      .execute();
    expect(rejects).toEqual([
      { line: 3, reason: ISSUES[0]!.reason, raw: ISSUES[0]!.raw, reason_params: ISSUES[0]!.reasonParams },
      { line: 9, reason: 'bytes replaced', raw: 'x'.repeat(2000), reason_params: null },
    ]);
  });

  it('leaves nothing of a batch that stops half-way, fails in its COPY or at its end, and the next one works', async () => {
    const pgw = await openPg();
    await seedDirectory(pgw.db);
    await importCalls(pgw.bulk, 'first.csv', FIRST);
    const before = await snapshot(pgw.db);

    // stopped half-way (a cancelled job): calls staged, issues stored, never finished
    const stopped = await pgw.bulk.openCallBatch(
      { fileName: 'stopped.csv', fileSize: 1, preset: 'generic', mapping: {}, timeZone: 'Asia/Shanghai' },
      PARAMS,
    );
    for (const call of fileOf(5000, 6000)) stopped.writer.insert(call);
    for (const issue of ISSUES) stopped.issue(issue);
    await stopped.drain();
    for (const call of fileOf(6000, 6500)) stopped.writer.insert(call);
    await stopped.close();
    expect(await snapshot(pgw.db)).toEqual(before);

    // failed at its end: a call the calls table refuses (an hour of 24)
    const broken = [...fileOf(7000, 7300), { ...makeCall(7300, 99), hour: 24 }];
    await expect(importCalls(pgw.bulk, 'broken.csv', broken)).rejects.toThrow(/hour/);
    expect(await snapshot(pgw.db)).toEqual(before);

    // failed during the COPY: a value the stage's integer column cannot hold, early in the file
    const tooLong = [
      ...fileOf(8000, 8050),
      { ...makeCall(8050, 99), ringSeconds: 2 ** 40 },
      ...fileOf(8051, 9000),
    ];
    await expect(importCalls(pgw.bulk, 'too-long.csv', tooLong)).rejects.toThrow(
      /out of range for type integer/,
    );
    expect(await snapshot(pgw.db)).toEqual(before);

    await importCalls(pgw.bulk, 'second.csv', SECOND);
    const after = await snapshot(pgw.db);
    expect({ daily: after.daily, hourly: after.hourly }).toEqual(expectedRollups(storedCalls(FIRST, SECOND)));
  });

  it('undo gives back exactly the rollups before the batch, as on SQLite', async () => {
    const [lite, pgw] = await Promise.all([openSqlite(), openPg()]);
    const undo = (bulk: BulkWriter, batchId: number, chunks: number[]) =>
      bulk.undoBatch(batchId, {
        rollupParams: PARAMS,
        verify: (b) => b!,
        onChunk: (removed) => {
          chunks.push(removed);
          return Promise.resolve();
        },
      });
    for (const e of [lite, pgw]) {
      await seedDirectory(e.db);
      await importCalls(e.bulk, 'first.csv', FIRST);
    }
    const afterFirst = await rollups(pgw.db);
    expect(afterFirst).toEqual(expectedRollups(storedCalls(FIRST)));
    const chunks: number[] = [];
    for (const e of [lite, pgw]) {
      const second = await importCalls(e.bulk, 'second.csv', SECOND);
      await undo(e.bulk, second, e === pgw ? chunks : []);
    }
    expect(await rollups(pgw.db)).toEqual(afterFirst);
    expect(chunks).toEqual([storedCalls(FIRST, SECOND).length - storedCalls(FIRST).length]);
    const undone = await snapshot(pgw.db);
    expect(undone).toEqual(await snapshot(lite.db));
    expect(undone.batches.find((b) => b.file_name === 'second.csv')).toMatchObject({
      status: 'undone',
      undone: true,
    });
    expect(undone.calls.every((c) => c.file_name === 'first.csv')).toBe(true);

    // a cancelled undo (onChunk throws) changes nothing
    const first = (
      await pgw.db
        .selectFrom('import_batches')
        .select('id')
        .where('file_name', '=', 'first.csv')
        .executeTakeFirstOrThrow()
    ).id;
    await expect(
      pgw.bulk.undoBatch(first, {
        rollupParams: PARAMS,
        verify: (b) => b!,
        onChunk: () => Promise.reject(new Error('cancelled')),
      }),
    ).rejects.toThrow('cancelled');
    expect(await snapshot(pgw.db)).toEqual(undone);

    await undo(pgw.bulk, first, []);
    expect(await rollups(pgw.db)).toEqual({ daily: [], hourly: [] });
    expect(await pgw.db.selectFrom('calls').select('id').execute()).toEqual([]);
  });

  it('stores each call once with exact rollups when two batches run at once', async () => {
    const pgw = await openPg();
    await seedDirectory(pgw.db);
    const a = fileOf(0, 6000, 10);
    const b = fileOf(3000, 9000, 13);
    const [idA, idB] = await Promise.all([
      importCalls(pgw.bulk, 'a.csv', a),
      importCalls(pgw.bulk, 'b.csv', b),
    ]);
    expect(idA).not.toBe(idB);
    const snap = await snapshot(pgw.db);
    const union = storedCalls(a, b);
    expect(snap.calls).toHaveLength(union.length);
    expect(new Set(snap.calls.map((c) => c.source_key)).size).toBe(union.length);
    expect({ daily: snap.daily, hourly: snap.hourly }).toEqual(expectedRollups(union));
    const inserted = snap.batches.reduce((n, batch) => n + batch.inserted, 0);
    const duplicates = snap.batches.reduce((n, batch) => n + batch.duplicates, 0);
    expect(inserted).toBe(union.length);
    expect(duplicates).toBe(a.length + b.length - union.length);
    expect(snap.batches.every((batch) => batch.status === 'done')).toBe(true);
  });

  it('lets a second batch wait for the first to commit (the workspace bulk lock)', async () => {
    const pgw = await openPg();
    const opening = {
      fileName: 'a.csv',
      fileSize: 1,
      preset: 'generic',
      mapping: {},
      timeZone: 'Asia/Shanghai',
    };
    const first = await pgw.bulk.openCallBatch(opening, PARAMS);
    for (const call of fileOf(0, 500)) first.writer.insert(call);
    let secondOpened = false;
    const second = pgw.bulk.openCallBatch({ ...opening, fileName: 'b.csv' }, PARAMS).then((b) => {
      secondOpened = true;
      return b;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondOpened).toBe(false);
    const waiting = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(pgw.db);
    expect(waiting.rows[0]!.n).toBe(1);
    await first.finish({ sha256: 'a', rows: 500, rejected: 0, warnings: 0 });
    await first.close();
    const b = await second;
    for (const call of fileOf(250, 750)) b.writer.insert(call);
    await b.finish({ sha256: 'b', rows: 500, rejected: 0, warnings: 0 });
    await b.close();
    const batches = await pgw.db
      .selectFrom('import_batches')
      .select(['file_name', 'inserted', 'duplicates'])
      .orderBy('id')
      .execute();
    expect(batches).toEqual([
      { file_name: 'a.csv', inserted: 500, duplicates: 0 },
      { file_name: 'b.csv', inserted: 250, duplicates: 250 },
    ]);
  });

  it('stores order exports (orders, payments, refunds) and undoes them as the SQLite writer does', async () => {
    const [lite, pgw] = await Promise.all([openSqlite(), openPg()]);
    for (const e of [lite, pgw]) {
      await seedDirectory(e.db);
      await importCalls(e.bulk, 'calls.csv', fileOf(0, 300));
      expect(await importOrders(e.bulk, 'orders.csv', ORDERS)).toEqual([null, null, null, null, null]);
    }
    const afterOrders = await orderSnapshot(pgw.db);
    expect(afterOrders).toEqual(await orderSnapshot(lite.db));
    expect(afterOrders.stats).toEqual(
      sorted([
        {
          day: '2026-11-02',
          code: 'A0',
          campaign: '双11, 大促',
          orders: 1,
          revenue: 50_000,
          collected: 20_000,
          entries: 2,
        },
        {
          day: '2026-11-03',
          code: 'A0',
          campaign: '双11, 大促',
          orders: 0,
          revenue: 0,
          collected: 30_000,
          entries: 1,
        },
        {
          day: '2026-11-02',
          code: 'B7',
          campaign: null,
          orders: 1,
          revenue: 9_900,
          collected: 0,
          entries: 1,
        },
        {
          day: '2026-11-04',
          code: 'B7',
          campaign: null,
          orders: -1,
          revenue: -9_900,
          collected: 0,
          entries: 1,
        },
      ]),
    );
    const problems: (string | null)[] = [];
    for (const e of [lite, pgw]) {
      const found = await importOrders(e.bulk, 'payments.csv', PAYMENTS);
      if (e === pgw) problems.push(...found);
    }
    expect(problems).toEqual([null, expect.stringContaining('no order "NOPE-1"'), null]);
    const afterPayments = await orderSnapshot(pgw.db);
    expect(afterPayments).toEqual(await orderSnapshot(lite.db));

    for (const e of [lite, pgw]) {
      const id = (
        await e.db
          .selectFrom('import_batches')
          .select('id')
          .where('file_name', '=', 'payments.csv')
          .executeTakeFirstOrThrow()
      ).id;
      await e.bulk.undoBatch(id, {
        rollupParams: PARAMS,
        verify: (b) => b!,
        onChunk: () => Promise.resolve(),
      });
    }
    const undone = await orderSnapshot(pgw.db);
    expect(undone).toEqual(await orderSnapshot(lite.db));
    expect(undone.stats).toEqual(afterOrders.stats);
    expect(undone.entries).toEqual(afterOrders.entries);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailyAgentStatsTable } from '../../src-main/db/schema';
import { Random } from '../../src-main/demo/random';
import { openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

/** A rollup row; `hour` is -1 in the daily rollup (which has no hour). */
type StatRow = DailyAgentStatsTable & { hour: number };

/** The workspace parameters a rollup is computed with: effective threshold, alerts' short-call seconds. */
interface Params {
  threshold: number;
  short: number;
}

/**
 * A rollup recomputed in plain JS from the raw calls, by the definitions in DESIGN.md: per day
 * (the daily rollup) or per day and hour (the hourly one); with the anomaly alerts' counts (short
 * connects and their talk, sales on calls under the effective threshold).
 */
async function recompute(t: TestWorkspace, { threshold, short }: Params, byHour = false): Promise<StatRow[]> {
  const calls = await t.ws.kysely
    .selectFrom('calls')
    .select([
      'day',
      'hour',
      'agent_id',
      'campaign_id',
      'direction',
      'disposition',
      'talk_seconds',
      'outcome',
      'sale_amount',
    ])
    .execute();
  const rows = new Map<string, StatRow>();
  for (const c of calls) {
    if (c.direction !== 'outbound') continue;
    const hour = byHour ? c.hour : -1;
    const key = `${c.day}|${hour}|${c.agent_id}|${c.campaign_id ?? 0}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        day: c.day,
        hour,
        agent_id: c.agent_id,
        campaign_id: c.campaign_id ?? 0,
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
      rows.set(key, r);
    }
    const connect = c.disposition === 'connected' && c.talk_seconds > 0;
    const effective = connect && c.talk_seconds >= threshold;
    r.dials++;
    if (connect) {
      r.connects++;
      r.talk_seconds += c.talk_seconds;
    }
    if (effective) {
      r.effective++;
      r.effective_talk_seconds += c.talk_seconds;
    }
    if (c.outcome === 'intent' || c.outcome === 'sale') r.intents++;
    if (c.outcome === 'sale') {
      r.sales++;
      r.revenue += c.sale_amount;
      if (c.talk_seconds < threshold) r.sales_without_talk++;
    }
    if (connect && c.talk_seconds < short) {
      r.short_connects++;
      r.short_talk_seconds += c.talk_seconds;
    }
  }
  return [...rows.values()].sort(byKey);
}

function byKey(a: StatRow, b: StatRow): number {
  return (
    a.day.localeCompare(b.day) || a.hour - b.hour || a.agent_id - b.agent_id || a.campaign_id - b.campaign_id
  );
}

async function stored(t: TestWorkspace, byHour = false): Promise<StatRow[]> {
  const text = byHour ? 'SELECT * FROM hourly_agent_stats' : 'SELECT *, -1 AS hour FROM daily_agent_stats';
  return (await sqlRows<StatRow>(t, text)).sort(byKey);
}

async function expectExact(t: TestWorkspace, threshold: number, short = 10): Promise<void> {
  expect(await stored(t)).toEqual(await recompute(t, { threshold, short }));
  expect(await stored(t, true)).toEqual(await recompute(t, { threshold, short }, true));
}

const DISPOSITIONS = ['connected', 'connected', 'no_answer', 'busy', 'failed', 'voicemail'];
const OUTCOMES = ['', '', 'intent', 'sale', 'callback', 'not_interested'];

function writeRandomFile(dir: string, name: string, rnd: Random, rows: number, idSpace: number): string {
  const lines = [
    'call_id,agent_code,campaign,started_at,direction,disposition,talk_seconds,outcome,sale_amount',
  ];
  for (let i = 0; i < rows; i++) {
    const day = 1 + rnd.int(0, 9);
    const disposition = rnd.pick(DISPOSITIONS);
    const talk = disposition === 'connected' ? rnd.int(0, 200) : 0;
    const outcome = rnd.pick(OUTCOMES);
    lines.push(
      [
        `R${rnd.int(0, idSpace)}`, // ids collide across files: duplicates on purpose
        String(100 + rnd.int(0, 6)),
        rnd.chance(0.3) ? '' : rnd.pick(['A', 'B']),
        `2026-11-${String(day).padStart(2, '0')} ${rnd.pick(['00', '09', '15', '23'])}:${String(rnd.int(0, 59)).padStart(2, '0')}:00`,
        rnd.chance(0.1) ? 'inbound' : 'outbound',
        disposition,
        String(talk),
        outcome,
        outcome === 'sale' ? `${rnd.int(1, 5000)}.${rnd.int(10, 99)}` : '',
      ].join(','),
    );
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

describe('the rollups (daily and hourly) stay exact', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
  });
  afterEach(async () => t.close());

  it('after random imports and undos, it equals a recomputation from the raw calls', async () => {
    const rnd = new Random(20261122);
    const live: number[] = [];
    for (let round = 0; round < 12; round++) {
      if (live.length > 0 && rnd.chance(0.35)) {
        const batchId = live.splice(rnd.int(0, live.length - 1), 1)[0]!;
        await t.call('import.undo', { batchId });
      } else {
        const file = writeRandomFile(t.dir, `r${round}.csv`, rnd, rnd.int(50, 400), 1500);
        const job = await t.importFile(file);
        expect(job.status).toBe('done');
        live.push(job.result!.batchId);
      }
      await expectExact(t, 30);
    }
    expect((await stored(t)).length).toBeGreaterThan(10);
  });

  it('a file of many of the writer’s moves, ids repeated within and across them: first occurrence stored', async () => {
    const rnd = new Random(77);
    // 25,000 rows over 15,000 ids: each of the writer's moves (2,000 calls) holds new calls and repeats of
    // calls stored by itself or by an earlier move.
    const file = writeRandomFile(t.dir, 'big.csv', rnd, 25_000, 15_000);
    const firstStart = new Map<string, string>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [id, , , startedAt] = line.split(',');
      if (!firstStart.has(id!)) firstStart.set(id!, startedAt!);
    }
    const job = await t.importFile(file);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ inserted: firstStart.size, duplicates: 25_000 - firstStart.size });
    const stored = (await t.ws.kysely.selectFrom('calls').select(['source_key', 'started_at']).execute()).map(
      (c) => ({ id: c.source_key.slice(c.source_key.indexOf(':') + 1), started_at: c.started_at }),
    );
    expect(stored.length).toBe(firstStart.size);
    const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '); // Asia/Shanghai
    for (const c of stored) expect(local(c.started_at)).toBe(firstStart.get(c.id));
    await expectExact(t, 30);

    // The same file again adds nothing; an overlapping one adds only its new ids.
    const again = await t.importFile(file);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 25_000 });
    await expectExact(t, 30);
  }, 120_000);

  it('changing the effective-call threshold recomputes the effective counts', async () => {
    const rnd = new Random(5);
    await t.importFile(writeRandomFile(t.dir, 'a.csv', rnd, 500, 10_000));
    await t.call('settings.update', { effectiveThresholdSeconds: 90 });
    await expectExact(t, 90);
    // Later imports use the new threshold too.
    await t.importFile(writeRandomFile(t.dir, 'b.csv', rnd, 500, 10_000));
    await expectExact(t, 90);
  });

  it('changing the alerts\u2019 short-call seconds recomputes the short connects', async () => {
    const rnd = new Random(9);
    await t.importFile(writeRandomFile(t.dir, 'a.csv', rnd, 500, 10_000));
    await expectExact(t, 30, 10);
    const thresholds = await t.call('targets.thresholds', {});
    await t.call('targets.setThresholds', { ...thresholds, shortSeconds: 45 });
    await expectExact(t, 30, 45);
    expect((await stored(t)).some((r) => r.short_connects > 0 && r.sales_without_talk > 0)).toBe(true);
    // Later imports and undos use the new seconds too.
    const job = await t.importFile(writeRandomFile(t.dir, 'b.csv', rnd, 500, 10_000));
    await expectExact(t, 30, 45);
    await t.call('import.undo', { batchId: job.result!.batchId });
    await expectExact(t, 30, 45);
  });
});

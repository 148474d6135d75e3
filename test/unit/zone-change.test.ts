/**
 * Changing a workspace's time zone on a real SQLite workspace: every call's day, hour and weekday
 * re-derived from its instant, the rollups equal to a recomputation from the calls (plain SQL
 * written here), the order rollup likewise, refusal while a closed month would change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

let t: TestWorkspace;

// Times are wall-clock in the file's zone; the workspace starts in UTC, so these are UTC instants.
const CALLS = [
  'call_id,agent_code,agent_name,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount',
  'Z1,8001,Wang,2026-12-04 17:59:50,13812345678,outbound,connected,5,95,sale,199',
  'Z2,8001,Wang,2026-12-04 09:00:00,13812340001,outbound,connected,5,40,intent,',
  'Z3,8002,Li,2026-12-04 15:30:00,13812340002,outbound,no_answer,20,0,,',
  'Z4,8002,Li,2026-12-04 16:10:00,13812340003,outbound,connected,3,12,,',
  'Z5,8002,Li,2026-11-30 16:00:00,13812340004,outbound,connected,3,300,sale,50',
  'Z6,8001,Wang,2026-12-06 23:30:00,13812340005,outbound,connected,3,31,,',
].join('\n');

const ORDERS = [
  'Order ID,Agent Code,Customer Phone,Order Date,Order Amount,Amount Collected,Collection Date,Product,Status,Customer Type',
  'ZO-1,8001,13812345678,2026-12-04 20:00,$199.00,$199.00,2026-12-05,Annual plan,Paid,',
  'ZO-2,8002,13812340004,2026-12-03 10:00,$50.00,,,Monthly plan,Unpaid,',
].join('\n');

async function importText(name: string, text: string): Promise<void> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  const job = await t.importFile(file);
  expect(job.status, job.error ?? '').toBe('done');
}

async function runZoneChange(timeZone: string): Promise<Job> {
  const { jobId } = await t.call('zone.change', { timeZone });
  return t.api.jobs.wait(jobId);
}

type Row = Record<string, number | string>;
const rows = (sql: string): Promise<Row[]> => sqlRows<Row>(t, sql);

/** The call rollups recomputed from the calls, independently of the app's rollup code. */
const DAILY_FROM_CALLS = `
  SELECT day, agent_id, COALESCE(campaign_id, 0) AS campaign_id, COUNT(*) AS dials,
    SUM(CASE WHEN disposition = 'connected' AND talk_seconds > 0 THEN 1 ELSE 0 END) AS connects,
    SUM(CASE WHEN disposition = 'connected' AND talk_seconds >= 30 THEN 1 ELSE 0 END) AS effective,
    SUM(CASE WHEN disposition = 'connected' AND talk_seconds > 0 THEN talk_seconds ELSE 0 END) AS talk_seconds,
    SUM(CASE WHEN disposition = 'connected' AND talk_seconds >= 30 THEN talk_seconds ELSE 0 END) AS effective_talk_seconds,
    SUM(is_intent) AS intents, SUM(is_sale) AS sales, SUM(CASE WHEN is_sale = 1 THEN sale_amount ELSE 0 END) AS revenue
  FROM calls WHERE direction = 'outbound' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const DAILY_STORED = `
  SELECT day, agent_id, campaign_id, dials, connects, effective, talk_seconds, effective_talk_seconds, intents,
    sales, revenue FROM daily_agent_stats ORDER BY 1, 2, 3`;
const HOURLY_FROM_CALLS = `
  SELECT day, hour, agent_id, COUNT(*) AS dials, SUM(talk_seconds) AS talk FROM calls GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const HOURLY_STORED = `
  SELECT day, hour, agent_id, SUM(dials) AS dials, SUM(talk_seconds + 0) AS talk FROM hourly_agent_stats
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const ORDERS_FROM_ENTRIES = `
  SELECT e.day, o.agent_id, SUM(e.orders_delta) AS orders, SUM(e.revenue_delta) AS revenue,
    SUM(e.collected_delta) AS collected FROM order_entries e JOIN orders o ON o.id = e.order_id
  GROUP BY 1, 2 ORDER BY 1, 2`;
const ORDERS_STORED = `
  SELECT day, agent_id, SUM(orders) AS orders, SUM(revenue) AS revenue, SUM(collected) AS collected
  FROM daily_order_stats GROUP BY 1, 2 ORDER BY 1, 2`;

beforeEach(async () => {
  t = await openTestWorkspace({ timeZone: 'UTC', effectiveThresholdSeconds: 30 });
  await importText('calls.csv', CALLS);
  await importText('orders.csv', ORDERS);
});

afterEach(async () => t.close());

describe('changing the workspace time zone', () => {
  it('moves a call at 17:59 UTC on 12-04 to 12-05 01:59 in Asia/Shanghai, day, hour and weekday', async () => {
    const before = await rows("SELECT day, hour, weekday FROM calls WHERE source_key LIKE '%:Z1'");
    expect(before).toEqual([{ day: '2026-12-04', hour: 17, weekday: 5 }]);

    const plan = await t.call('zone.preview', { timeZone: 'Asia/Shanghai' });
    // By hand: Z1 17:59 -> 01:59 next day, Z3 15:30 -> 23:30 same day, Z4 16:10 -> 00:10 next day,
    // Z5 16:00 -> 00:00 next day, Z6 23:30 -> 07:30 next day; Z2 09:00 -> 17:00 same day.
    expect(plan).toMatchObject({
      from: 'UTC',
      to: 'Asia/Shanghai',
      calls: 6,
      callsMovingDay: 4,
      blockedMonths: [],
    });

    const job = await runZoneChange('Asia/Shanghai');
    expect(job.status, job.error ?? '').toBe('done');
    expect(await rows("SELECT day, hour, weekday FROM calls WHERE source_key LIKE '%:Z1'")).toEqual([
      { day: '2026-12-05', hour: 1, weekday: 6 },
    ]);
    expect(await rows("SELECT day, hour FROM calls WHERE source_key LIKE '%:Z5'")).toEqual([
      { day: '2026-12-01', hour: 0 },
    ]);
    expect((await t.call('settings.get')).timeZone).toBe('Asia/Shanghai');

    // The calls list shows the same call at its new local day and time.
    const list = await t.call('calls.list', {
      filter: { from: '2026-12-05', to: '2026-12-05' },
      limit: 50,
    });
    expect(list.rows.find((r) => r.saleAmount === 19900)).toMatchObject({
      day: '2026-12-05',
      time: '01:59:50',
    });
  });

  it('leaves the rollups equal to a recomputation from the calls and the order entries', async () => {
    expect((await runZoneChange('Asia/Shanghai')).status).toBe('done');
    expect(await rows(DAILY_STORED)).toEqual(await rows(DAILY_FROM_CALLS));
    expect(await rows(HOURLY_STORED)).toEqual(await rows(HOURLY_FROM_CALLS));
    expect(await rows(ORDERS_STORED)).toEqual(await rows(ORDERS_FROM_ENTRIES));
    // The order placed 20:00 UTC on 12-04 is on 12-05 in Shanghai.
    expect(await rows("SELECT day FROM orders WHERE order_no = 'ZO-1'")).toEqual([{ day: '2026-12-05' }]);
    expect(
      await rows(
        "SELECT e.day FROM order_entries e JOIN orders o ON o.id = e.order_id WHERE o.order_no = 'ZO-1' AND e.kind = 'order'",
      ),
    ).toEqual([{ day: '2026-12-05' }]);
    // And back: the days return to where they were.
    expect((await runZoneChange('UTC')).status).toBe('done');
    expect(await rows("SELECT day, hour FROM calls WHERE source_key LIKE '%:Z1'")).toEqual([
      { day: '2026-12-04', hour: 17 },
    ]);
    expect(await rows(DAILY_STORED)).toEqual(await rows(DAILY_FROM_CALLS));
  });

  it('refuses while a closed month would change, and changes nothing', async () => {
    await t.call('reports.closeMonth', { month: '2026-11' });
    const daysBefore = await rows('SELECT id, day, hour FROM calls ORDER BY id');
    const plan = await t.call('zone.preview', { timeZone: 'Asia/Shanghai' });
    // Z5 leaves November (30th 16:00 UTC is 1 December in Shanghai).
    expect(plan.blockedMonths).toEqual(['2026-11']);
    const job = await runZoneChange('Asia/Shanghai');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/closed months \(2026-11\).*reopen/);
    expect(await rows('SELECT id, day, hour FROM calls ORDER BY id')).toEqual(daysBefore);
    expect((await t.call('settings.get')).timeZone).toBe('UTC');
  });

  it('refuses to set the zone as a plain setting once calls are stored; a later import uses the new zone', async () => {
    await expect(t.call('settings.update', { timeZone: 'Asia/Shanghai' })).rejects.toThrow(/zone\.change/);
    expect((await runZoneChange('Asia/Shanghai')).status).toBe('done');
    await importText('later.csv', CALLS.replaceAll('Z', 'L'));
    // The later file's 17:59:50 is read as Shanghai wall time: the same local day and hour.
    expect(await rows("SELECT day, hour FROM calls WHERE source_key LIKE '%:L1'")).toEqual([
      { day: '2026-12-04', hour: 17 },
    ]);
    expect(await rows(DAILY_STORED)).toEqual(await rows(DAILY_FROM_CALLS));

    // A file whose times are in another zone: read in that zone, counted in the workspace's.
    const other = path.join(t.dir, 'utc.csv');
    fs.writeFileSync(other, CALLS.replaceAll('Z', 'U'));
    expect((await t.importFile(other, { timeZone: 'UTC' })).status).toBe('done');
    expect(await rows("SELECT day, hour, weekday FROM calls WHERE source_key LIKE '%:U1'")).toEqual([
      { day: '2026-12-05', hour: 1, weekday: 6 },
    ]);
  });
});

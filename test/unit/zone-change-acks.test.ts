/**
 * Alert acknowledgements across a workspace time-zone change, on a real workspace (either engine).
 * Sales on calls shorter than the effective threshold raise a "sales without talk" alert per
 * agent-day with no history needed, so each agent-day below holds one alert. A lead acknowledges some,
 * the zone goes from UTC to Asia/Shanghai (+8 h), and the acknowledgement must stay with the alert
 * judged on the same calls — never land on another alert. Every expected key is worked out by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentIdsByCode, openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let id: (code: string) => number;

// UTC instants (the workspace starts in UTC). Shanghai is UTC+8: 16:00 UTC and later is the next day.
// A "sale" with talk under 30 s is a sale without talk.
const CALLS = [
  'call_id,agent_code,agent_name,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount',
  // Wang: both of his days move a day later. Old 12-03 -> new 12-04, old 12-04 -> new 12-05.
  'W1,8001,Wang,2026-12-03 20:00:00,13800000001,outbound,connected,5,12,sale,99',
  'W2,8001,Wang,2026-12-03 21:00:00,13800000002,outbound,no_answer,20,0,,',
  'W3,8001,Wang,2026-12-04 17:00:00,13800000003,outbound,connected,5,15,sale,99',
  'W4,8001,Wang,2026-12-04 18:30:00,13800000004,outbound,connected,5,60,,',
  // Li: two of three calls of 12-04 stay on 12-04 (10:00, 11:00), one goes to 12-05 07:00.
  'L1,8002,Li,2026-12-04 02:00:00,13800000011,outbound,connected,5,8,sale,50',
  'L2,8002,Li,2026-12-04 03:00:00,13800000012,outbound,no_answer,20,0,,',
  'L3,8002,Li,2026-12-04 23:00:00,13800000013,outbound,no_answer,20,0,,',
  // Zhao: 12-04 splits half and half (18:00 on 12-04, 04:00 on 12-05), each half with a short sale.
  'Z1,8003,Zhao,2026-12-04 10:00:00,13800000021,outbound,connected,5,5,sale,10',
  'Z2,8003,Zhao,2026-12-04 20:00:00,13800000022,outbound,connected,5,6,sale,10',
  // Sun: 12-04's two calls stay on 12-04 (13:00, 14:00) but old 12-03's three evening calls join them
  // (01:00–03:00 on 12-04): the new 12-04 is mostly other calls.
  'S1,8004,Sun,2026-12-04 05:00:00,13800000031,outbound,connected,5,7,sale,20',
  'S2,8004,Sun,2026-12-04 06:00:00,13800000032,outbound,no_answer,20,0,,',
  'S3,8004,Sun,2026-12-03 17:00:00,13800000033,outbound,connected,5,9,sale,20',
  'S4,8004,Sun,2026-12-03 18:00:00,13800000034,outbound,no_answer,20,0,,',
  'S5,8004,Sun,2026-12-03 19:00:00,13800000035,outbound,no_answer,20,0,,',
].join('\n');

const RANGE = { from: '2026-12-01', to: '2026-12-07' };

/** The alerts of the week as `<day> <agent code> <acked>` lines, sorted. */
async function alertLines(): Promise<string[]> {
  const { alerts } = await t.call('targets.alerts', RANGE);
  const codeOf = new Map(['8001', '8002', '8003', '8004'].map((c) => [id(c), c]));
  return alerts.map((a) => `${a.day} ${codeOf.get(a.agentId)} ${a.kind}${a.acked ? ' ACKED' : ''}`).sort();
}

async function ack(day: string, code: string): Promise<void> {
  await t.call('targets.ack', { key: `${day}:${id(code)}:salesWithoutTalk`, acked: true });
}

async function changeZone(timeZone: string): Promise<void> {
  const { jobId } = await t.call('zone.change', { timeZone });
  const job = await t.api.jobs.wait(jobId);
  expect(job.status, job.error ?? '').toBe('done');
}

async function storedAckKeys(): Promise<string[]> {
  const rows = await sqlRows<{ alert_key: string }>(t, 'SELECT alert_key FROM alert_acks ORDER BY alert_key');
  return rows.map((r) => r.alert_key);
}

beforeEach(async () => {
  t = await openTestWorkspace({ timeZone: 'UTC', effectiveThresholdSeconds: 30 });
  const file = path.join(t.dir, 'calls.csv');
  fs.writeFileSync(file, CALLS);
  const job = await t.importFile(file);
  expect(job.status, job.error ?? '').toBe('done');
  id = await agentIdsByCode(t);
});

afterEach(async () => t.close());

describe('alert acknowledgements across a time-zone change', () => {
  it('stay with the alert judged on the same calls, and no other alert becomes acknowledged', async () => {
    expect(await alertLines()).toEqual([
      '2026-12-03 8001 salesWithoutTalk',
      '2026-12-03 8004 salesWithoutTalk',
      '2026-12-04 8001 salesWithoutTalk',
      '2026-12-04 8002 salesWithoutTalk',
      '2026-12-04 8003 salesWithoutTalk',
      '2026-12-04 8004 salesWithoutTalk',
    ]);
    // The lead acknowledges the four alerts of Friday 12-04.
    for (const code of ['8001', '8002', '8003', '8004']) await ack('2026-12-04', code);
    // The confirmation says how many acknowledged alerts will show again: Zhao's and Sun's.
    expect(await t.call('zone.preview', { timeZone: 'Asia/Shanghai' })).toMatchObject({ acksDropped: 2 });

    await changeZone('Asia/Shanghai');

    expect(await alertLines()).toEqual([
      // Wang's old 12-03 calls (W1, W2) are his new 12-04: a different alert, not acknowledged.
      '2026-12-04 8001 salesWithoutTalk',
      // Li's 12-04 keeps two of its three calls, and they are all of the new 12-04: the same alert.
      '2026-12-04 8002 salesWithoutTalk ACKED',
      // Zhao's 12-04 split 1 + 1: neither half is the acknowledged alert; both are shown again.
      '2026-12-04 8003 salesWithoutTalk',
      // Sun's new 12-04 holds 2 calls of the old 12-04 and 3 of the old 12-03: not the same alert.
      '2026-12-04 8004 salesWithoutTalk',
      // Wang's old 12-04 calls (W3, W4) are all on 12-05 now: the acknowledged alert, still acknowledged.
      '2026-12-05 8001 salesWithoutTalk ACKED',
      '2026-12-05 8003 salesWithoutTalk',
    ]);
    expect(await storedAckKeys()).toEqual(
      [`2026-12-04:${id('8002')}:salesWithoutTalk`, `2026-12-05:${id('8001')}:salesWithoutTalk`].sort(),
    );
  });

  it('come back to their days when the zone changes back; a dropped one stays dropped', async () => {
    await ack('2026-12-04', '8001');
    await ack('2026-12-04', '8003');
    await changeZone('Asia/Shanghai');
    await changeZone('UTC');
    expect(await storedAckKeys()).toEqual([`2026-12-04:${id('8001')}:salesWithoutTalk`]);
    expect((await alertLines()).filter((l) => l.endsWith('ACKED'))).toEqual([
      '2026-12-04 8001 salesWithoutTalk ACKED',
    ]);
  });

  it('leave an acknowledgement of an agent-day without calls out, and one of another shape alone', async () => {
    // An ack whose calls were undone since: in the new zone its day names other calls.
    await t.call('targets.ack', { key: `2026-11-20:${id('8001')}:dials`, acked: true });
    await t.call('targets.ack', { key: 'legacy-key', acked: true });
    expect(await t.call('zone.preview', { timeZone: 'Asia/Shanghai' })).toMatchObject({ acksDropped: 1 });
    await changeZone('Asia/Shanghai');
    expect(await storedAckKeys()).toEqual(['legacy-key']);
  });
});

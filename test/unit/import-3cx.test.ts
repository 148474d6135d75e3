/**
 * A 3CX call log export (web client Call Logs → Export; UTF-8 with BOM, CRLF, header row Call Time,
 * Call ID, From, To, Direction, Status, Ringing, Talking, Cost, Call Activity Details), newest
 * first as 3CX lists it, with several segment rows per call (queue → agent, transfer).
 * Workspace zone Asia/Shanghai.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const LOG = path.join(FIXTURES, 'calls/3cx-call-log.csv');
const range = { from: '2026-11-01', to: '2026-11-30' };

// Calls, not rows. Call 1255 only reached the queue (rejected: no agent); 1256's Talking is "--:--":
// it is kept, answered, with no talk time and a warning.
const TRUTH: TruthCall[] = [
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: true, talk: 125 }, // 1250
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: false, talk: 0 }, // 1251
  // 1252: queue segment, then Li Na's: one inbound call of 1002
  { day: '2026-11-03', agent: '1002', direction: 'inbound', answered: true, talk: 180 },
  // 1253: Li Na dialled, talked 40 s, transferred to Zhang Wei who talked 300 s: his outbound call
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: true, talk: 300 },
  { day: '2026-11-04', agent: '1002', direction: 'outbound', answered: true, talk: 50 }, // 1254
  { day: '2026-11-04', agent: '1002', direction: 'outbound', answered: true, talk: 0 }, // 1256
];

describe('importing a 3CX call log', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('merges the segments of each call and counts per day and agent from the agent segment', async () => {
    const job = await t.importFile(LOG);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: '3cx', rows: 9, inserted: 6, rejected: 1 });
    await expectHandCounts(t, TRUTH, range);

    const calls = await t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select([
        'c.source_key',
        'a.code',
        'a.name',
        'c.direction',
        'c.ring_seconds',
        'c.talk_seconds',
        'c.phone_last4',
      ])
      .orderBy('c.started_at')
      .execute();
    expect(calls).toEqual([
      {
        source_key: '3cx:1250',
        code: '1001',
        name: 'Zhang Wei',
        direction: 'outbound',
        ring_seconds: 6,
        talk_seconds: 125,
        phone_last4: '8601',
      },
      {
        source_key: '3cx:1251',
        code: '1001',
        name: 'Zhang Wei',
        direction: 'outbound',
        ring_seconds: 30,
        talk_seconds: 0,
        phone_last4: '8602',
      },
      {
        source_key: '3cx:1252',
        code: '1002',
        name: 'Li Na',
        direction: 'inbound',
        ring_seconds: 5,
        talk_seconds: 180,
        phone_last4: '7603',
      },
      {
        source_key: '3cx:1253',
        code: '1001',
        name: 'Zhang Wei',
        direction: 'outbound',
        ring_seconds: 3,
        talk_seconds: 300,
        phone_last4: '8604',
      },
      {
        source_key: '3cx:1254',
        code: '1002',
        name: 'Li Na',
        direction: 'outbound',
        ring_seconds: 7,
        talk_seconds: 50,
        phone_last4: '8605',
      },
      {
        source_key: '3cx:1256',
        code: '1002',
        name: 'Li Na',
        direction: 'outbound',
        ring_seconds: 4,
        talk_seconds: 0,
        phone_last4: '8607',
      },
    ]);

    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 2,
        field: 'Talking',
        reason: expect.stringContaining('"--:--"'),
      }),
      expect.objectContaining({
        line: 3,
        field: 'From',
        reason: expect.stringContaining('no leg of call 1255 has an agent'),
      }),
    ]);

    const again = await t.importFile(LOG);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 6, rejected: 1 });
    await expectHandCounts(t, TRUTH, range);
  });
});

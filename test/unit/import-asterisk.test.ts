/**
 * Asterisk CDR files as the PBX writes them (no header): cdr_csv Master.csv (cdr/cdr_csv.c field
 * order; 18 columns with loguniqueid + loguserfield, 21 with newcdrcolumns, legs of transferred and
 * queued calls sharing linkedid and written in leg-END order) and cdr_custom Master.csv (the sample
 * cdr_custom.conf mapping: 19 columns, CSV_QUOTE'd except sequence). Workspace zone Asia/Shanghai.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const CSV_18 = path.join(FIXTURES, 'calls/asterisk-cdr-csv-18.csv');
const CSV_21 = path.join(FIXTURES, 'calls/asterisk-cdr-csv-21.csv');
const CUSTOM = path.join(FIXTURES, 'calls/asterisk-cdr-custom.csv');
const range = { from: '2026-11-01', to: '2026-11-30' };

// One row per call (uniqueid, no linkedid). Line 8 has a start of 2026-13-45: rejected.
const TRUTH_18: TruthCall[] = [
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: true, talk: 125 },
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-03', agent: '1002', direction: 'outbound', answered: true, talk: 40 }, // SIP/ channel
  { day: '2026-11-03', agent: '1002', direction: 'outbound', answered: false, talk: 0 }, // IAX2/, BUSY, 23:59:30
  { day: '2026-11-04', agent: '1001', direction: 'outbound', answered: true, talk: 65 }, // 00:02 is the 4th
  { day: '2026-11-04', agent: '1002', direction: 'inbound', answered: true, talk: 90 }, // trunk → PJSIP/1002
  { day: '2026-11-04', agent: '1001', direction: 'outbound', answered: false, talk: 0 }, // CONGESTION
];

// Calls, not rows: 10 lines in leg-end order make 6 calls, an IVR-only call and a cut-off line.
const TRUTH_21: TruthCall[] = [
  { day: '2026-11-05', agent: '1003', direction: 'outbound', answered: true, talk: 55 },
  // trunk → queue (Local/…;1) and Local/…;2 → PJSIP/1004: one inbound call of 1004
  { day: '2026-11-05', agent: '1004', direction: 'inbound', answered: true, talk: 180 },
  // 1003 dialled, talked 30 s, transferred to 1004 who talked 240 s: 1004's outbound call
  { day: '2026-11-05', agent: '1004', direction: 'outbound', answered: true, talk: 240 },
  { day: '2026-11-05', agent: '1004', direction: 'outbound', answered: false, talk: 0 },
  // started 09:58 but ended (and was written) after the transfer above
  { day: '2026-11-05', agent: '1003', direction: 'outbound', answered: true, talk: 600 },
  { day: '2026-11-06', agent: '1004', direction: 'outbound', answered: true, talk: 42 },
];

const TRUTH_CUSTOM: TruthCall[] = [
  { day: '2026-11-03', agent: '1005', direction: 'outbound', answered: true, talk: 90 },
  { day: '2026-11-03', agent: '1005', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-03', agent: '1006', direction: 'outbound', answered: true, talk: 31 },
  { day: '2026-11-04', agent: '1006', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-04', agent: '1005', direction: 'inbound', answered: true, talk: 55 },
];

describe('importing Asterisk CDR files', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('reads an 18-column cdr_csv Master.csv: agents from SIP, PJSIP and IAX2 channels', async () => {
    const job = await t.importFile(CSV_18);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'asterisk-cdr-csv', rows: 8, inserted: 7, rejected: 1 });
    await expectHandCounts(t, TRUTH_18, range);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({ line: 8, field: 'start', reason: expect.stringContaining('2026-13-45') }),
    ]);
    const inbound = await t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['a.code', 'c.talk_seconds', 'c.phone_last4'])
      .where('c.direction', '=', 'inbound')
      .execute();
    expect(inbound).toEqual([{ code: '1002', talk_seconds: 90, phone_last4: '7006' }]);

    const again = await t.importFile(CSV_18);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 7, rejected: 1 });
    await expectHandCounts(t, TRUTH_18, range);
  });

  it('merges the legs of transferred and queued calls in a 21-column file written in leg-end order', async () => {
    const job = await t.importFile(CSV_21);
    expect(job.error).toBeNull();
    // The IVR-only call (line 8) is no dial and has no agent: counted by kind, not rejected; the
    // queued call is 1004's inbound call: stored, and counted as no dial.
    expect(job.result).toMatchObject({
      preset: 'asterisk-cdr-csv',
      rows: 10,
      inserted: 6,
      rejected: 1,
      notDials: { ivr: 1, inbound: 1 },
    });
    await expectHandCounts(t, TRUTH_21, range);

    const transferred = await t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['a.code', 'c.direction', 'c.talk_seconds', 'c.started_at', 'c.phone_last4'])
      .where('c.source_key', '=', 'ast:1793844000.105')
      .executeTakeFirst();
    expect(transferred).toEqual({
      code: '1004',
      direction: 'outbound',
      talk_seconds: 240,
      started_at: Date.parse('2026-11-05T02:00:00Z'), // 10:00:00 in Shanghai: the first leg's start
      phone_last4: '8103',
    });
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({ line: 10, field: 'start', reason: expect.stringContaining('date and time') }),
    ]);

    const again = await t.importFile(CSV_21);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 6 });
    await expectHandCounts(t, TRUTH_21, range);
  });

  it('reads a cdr_custom Master.csv with the sample mapping, told apart from cdr_csv by its content', async () => {
    const job = await t.importFile(CUSTOM);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'asterisk-cdr-custom', rows: 6, inserted: 5, rejected: 1 });
    await expectHandCounts(t, TRUTH_CUSTOM, range);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({ line: 6, field: 'start', reason: expect.stringContaining('25:10') }),
    ]);
    const again = await t.importFile(CUSTOM);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 5 });
  });

  it('says which columns a forced layout expects when the file has another width', async () => {
    const job = await t.importFile(CUSTOM, { preset: 'asterisk-cdr-csv' });
    expect(job.error).toMatch(
      /asterisk-cdr-custom\.csv: the rows have 19 columns; the Asterisk cdr_csv \(Master\.csv\) layout has 16 or 17 or 18 or 21/,
    );
  });
});

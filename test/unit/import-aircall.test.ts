// Aircall calls export (columns after Aircall's call object: id, direction, status, started_at in
// UTC, duration (in call), user_id, user, raw_digits, tags), comma, LF, re-saved as UTF-16 BE with
// BOM. Fixture: test/fixtures/calls/aircall-calls-utf16be.csv.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/aircall-calls-utf16be.csv');

// The export's calls as a person reads them: UTC instants, Shanghai days (UTC+8).
const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: '901', direction: 'outbound', answered: true, talk: 130, sale: true }, // tags Sale, Follow-up
  { day: '2026-11-03', agent: '901', direction: 'outbound', answered: false, talk: 0 }, // missed
  { day: '2026-11-03', agent: '902', direction: 'outbound', answered: true, talk: 42 }, // "… 06:00:00 UTC"
  { day: '2026-11-03', agent: '902', direction: 'outbound', answered: false, talk: 20 }, // voicemail
  { day: '2026-11-03', agent: '901', direction: 'inbound', answered: true, talk: 300, sale: true }, // inbound
  { day: '2026-11-04', agent: '902', direction: 'outbound', answered: true, talk: 61 }, // 17:30Z on the 3rd
  { day: '2026-11-04', agent: '901', direction: 'outbound', answered: true, talk: 75 }, // no zone: UTC anyway
  // line 9: status "transferred" is not an Aircall status we list: kept, read by its in-call
  // duration (10 s: connected), with a warning
  { day: '2026-11-04', agent: '902', direction: 'outbound', answered: true, talk: 10 },
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing an Aircall calls export', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects UTF-16 BE and the layout, and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'aircall', rows: 8, inserted: 8, rejected: 0 });

    await expectHandCounts(t, CALLS, range);
  });

  it('puts a call at 17:30 UTC on the next Shanghai day', async () => {
    await t.importFile(FILE);
    const call = await t.ws.kysely
      .selectFrom('calls')
      .select(['day', 'hour', 'started_at'])
      .where('source_key', '=', 'aircall:7001006')
      .executeTakeFirst();
    expect(call).toEqual({ day: '2026-11-04', hour: 1, started_at: Date.parse('2026-11-03T17:30:00Z') });
  });

  it('keeps a call whose status it does not know, with a warning naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 9,
        field: 'status',
        reason: expect.stringContaining('unknown status "transferred" read as connected'),
      }),
    ]);
  });
});

// Talkdesk Explore "Calls" report saved as Excel "Unicode text": UTF-16 LE with BOM, tab, CRLF;
// Call ID, Type (outbound / outbound_missed / inbound ...), Start At in UTC, Talk Time in seconds.
// Fixture: test/fixtures/calls/talkdesk-calls-utf16le.txt.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/talkdesk-calls-utf16le.txt');
const KIM = '64f0a1';
const LOU = '64f0b2';

// The report's calls as a person reads them: UTC start times turned into Shanghai days.
const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: KIM, direction: 'outbound', answered: true, talk: 170, sale: true }, // 01:00Z
  { day: '2026-11-03', agent: KIM, direction: 'outbound', answered: false, talk: 0 }, // outbound_missed
  { day: '2026-11-03', agent: LOU, direction: 'outbound', answered: true, talk: 55 }, // Not Interested
  { day: '2026-11-03', agent: LOU, direction: 'outbound', answered: true, talk: 25 }, // 15:30Z = 23:30 local
  { day: '2026-11-03', agent: KIM, direction: 'inbound', answered: true, talk: 600, sale: true }, // inbound
  { day: '2026-11-04', agent: KIM, direction: 'outbound', answered: true, talk: 95 }, // 16:10 UTC without Z
  { day: '2026-11-04', agent: LOU, direction: 'outbound', answered: false, talk: 0 }, // outbound_missed
  // line 9: Talk Time "n/a": kept with no talk time and a warning (its Disposition Code says Sale)
  { day: '2026-11-04', agent: LOU, direction: 'outbound', answered: true, talk: 0, sale: true },
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a Talkdesk Calls report', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects UTF-16 LE and the layout, and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'talkdesk', rows: 8, inserted: 8, rejected: 0 });

    await expectHandCounts(t, CALLS, range);
    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    expect(byAgent.rows.map((r) => [r.key, r.label, r.intents])).toEqual([
      [KIM, 'Kim Park', 2], // Sale and Interested
      [LOU, 'Lou Reed', 1], // the Sale of line 9
    ]);
  });

  it('keeps a call whose talk time it cannot read, with a warning naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 9,
        field: 'Talk Time',
        reason: expect.stringContaining('"n/a"'),
      }),
    ]);
  });
});

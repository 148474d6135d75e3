// VICIdial "Export Calls Report" (call_report_export.php, STANDARD fields): tab, CRLF, UTF-8 without
// BOM, status codes carrying disposition and outcome. Fixture: test/fixtures/calls/vicidial-calls.txt.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/vicidial-calls.txt');

// The export's calls as a person reads them (server wall clock = Shanghai). A = answering machine
// and DROP = no agent was free: not a conversation whatever length_in_sec says.
const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: '6001', direction: 'outbound', answered: true, talk: 184, sale: true }, // SALE
  { day: '2026-11-03', agent: '6001', direction: 'outbound', answered: false, talk: 0 }, // NA
  { day: '2026-11-03', agent: '6001', direction: 'outbound', answered: true, talk: 45 }, // NI
  { day: '2026-11-03', agent: '6002', direction: 'outbound', answered: false, talk: 12 }, // A
  { day: '2026-11-03', agent: '6002', direction: 'outbound', answered: true, talk: 240 }, // XFER
  { day: '2026-11-03', agent: '6002', direction: 'outbound', answered: false, talk: 8 }, // DROP at 23:59
  { day: '2026-11-04', agent: '6001', direction: 'outbound', answered: true, talk: 75 }, // CALLBK at 00:00
  { day: '2026-11-04', agent: '6002', direction: 'outbound', answered: false, talk: 0 }, // B
  { day: '2026-11-04', agent: '6001', direction: 'outbound', answered: false, talk: 0 }, // DC
  // line 11 INCALL (still in progress) is rejected; line 12 HOTLD (a campaign's own status) is kept,
  // read by its length (95 s: connected), with a warning
  { day: '2026-11-04', agent: '6001', direction: 'outbound', answered: true, talk: 95 },
  { day: '2026-11-04', agent: '6002', direction: 'outbound', answered: true, talk: 310, sale: true }, // SALE
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a VICIdial Export Calls Report', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects the layout and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'vicidial', rows: 12, inserted: 11, rejected: 1 });

    await expectHandCounts(t, CALLS, range);
    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    expect(byAgent.rows.map((r) => [r.key, r.label, r.intents])).toEqual([
      ['6001', 'Ann Lee', 1], // SALE (CALLBK is a callback, not an intent)
      ['6002', 'Bob Diaz', 2], // XFER to a closer and SALE
    ]);
    const teams = await t.call('teams.list');
    expect(teams.map((x) => x.name).sort()).toEqual(['TEAM_A', 'TEAM_B']);
  });

  it('rejects a call still in progress and warns of a campaign status it does not know, naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        line: 11,
        field: 'status',
        reason: expect.stringContaining('"INCALL"'),
      }),
      expect.objectContaining({
        kind: 'warning',
        line: 12,
        field: 'status',
        reason: expect.stringContaining('"HOTLD"'),
      }),
    ]);
  });
});

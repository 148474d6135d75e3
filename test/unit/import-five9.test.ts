// Five9 "Call Log" report CSV: UTF-8 with BOM, comma, every field quoted, CRLF, TIMESTAMP as
// `Mon, 02 Nov 2026 09:01:15` in the report's zone (New York here), durations HH:MM:SS.
// Fixture: test/fixtures/calls/five9-call-log.csv.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/five9-call-log.csv');
const JOHN = 'jsmith@acme.example';
const MARIA = 'mgarcia@acme.example';

// The report's calls as a person reads them, New York days.
const CALLS: TruthCall[] = [
  { day: '2026-11-02', agent: JOHN, direction: 'outbound', answered: true, talk: 280, sale: true },
  { day: '2026-11-02', agent: JOHN, direction: 'outbound', answered: false, talk: 0 }, // No Answer
  { day: '2026-11-02', agent: JOHN, direction: 'outbound', answered: true, talk: 65 }, // Manual, Not Interested
  { day: '2026-11-02', agent: MARIA, direction: 'outbound', answered: false, talk: 20 }, // Answering Machine
  { day: '2026-11-02', agent: MARIA, direction: 'outbound', answered: true, talk: 120 }, // Preview, Callback
  { day: '2026-11-02', agent: MARIA, direction: 'outbound', answered: false, talk: 0 }, // Busy at 23:50
  { day: '2026-11-03', agent: JOHN, direction: 'inbound', answered: true, talk: 180, sale: true }, // Inbound
  { day: '2026-11-03', agent: JOHN, direction: 'outbound', answered: false, talk: 0 }, // Abandon
  { day: '2026-11-03', agent: MARIA, direction: 'outbound', answered: true, talk: 605, sale: true },
  { day: '2026-11-03', agent: MARIA, direction: 'outbound', answered: false, talk: 0 }, // Dial Error
  // line 12: a campaign disposition ("Spanish Speaker") the layout does not list: kept, read by its
  // TALK TIME (40 s: connected), with a warning
  { day: '2026-11-03', agent: MARIA, direction: 'outbound', answered: true, talk: 40 },
  // line 13: hour 25 — rejected
  // line 14: the first call again (same CALL ID) — a duplicate, not a second call
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a Five9 Call Log report', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace({ timeZone: 'America/New_York' });
  });
  afterEach(async () => t.close());

  it('detects the layout and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'five9', rows: 13, inserted: 11, duplicates: 1, rejected: 1 });

    await expectHandCounts(t, CALLS, range);
    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    expect(byAgent.rows.map((r) => r.label).sort()).toEqual(['García, María', 'Smith, John']);
  });

  it('warns of an unknown campaign disposition and rejects an impossible time, naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 12,
        field: 'DISPOSITION',
        reason: expect.stringContaining('unknown status "Spanish Speaker" read as connected'),
      }),
      expect.objectContaining({
        kind: 'rejected',
        line: 13,
        field: 'TIMESTAMP',
        reason: expect.stringContaining('25:10'),
      }),
    ]);
  });

  it('adds nothing when the same report is imported again', async () => {
    await t.importFile(FILE);
    const again = await t.importFile(FILE);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 12 });
  });
});

// A generic English call log from a CRM: semicolon-separated UTF-8, Date/Time, Agent, Status and a
// separate Outcome column, MM:SS talk time, quoted "1,999.00" amounts.
// Fixture: test/fixtures/calls/generic-en-semicolon.csv.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/generic-en-semicolon.csv');

const CALLS: TruthCall[] = [
  {
    day: '2026-11-03',
    agent: 'alice',
    direction: 'outbound',
    answered: true,
    talk: 205,
    sale: true,
    amount: 199_900,
  },
  { day: '2026-11-03', agent: 'alice', direction: 'outbound', answered: false, talk: 0 }, // No Answer
  { day: '2026-11-03', agent: 'alice', direction: 'outbound', answered: true, talk: 65 }, // Interested
  { day: '2026-11-03', agent: 'bruno', direction: 'outbound', answered: false, talk: 0 }, // Busy
  { day: '2026-11-03', agent: 'bruno', direction: 'outbound', answered: false, talk: 18 }, // Voicemail
  {
    day: '2026-11-03',
    agent: 'bruno',
    direction: 'inbound',
    answered: true,
    talk: 360,
    sale: true,
    amount: 50_000,
  },
  {
    day: '2026-11-04',
    agent: 'bruno',
    direction: 'outbound',
    answered: true,
    talk: 750,
    sale: true,
    amount: 125_050,
  },
  { day: '2026-11-04', agent: 'alice', direction: 'outbound', answered: true, talk: 20 }, // Not Interested
  { day: '2026-11-04', agent: 'alice', direction: 'outbound', answered: false, talk: 0 }, // Invalid Number
  // line 11: outcome "Maybe later" is unknown: stored with no outcome and a warning
  { day: '2026-11-04', agent: 'bruno', direction: 'outbound', answered: true, talk: 120 },
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a generic English call log', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects the layout and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'generic-en', rows: 10, inserted: 10, rejected: 0 });

    await expectHandCounts(t, CALLS, range);
  });

  it('keeps a call whose outcome it does not know, with a warning naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 11,
        field: 'Outcome',
        reason: expect.stringContaining('unknown outcome "Maybe later"'),
      }),
    ]);
  });
});

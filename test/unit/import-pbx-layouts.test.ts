/**
 * PBX layouts with a header, read through the shared PBX classifier: a FreePBX "CDR Reports"
 * export (26 columns of asteriskcdrdb.cdr, digit-named trunk SIP/510228), Issabel's older
 * 16-column table dumped by phpMyAdmin (semicolons), and a Chinese IP-PBX call log in GBK that
 * names caller and callee by number and has no agent column. Fixtures of our own; the truth is
 * listed by hand from them. Workspace zone Asia/Shanghai.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';
import { expectHandCounts, storedInboundByAgent, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };

/** Inbound calls per agent, from the hand list, in code order. */
function inboundByAgent(calls: readonly TruthCall[]) {
  const out = new Map<string, { code: string; n: number; talk: number }>();
  for (const c of calls) {
    if (c.direction !== 'inbound') continue;
    const e = out.get(c.agent) ?? { code: c.agent, n: 0, talk: 0 };
    out.set(c.agent, { code: c.agent, n: e.n + 1, talk: e.talk + c.talk });
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const FREEPBX: TruthCall[] = [
  { day: '2026-11-12', agent: '301', direction: 'outbound', answered: true, talk: 64 },
  { day: '2026-11-12', agent: '301', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-12', agent: '302', direction: 'outbound', answered: true, talk: 188 }, // E.164
  { day: '2026-11-12', agent: '301', direction: 'inbound', answered: true, talk: 90 },
  // *97 (feature code) and 301 → 302 (internal): no calls
  { day: '2026-11-13', agent: '302', direction: 'outbound', answered: false, talk: 0 }, // BUSY
  { day: '2026-11-13', agent: '301', direction: 'outbound', answered: true, talk: 121 },
  // 302 in a MeetMe conference: no call
];

const PBX_NUMBERS: TruthCall[] = [
  { day: '2026-11-16', agent: '8001', direction: 'outbound', answered: true, talk: 65 },
  { day: '2026-11-16', agent: '8001', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-16', agent: '8002', direction: 'outbound', answered: true, talk: 120 },
  { day: '2026-11-16', agent: '8002', direction: 'inbound', answered: true, talk: 45 },
  // 8001 → 8002 internal, 8002 → *97 feature code
  { day: '2026-11-17', agent: '8002', direction: 'outbound', answered: false, talk: 0 }, // 忙线
  { day: '2026-11-17', agent: '8001', direction: 'outbound', answered: true, talk: 300 },
];

describe('PBX layouts with a header', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const inboundInDb = () => storedInboundByAgent(t);

  it('reads a FreePBX CDR report export (26 columns): dials, connects, talk; inbound and the rest counted', async () => {
    const job = await t.importFile(path.join(FIXTURES, 'calls/freepbx-cdr-report.csv'));
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'freepbx-cdr',
      rows: 9,
      inserted: FREEPBX.length,
      rejected: 0,
      notDials: { inbound: 1, feature: 1, internal: 1, conference: 1 },
    });
    await expectHandCounts(t, FREEPBX, range);
    expect(await inboundInDb()).toEqual(inboundByAgent(FREEPBX));
    const stored = await t.ws.kysely
      .selectFrom('calls')
      .select('recording_ref')
      .where('talk_seconds', '=', 64)
      .executeTakeFirst();
    expect(stored?.recording_ref).toBe('out-013812345678-301-20261112-1794459600.1.wav');
  });

  it("reads Issabel's 16-column cdr table dumped with a header and semicolons", async () => {
    const job = await t.importFile(path.join(FIXTURES, 'calls/issabel-cdr-16.csv'));
    expect(job.error).toBeNull();
    const truth = FREEPBX.slice(0, 4);
    expect(job.result).toMatchObject({ preset: 'freepbx-cdr', rows: 4, inserted: 4, rejected: 0 });
    await expectHandCounts(t, truth, range);
    expect(await inboundInDb()).toEqual(inboundByAgent(truth));
  });

  it('reads a Chinese PBX call log with caller and callee numbers and no agent column (GBK)', async () => {
    const job = await t.importFile(path.join(FIXTURES, 'calls/pbx-numbers-gbk.csv'));
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'pbx-numbers',
      rows: 8,
      inserted: PBX_NUMBERS.length,
      rejected: 0,
      notDials: { inbound: 1, internal: 1, feature: 1 },
    });
    await expectHandCounts(t, PBX_NUMBERS, range);
    expect(await inboundInDb()).toEqual(inboundByAgent(PBX_NUMBERS));
  });
});

/**
 * Phone-system exports of our own in the shapes their products write: 3CX v20 "Outbound calls"
 * and "Inbound calls" reports (no call id, no direction, a Totals row), a Cisco CUCM CDR flat file
 * (header, type row, epoch-second times, a CMR record) and Zoom Phone call logs. The truth is the
 * hand list of each fixture. Workspace zone Asia/Shanghai.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };
const fixture = (name: string) => path.join(FIXTURES, 'calls', name);

const THREECX_OUT: TruthCall[] = [
  { day: '2026-11-18', agent: '1001', direction: 'outbound', answered: true, talk: 125 },
  { day: '2026-11-18', agent: '1001', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-18', agent: '1002', direction: 'outbound', answered: true, talk: 48 },
  { day: '2026-11-19', agent: '1002', direction: 'outbound', answered: true, talk: 600 },
];

// 2026-11-18 09:00 and so on, Shanghai wall clock, written as UTC epoch seconds.
const CUCM: TruthCall[] = [
  { day: '2026-11-18', agent: '2001', direction: 'outbound', answered: true, talk: 120 },
  { day: '2026-11-18', agent: '2001', direction: 'outbound', answered: false, talk: 0 }, // cause 17: busy
  { day: '2026-11-18', agent: '2002', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-18', agent: '2002', direction: 'inbound', answered: true, talk: 90 },
  // 2001 → 2002: internal
  { day: '2026-11-19', agent: '2002', direction: 'outbound', answered: true, talk: 300 },
];

const ZOOM: TruthCall[] = [
  { day: '2026-11-20', agent: '801', direction: 'outbound', answered: true, talk: 90 },
  { day: '2026-11-20', agent: '801', direction: 'outbound', answered: false, talk: 0 },
  { day: '2026-11-20', agent: '802', direction: 'outbound', answered: false, talk: 0 }, // Busy
  { day: '2026-11-20', agent: '802', direction: 'inbound', answered: true, talk: 120 },
  // 801 → 802: internal
  { day: '2026-11-21', agent: '802', direction: 'outbound', answered: true, talk: 250 },
];

describe('phone-system exports', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const inboundTalk = () =>
    t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['a.code', 'c.talk_seconds as talk'])
      .where('c.direction', '=', 'inbound')
      .orderBy('c.started_at')
      .execute();
  const handInbound = (calls: readonly TruthCall[]) =>
    calls.filter((c) => c.direction === 'inbound').map((c) => ({ code: c.agent, talk: c.talk }));

  it('reads the 3CX v20 outbound and inbound call reports, passing over their Totals rows', async () => {
    const out = await t.importFile(fixture('3cx-v20-outbound-report.csv'));
    expect(out.error).toBeNull();
    expect(out.result).toMatchObject({ preset: '3cx-report', rows: 5, inserted: 4, rejected: 0 });
    await expectHandCounts(t, THREECX_OUT, range);

    const inbound = await t.importFile(fixture('3cx-v20-inbound-report.csv'));
    expect(inbound.error).toBeNull();
    // The unanswered queue call has no agent: rejected as such. The internal call is 1002's inbound.
    expect(inbound.result).toMatchObject({ preset: '3cx-report', rows: 4, inserted: 2, rejected: 1 });
    expect(await rejectsOf(t, inbound.result!.batchId)).toEqual([
      expect.objectContaining({ line: 3, field: 'Caller ID' }),
    ]);
    await expectHandCounts(t, THREECX_OUT, range); // inbound calls are no dials
    expect(await inboundTalk()).toEqual([
      { code: '1001', talk: 180 },
      { code: '1002', talk: 40 },
    ]);
  });

  it('reads a Cisco CUCM CDR file: the type row and CMR records passed over, epoch times, internal calls counted', async () => {
    const job = await t.importFile(fixture('cisco-cucm-cdr.csv'));
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'cisco-cucm',
      inserted: CUCM.length,
      rejected: 0,
      notDials: { internal: 1, inbound: handInbound(CUCM).length },
    });
    await expectHandCounts(t, CUCM, range);
    expect(await inboundTalk()).toEqual(handInbound(CUCM));
    const busy = await t.ws.kysely
      .selectFrom('calls')
      .select('disposition')
      .where('source_key', '=', 'cucm:5002')
      .executeTakeFirst();
    expect(busy?.disposition).toBe('busy');
  });

  it('reads CUCM CDRs written without a header (129 columns, CUCM 11) by their width and content', async () => {
    // Positions from Cisco's CDR field list (file order), written here by hand.
    const at = {
      type: 0,
      callId: 2,
      origination: 4,
      calling: 8,
      finalCalled: 30,
      destCause: 33,
      connect: 47,
      disconnect: 48,
      duration: 55,
    };
    const epoch = (day: number, h: number, m: number, s = 0) => Date.UTC(2026, 10, day, h - 8, m, s) / 1000;
    const calls = [
      { id: 9001, day: 18, h: 9, m: 0, calling: '2001', called: '013800138101', cause: '16', talk: 61 },
      { id: 9002, day: 18, h: 9, m: 30, calling: '2001', called: '013800138102', cause: '17', talk: 0 },
      { id: 9003, day: 19, h: 11, m: 0, calling: '2002', called: '013800138103', cause: '16', talk: 200 },
      { id: 9004, day: 19, h: 11, m: 30, calling: '2002', called: '2001', cause: '16', talk: 30 }, // internal
    ];
    const lines = calls.map((c) => {
      const row: string[] = Array.from({ length: 129 }, () => '0');
      const start = epoch(c.day, c.h, c.m);
      row[at.type] = '1';
      row[at.callId] = String(c.id);
      row[at.origination] = String(start);
      row[at.calling] = c.calling;
      row[at.finalCalled] = c.called;
      row[at.destCause] = c.cause;
      row[at.connect] = c.talk > 0 ? String(start + 5) : '0';
      row[at.disconnect] = String(start + 5 + c.talk);
      row[at.duration] = String(c.talk);
      return row.map((v) => `"${v}"`).join(',');
    });
    const file = path.join(t.dir, 'cdr_StandAloneCluster_01_202611190000_1');
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
    const job = await t.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'cisco-cucm-headerless',
      rows: 4,
      inserted: 3,
      rejected: 0,
      notDials: { internal: 1 },
    });
    const truth: TruthCall[] = calls
      .filter((c) => c.called.length > 6)
      .map((c) => ({
        day: `2026-11-${c.day}`,
        agent: c.calling,
        direction: 'outbound',
        answered: c.talk > 0,
        talk: c.talk,
      }));
    await expectHandCounts(t, truth, range);
  });

  it('reads Zoom Phone call logs: agents from the extension at our end, internal calls counted', async () => {
    const job = await t.importFile(fixture('zoom-phone-call-logs.csv'));
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'zoom-phone',
      rows: 6,
      inserted: ZOOM.length,
      rejected: 0,
      notDials: { internal: 1, inbound: handInbound(ZOOM).length },
    });
    await expectHandCounts(t, ZOOM, range);
    expect(await inboundTalk()).toEqual(handInbound(ZOOM));
    const names = await t.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
    expect(names).toEqual([
      { code: '801', name: 'Wang Fang' },
      { code: '802', name: 'Chen Jie' },
    ]);
  });
});

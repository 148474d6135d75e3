import { describe, expect, it } from 'vitest';
import { LegMerger, type Leg, type MergedCall } from '../../src-main/import/legs';
import type { NormalizedCall } from '../../src-main/import/normalise';

const T0 = Date.parse('2026-11-03T01:00:00Z'); // 09:00 in Shanghai

function leg(line: number, call: Partial<NormalizedCall>): Leg {
  return {
    line,
    raw: `row ${line}`,
    call: {
      sourceKey: call.callId ? `t:${call.callId}` : `h:${line}`,
      callId: '',
      agentCode: '',
      agentName: null,
      teamName: null,
      campaign: null,
      startedAt: T0,
      day: '2026-11-03',
      hour: 9,
      weekday: 2,
      direction: 'outbound',
      disposition: 'no_answer',
      ringSeconds: 0,
      talkSeconds: 0,
      outcome: 'none',
      intent: false,
      sale: false,
      saleAmount: 0,
      phoneHash: null,
      phoneLast4: null,
      recordingRef: null,
      ...call,
    },
  };
}

function ok(merged: MergedCall[]) {
  return merged.map((m) => {
    if (!m.ok) throw new Error(`unexpected reject: ${m.skipped ?? m.reason}`);
    return m;
  });
}

describe('merging legs of one call', () => {
  it("takes the agent, talk, ring and disposition from the agent's leg and the start from the earliest leg", () => {
    const merger = new LegMerger();
    // An inbound call written in leg-END order: the agent's leg ended last but started after the IVR.
    const out = [
      ...merger.add(
        leg(1, {
          callId: 'A',
          startedAt: T0 + 1000,
          day: '2026-11-03',
          hour: 9,
          agentCode: '',
          direction: 'inbound',
          disposition: 'connected',
          talkSeconds: 20,
          phoneHash: 'trunkside',
          phoneLast4: '0001',
        }),
      ),
      ...merger.add(leg(2, { callId: 'B', agentCode: '1003', disposition: 'busy' })),
      ...merger.add(
        leg(3, {
          callId: 'A',
          startedAt: T0 + 30_000,
          hour: 10,
          agentCode: '1001',
          agentName: '张伟',
          teamName: '一组',
          direction: 'inbound',
          disposition: 'connected',
          ringSeconds: 7,
          talkSeconds: 95,
          phoneHash: 'customer',
          phoneLast4: '8001',
          recordingRef: 'a.wav',
        }),
      ),
      ...merger.add(
        leg(4, {
          callId: 'A',
          startedAt: T0 + 200_000,
          agentCode: '1002',
          direction: 'inbound',
          disposition: 'connected',
          talkSeconds: 40,
        }),
      ),
      ...merger.finish(),
    ];
    const calls = ok(out);
    expect(calls.map((c) => [c.line, c.legs, c.call.callId])).toEqual([
      [1, 3, 'A'],
      [2, 1, 'B'],
    ]);
    expect(calls[0]!.call).toMatchObject({
      sourceKey: 't:A',
      agentCode: '1001',
      agentName: '张伟',
      teamName: '一组',
      startedAt: T0 + 1000,
      hour: 9, // carried from the earliest leg with its start
      direction: 'inbound',
      disposition: 'connected',
      ringSeconds: 7,
      talkSeconds: 95,
      phoneHash: 'customer',
      phoneLast4: '8001',
      recordingRef: 'a.wav',
    });
  });

  it('breaks a talk tie by the earliest start, and keeps the first agent leg direction after a transfer', () => {
    const merger = new LegMerger();
    merger.add(
      leg(1, {
        callId: 'X',
        agentCode: '1002',
        startedAt: T0 + 60_000,
        talkSeconds: 30,
        direction: 'inbound',
        disposition: 'connected',
      }),
    );
    merger.add(
      leg(2, {
        callId: 'X',
        agentCode: '1001',
        startedAt: T0,
        talkSeconds: 30,
        direction: 'outbound',
        disposition: 'connected',
      }),
    );
    const [call] = ok(merger.finish());
    expect(call!.call).toMatchObject({ agentCode: '1001', direction: 'outbound', startedAt: T0 });
  });

  it('takes the best disposition of any leg when the agent did not connect', () => {
    const merger = new LegMerger();
    merger.add(leg(1, { callId: 'V', agentCode: '1001', disposition: 'no_answer' }));
    merger.add(leg(2, { callId: 'V', disposition: 'voicemail' }));
    merger.add(leg(3, { callId: 'V', disposition: 'busy' }));
    merger.add(leg(4, { callId: 'W', agentCode: '1001', disposition: 'failed' }));
    merger.add(leg(5, { callId: 'W', disposition: 'no_answer' }));
    expect(ok(merger.finish()).map((c) => c.call.disposition)).toEqual(['voicemail', 'no_answer']);
  });

  it('takes the first outcome that is not none and the largest sale amount', () => {
    const merger = new LegMerger();
    merger.add(leg(1, { callId: 'S', agentCode: '1001', talkSeconds: 10 }));
    merger.add(leg(2, { callId: 'S', outcome: 'sale', sale: true, intent: true, saleAmount: 500 }));
    merger.add(leg(3, { callId: 'S', outcome: 'sale', sale: true, intent: true, saleAmount: 9900 }));
    const [call] = ok(merger.finish());
    expect(call!.call).toMatchObject({ outcome: 'sale', sale: true, intent: true, saleAmount: 9900 });
  });

  it('rejects a call none of whose legs has an agent, naming its first line and the agent column', () => {
    const merger = new LegMerger({ agentField: 'channel' });
    merger.add(leg(7, { callId: 'Q' }));
    merger.add(leg(9, { callId: 'Q' }));
    expect(merger.finish()).toEqual([
      {
        ok: false,
        line: 7,
        field: 'channel',
        reason: expect.stringMatching(/^no leg of call Q has an agent \(none of its 2 legs/),
        raw: 'row 7',
      },
    ]);
  });

  it("says of a lone agent-less leg that it is not an agent's extension", () => {
    const merger = new LegMerger({ agentField: 'channel' });
    merger.add(leg(4, { callId: 'T' }));
    const [reject] = merger.finish();
    expect(reject).toMatchObject({
      reason:
        "no leg of call T has an agent (its only leg is not an agent's extension: a trunk, queue, IVR or external party)",
    });
  });

  it('counts a PBX call without an agent by its most telling leg kind instead of rejecting it', () => {
    const merger = new LegMerger({ agentField: 'channel' });
    merger.add(leg(5, { callId: 'V', kind: 'local' }));
    merger.add(leg(6, { callId: 'V', kind: 'voicemail' }));
    merger.add(leg(8, { callId: 'F', kind: 'feature' }));
    expect(merger.finish()).toEqual([
      { ok: false, line: 5, skipped: 'voicemail' },
      { ok: false, line: 8, skipped: 'feature' },
    ]);
  });

  it('treats a leg without a call id as a call of its own, at once', () => {
    const merger = new LegMerger();
    const out = merger.add(leg(3, { agentCode: '1001', sourceKey: 'h:abc' }));
    expect(ok(out).map((c) => [c.line, c.legs, c.call.sourceKey])).toEqual([[3, 1, 'h:abc']]);
    expect(merger.finish()).toEqual([]);
  });

  it('emits a call once the window of rows has passed without it, and keeps later legs apart', () => {
    const merger = new LegMerger({ windowRows: 3 });
    expect(merger.add(leg(1, { callId: 'A', agentCode: '1001', talkSeconds: 5 }))).toEqual([]);
    expect(merger.add(leg(2, { callId: 'B', agentCode: '1002' }))).toEqual([]);
    expect(merger.add(leg(3, { callId: 'A', agentCode: '1001', talkSeconds: 9 }))).toEqual([]); // touches A
    expect(merger.add(leg(4, { callId: 'C', agentCode: '1003' }))).toEqual([]);
    // B's last leg was 3 rows ago: it is complete; A was touched 2 rows ago and stays open.
    const atFive = ok(merger.add(leg(5, { callId: 'D', agentCode: '1004' })));
    expect(atFive.map((c) => [c.call.callId, c.legs])).toEqual([['B', 1]]);
    const atSix = ok(merger.add(leg(6, { callId: 'D', agentCode: '1004' })));
    expect(atSix.map((c) => [c.call.callId, c.legs, c.call.talkSeconds])).toEqual([['A', 2, 9]]);
    // A leg of A after A was emitted starts a new group (same source key: stored as a duplicate).
    const atSeven = ok(merger.add(leg(7, { callId: 'A', agentCode: '1001', talkSeconds: 50 })));
    expect(atSeven.map((c) => [c.line, c.call.callId])).toEqual([[4, 'C']]);
    const rest = ok(merger.finish());
    expect(rest.map((c) => [c.line, c.call.callId, c.legs, c.call.sourceKey])).toEqual([
      [5, 'D', 2, 't:D'],
      [7, 'A', 1, 't:A'],
    ]);
  });

  it('keeps memory flat: no more open calls than the window holds', () => {
    const merger = new LegMerger({ windowRows: 100 });
    let emitted = 0;
    for (let i = 1; i <= 10_000; i++) {
      emitted += merger.add(leg(i, { callId: `C${i}`, agentCode: '1001' })).length;
      expect(i - emitted).toBeLessThanOrEqual(100);
    }
    expect(emitted + merger.finish().length).toBe(10_000);
  });
});

/**
 * The import's worker thread and what crosses it: packed batches come back exactly as they went,
 * an error inside the worker reaches the importer naming the file and line, and the multi-row
 * writer still tells stored calls from duplicates (within one statement and across files).
 * Files are written in the Callscope CSV layout (README, "The Callscope CSV layout").
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { packCalls, unpackCalls } from '../../src-main/import/call-transport';
import { createNormaliser, hashPhone, type NormalizedCall } from '../../src-main/import/normalise';
import { planImport } from '../../src-main/import/plan';
import { planFromSpec, planToSpec } from '../../src-main/import/plan-spec';
import { produceCallsInWorker } from '../../src-main/import/produce-in-worker';
import type { StoredCall } from '../../src-main/import/produce';
import { callscopePreset } from '../../src-main/import/presets/callscope';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

function call(overrides: Partial<NormalizedCall>): NormalizedCall {
  return {
    sourceKey: 'cs:1',
    callId: '1',
    agentCode: '8001',
    agentName: null,
    teamName: null,
    campaign: null,
    startedAt: 1_793_000_000_000,
    day: '2026-10-26',
    hour: 9,
    weekday: 1,
    direction: 'outbound',
    disposition: 'connected',
    ringSeconds: 0,
    talkSeconds: 0,
    outcome: 'none',
    intent: false,
    sale: false,
    saleAmount: 0,
    phoneHash: null,
    phoneLast4: null,
    recordingRef: null,
    ...overrides,
  };
}

describe('packing calls for the trip from the worker', () => {
  it('gives back exactly the calls packed: nulls, empty and Chinese text, large numbers, every enum', () => {
    const calls: StoredCall[] = [
      { line: 2, legs: 1, call: call({}) },
      {
        line: 1_000_000_007,
        legs: 3,
        call: call({
          sourceKey: 'h:qZk-NkcGgWq6PiVxeFDCbJzQ2J0',
          callId: '',
          agentCode: '工号-001',
          agentName: '张伟',
          teamName: '销售一组',
          campaign: '老客续费 🎯',
          startedAt: 8_640_000_000_000_000,
          day: '2026-11-03',
          hour: 23,
          weekday: 7,
          direction: 'inbound',
          disposition: 'voicemail',
          ringSeconds: 2_147_483_648,
          talkSeconds: 86_399,
          outcome: 'sale',
          intent: true,
          sale: true,
          saleAmount: Number.MAX_SAFE_INTEGER,
          phoneHash: 'a'.repeat(32),
          phoneLast4: '0001',
          recordingRef: 'C:\\录音\\2026/11/03 "x",y.wav',
        }),
      },
      {
        line: 3,
        legs: 1,
        call: call({ disposition: 'no_answer', outcome: 'not_interested', agentName: '' }),
      },
      { line: 4, legs: 1, call: call({ disposition: 'busy', outcome: 'callback', intent: true }) },
      { line: 5, legs: 1, call: call({ disposition: 'failed', outcome: 'intent', campaign: '' }) },
    ];
    const packed = packCalls(calls);
    // What crosses the thread is a few buffers and one string, not an object per call.
    expect(Object.keys(packed).sort()).toEqual(['codes', 'count', 'lengths', 'numbers', 'text']);
    expect(unpackCalls(structuredClone(packed))).toEqual(calls);
    expect(unpackCalls(packCalls([]))).toEqual([]);
  });

  it('refuses a value outside the domain rather than sending something else', () => {
    const bad = call({ disposition: 'hung_up' as NormalizedCall['disposition'] });
    expect(() => packCalls([{ line: 2, legs: 1, call: bad }])).toThrow(/hung_up/);
  });
});

describe('hashes stay the ones already stored', () => {
  it('phone hash and call-id-less source key are the SHA-256 and SHA-1 of the same text as before', () => {
    const salt = 'workspace-salt';
    expect(hashPhone('13800000001', salt)).toBe(
      createHash('sha256').update(salt).update('13800000001').digest('hex').slice(0, 32),
    );
    const header = ['agent_code', 'started_at', 'disposition', 'talk_seconds', 'phone'];
    const columns = { agentCode: 0, startedAt: 1, disposition: 2, talkSeconds: 3, phone: 4 };
    const normalise = createNormaliser(callscopePreset, columns, header, { timeZone: 'Asia/Shanghai', salt });
    const result = normalise(['8001', '2026-11-03 09:15:02', 'connected', '65', '138-0000-0001']);
    expect(result.ok).toBe(true);
    const startedAt = Date.UTC(2026, 10, 3, 1, 15, 2);
    const expected = 'h:' + createHash('sha1').update(`8001|${startedAt}|13800000001|65`).digest('base64url');
    expect(result.ok && result.call.sourceKey).toBe(expected);
  });
});

describe('importing through the worker', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const write = (name: string, lines: string[]) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  };

  it('rebuilds the same plan from its plain-data description', async () => {
    const file = write('plain.csv', [
      'call_id,agent_code,started_at,disposition',
      'A1,8001,2026-11-03 09:00:00,busy',
    ]);
    const { plan } = await planImport(t.ws.kysely, file, 'plain.csv', {}, 'Asia/Shanghai');
    const spec = planToSpec(plan);
    expect(structuredClone(spec)).toEqual(spec);
    const rebuilt = planFromSpec(structuredClone(spec));
    expect(rebuilt.preset).toBe(plan.preset);
    expect({ ...rebuilt, source: rebuilt.source.info }).toEqual({ ...plan, source: plan.source.info });
  });

  it('an error inside the worker reaches the importer with the file and line', async () => {
    const lines = ['call_id,agent_code,started_at,disposition'];
    for (let i = 0; i < 30; i++) lines.push(`E${i},8001,2026-11-03 09:${String(i).padStart(2, '0')}:00,busy`);
    const file = write('zone.csv', lines);
    const { plan } = await planImport(t.ws.kysely, file, 'zone.csv', {}, 'Asia/Shanghai');
    // A zone Intl does not know fails inside the worker's normaliser on the first data row.
    plan.timeZone = 'Mars/Olympus_Mons';
    const drain = async () => {
      for await (const batch of produceCallsInWorker(plan)) void batch;
    };
    await expect(drain()).rejects.toThrow(/^zone\.csv, line 2: .*Mars\/Olympus_Mons/);
    // The worker is still usable for the next import.
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ rows: 30, inserted: 30 });
  });

  it('tells stored calls from duplicates within one 50-row statement and across files', async () => {
    const header = 'call_id,agent_code,started_at,disposition,talk_seconds';
    const row = (id: string, talk: number) => `${id},8001,2026-11-03 10:00:00,connected,${talk}`;
    await t.importFile(
      write('first.csv', [header, ...Array.from({ length: 10 }, (_, i) => row(`X${i}`, 40))]),
    );
    // 120 rows: B0..B99 once, then within the first 50 rows also X0..X9 (stored by the first
    // file) and B0..B4 again with other talk times (the first occurrence is the one stored).
    const rows: [string, number][] = [];
    for (let i = 0; i < 5; i++) rows.push([`B${i}`, 100 + i]);
    for (let i = 0; i < 5; i++) rows.push([`B${i}`, 999]);
    for (let i = 0; i < 10; i++) rows.push([`X${i}`, 999]);
    for (let i = 5; i < 100; i++) rows.push([`B${i}`, 100 + i]);
    const job = await t.importFile(write('second.csv', [header, ...rows.map(([id, talk]) => row(id, talk))]));
    expect(job.result).toMatchObject({ rows: 115, inserted: 100, duplicates: 15 });

    // Independently: the first occurrence of each new id counts once.
    const seen = new Set<string>(Array.from({ length: 10 }, (_, i) => `X${i}`));
    let talk = 10 * 40;
    for (const [id, seconds] of rows) {
      if (seen.has(id)) continue;
      seen.add(id);
      talk += seconds;
    }
    const byDay = await t.call('metrics.breakdown', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
      by: 'day',
    });
    expect(byDay.rows).toMatchObject([{ key: '2026-11-03', dials: 110, connects: 110, talkSeconds: talk }]);
  });

  it('after a cancelled import, the next one runs on a fresh worker', async () => {
    const lines = ['call_id,agent_code,started_at,disposition,talk_seconds'];
    for (let i = 0; i < 60_000; i++) lines.push(`C${i},8001,2026-11-05 10:00:00,connected,${i % 200}`);
    const big = write('big.csv', lines);
    const jobId = t.api.startImport(big, {});
    await new Promise<void>((resolve) => {
      const off = t.api.jobs.onUpdate((job) => {
        if (job.id === jobId && job.rows > 0) {
          off();
          t.api.jobs.cancel(jobId);
          resolve();
        }
      });
    });
    expect((await t.api.jobs.wait(jobId)).status).toBe('cancelled');
    const job = await t.importFile(write('small.csv', lines.slice(0, 11)));
    expect(job.result).toMatchObject({ rows: 10, inserted: 10 });
  });
});

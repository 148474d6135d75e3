import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';

// A GBK file as Excel on Chinese Windows saves it: 座席工号 spelling, 3分25秒 durations, 2026/11/3 9:05 times.
const GBK = path.join(FIXTURES, 'calls/zh-generic-gbk.csv');

describe('importing a generic Chinese call-center export', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects GBK and the layout, and counts per day and agent as worked out by hand', async () => {
    const job = await t.importFile(GBK);
    expect(job.error).toBeNull();
    // Line 9's status 挂断 is unknown: the call is kept, read by its talk time (12分 > 0: connected).
    expect(job.result).toMatchObject({ preset: 'zh-generic', rows: 8, inserted: 8, rejected: 0 });

    const byAgent = await t.call('metrics.breakdown', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
      by: 'agent',
    });
    expect(byAgent.rows.map((r) => [r.key, r.label])).toEqual([
      ['1001', '张伟'],
      ['1002', '李娜'],
    ]);
    expect(byAgent.rows[0]).toMatchObject({
      dials: 4,
      connects: 3,
      effective: 2,
      talkSeconds: 270,
      effectiveTalkSeconds: 250,
      intents: 2,
      sales: 1,
      revenue: 199_900,
    });
    expect(byAgent.rows[1]).toMatchObject({
      dials: 4,
      connects: 2,
      effective: 2,
      talkSeconds: 60 + 720,
      intents: 1,
      sales: 0,
    });

    const byDay = await t.call('metrics.breakdown', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
      by: 'day',
    });
    // 23:58 on the 3rd stays on the 3rd; 0:02 on the 4th is the 4th
    expect(byDay.rows.map((r) => [r.key, r.dials])).toEqual([
      ['2026-11-03', 4],
      ['2026-11-04', 4],
    ]);

    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({ kind: 'warning', line: 5, field: '客户号码' }),
      expect.objectContaining({
        kind: 'warning',
        line: 9,
        field: '呼叫结果',
        reason: expect.stringContaining('unknown status "挂断" read as connected'),
      }),
    ]);
    const teams = await t.call('teams.list');
    expect(teams.map((x) => x.name)).toEqual(['销售一组', '销售二组']);
  });

  it('the preview lists the unknown status with its count and what it will be read as', async () => {
    const { stagedId } = await t.call('import.stage', {
      name: 'zh-generic-gbk.csv',
      bytes: fs.readFileSync(GBK),
    });
    const preview = await t.call('import.preview', { stagedId });
    expect(preview.values.dispositions).toContainEqual({
      text: '挂断',
      count: 1,
      mapped: null,
      proposed: 'connected', // 12分 of talk
    });
    expect(preview.sampledRejected).toBe(0);
  });

  it('does not trust a phone number Excel turned into 1.38E+10', async () => {
    await t.importFile(GBK);
    const phones = await t.ws.kysely
      .selectFrom('calls')
      .select('phone_last4')
      .where('started_at', '=', Date.parse('2026-11-03T15:58:00Z'))
      .execute();
    expect(phones).toEqual([{ phone_last4: null }]);
  });

  it('reads a duration header that names its unit: 通话时长(秒) in seconds, 振铃时长(毫秒) in milliseconds', async () => {
    const file = path.join(t.dir, '通话记录-单位.csv');
    const text = [
      '座席工号,座席名称,客户号码,开始时间,呼叫结果,振铃时长(毫秒),通话时长(秒)',
      '2001,王强,13800138001,2026-11-05 09:00:00,已接通,4500,125',
      '2001,王强,13800138002,2026-11-05 09:10:00,未接通,30000,0',
      '2002,赵敏,13800138003,2026-11-05 09:20:00,已接通,2000,61',
    ].join('\r\n');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    const job = await t.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'zh-generic', inserted: 3, rejected: 0 });
    // By hand: talk 125 + 61 over two connects; ring 4.5 s, 30 s, 2 s (rounded to whole seconds).
    const stored = await t.ws.kysely
      .selectFrom('calls')
      .select(['talk_seconds as talk', 'ring_seconds as ring'])
      .orderBy('started_at')
      .execute();
    expect(stored).toEqual([
      { talk: 125, ring: 5 },
      { talk: 0, ring: 30 },
      { talk: 61, ring: 2 },
    ]);
    const summary = await t.call('metrics.summary', {
      filter: { from: '2026-11-05', to: '2026-11-05' },
    });
    expect(summary.current).toMatchObject({ connects: 2, talkSeconds: 186 });
  });
});

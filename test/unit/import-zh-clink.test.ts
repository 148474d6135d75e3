// 天润融通 Clink 通话记录 export as Excel saves it on Chinese Windows: GBK, comma, CRLF; 座席号,
// 客户号码, 开始时间 / 接通时间, 通话时长 HH:MM:SS, 接听状态. One 客户姓名 carries stray bytes
// (0xA5 0xFF) that are not GBK. Fixture: test/fixtures/calls/zh-clink-gbk.csv.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/zh-clink-gbk.csv');

const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: '2001', direction: 'outbound', answered: true, talk: 120 }, // 已接通
  { day: '2026-11-03', agent: '2001', direction: 'outbound', answered: false, talk: 0 }, // 未接通
  { day: '2026-11-03', agent: '2001', direction: 'outbound', answered: true, talk: 45 }, // 客户姓名 with bad bytes
  { day: '2026-11-03', agent: '2002', direction: 'outbound', answered: false, talk: 0 }, // 用户忙
  { day: '2026-11-04', agent: '2002', direction: 'outbound', answered: false, talk: 0 }, // 空号
  { day: '2026-11-04', agent: '2002', direction: 'outbound', answered: true, talk: 300 }, // 接通
  { day: '2026-11-04', agent: '2001', direction: 'outbound', answered: false, talk: 0 }, // 拒接
  // line 9: 开始时间 2026-13-04 — rejected
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a 天润融通 Clink export', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('the fixture really holds bytes that are not GBK', () => {
    expect(fs.readFileSync(FILE).includes(Buffer.from([0xa5, 0xff]))).toBe(true);
  });

  it('stores the row with broken bytes and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'zh-generic', rows: 8, inserted: 7, rejected: 1 });
    const stored = await t.ws.kysely
      .selectFrom('calls')
      .select('talk_seconds')
      .where('source_key', '=', 'zh:CDR0003')
      .executeTakeFirst();
    expect(stored?.talk_seconds).toBe(45);

    await expectHandCounts(t, CALLS, range);
    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    expect(byAgent.rows.map((r) => [r.key, r.label])).toEqual([
      ['2001', '赵敏'],
      ['2002', '钱进'],
    ]);
  });

  it('rejects an impossible start time and reports the replaced bytes, naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 4,
        field: '客户姓名',
        reason: expect.stringContaining('gb18030'),
      }),
      expect.objectContaining({
        kind: 'rejected',
        line: 9,
        field: '开始时间',
        reason: expect.stringContaining('2026-13-04'),
      }),
    ]);
  });
});

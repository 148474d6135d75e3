// 容联七陌 通话记录 export: UTF-8 with BOM, comma, LF; 坐席工号, 主叫号码 / 被叫号码, 呼叫时间,
// 接通时长 as 1时2分3秒 / 25秒, 通话标识 (已接听 / 振铃未接听 / 留言 / 黑名单), 呼叫类型 (外呼 / 普通来电).
// Fixture: test/fixtures/calls/zh-7moor-utf8bom.csv.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const FILE = path.join(FIXTURES, 'calls/zh-7moor-utf8bom.csv');

const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: '3001', direction: 'outbound', answered: true, talk: 3723, sale: true }, // 1时2分3秒 成交
  { day: '2026-11-03', agent: '3001', direction: 'outbound', answered: false, talk: 0 }, // 振铃未接听
  { day: '2026-11-03', agent: '3001', direction: 'outbound', answered: true, talk: 25 }, // 25秒 无意向
  { day: '2026-11-03', agent: '3002', direction: 'inbound', answered: true, talk: 180 }, // 普通来电
  { day: '2026-11-03', agent: '3002', direction: 'outbound', answered: true, talk: 120 }, // 23:58, 2分钟
  { day: '2026-11-04', agent: '3002', direction: 'outbound', answered: false, talk: 0 }, // 留言
  { day: '2026-11-04', agent: '3002', direction: 'outbound', answered: true, talk: 45 }, // 预约回访
  // line 9: no 坐席工号 (黑名单, never dialed) — rejected
];

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('importing a 容联七陌 export', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('detects the layout and counts per day and agent as counted by hand', async () => {
    const job = await t.importFile(FILE);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'zh-generic', rows: 8, inserted: 7, rejected: 1 });

    await expectHandCounts(t, CALLS, range);
  });

  it("takes the customer's number from 被叫号码 on an outbound call, not the agent's 主叫号码", async () => {
    await t.importFile(FILE);
    const stored = await t.ws.kysely
      .selectFrom('calls')
      .select('phone_last4')
      .where('source_key', '=', 'zh:Q1001')
      .executeTakeFirst();
    expect(stored?.phone_last4).toBe('7001');
  });

  it('rejects a row without an agent, naming line and column', async () => {
    const job = await t.importFile(FILE);
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({ line: 9, field: '坐席工号', reason: expect.stringContaining('empty') }),
    ]);
  });
});

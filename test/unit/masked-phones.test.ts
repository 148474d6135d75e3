/**
 * Numbers the exporting system masked (138****1234) have no hash, so repeat dials cannot count
 * them: `metrics.summary` says how many calls of the range (and filter) have one. Truth is
 * counted here from the rows the file was written from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Filter } from '../../src-shared/api';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

let t: TestWorkspace | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type PhoneKind = 'masked' | 'full' | 'empty' | 'damaged';
const NUMBERS: PhoneKind[] = ['masked', 'full', 'masked', 'empty', 'damaged', 'full', 'masked'];
const AGENTS = ['1001', '1002', '1003'];
const DAYS = [3, 4, 5, 6];

/** 42 calls over four November days and three agents, each with one kind of customer number. */
const rows = Array.from({ length: 42 }, (_, i) => ({
  agent: AGENTS[i % 3]!,
  day: DAYS[Math.floor(i / 3) % 4]!,
  minute: i,
  number: NUMBERS[i % NUMBERS.length]!,
}));

const phoneText: Record<PhoneKind, (i: number) => string> = {
  masked: (i) => `138****${String(1000 + i)}`,
  full: (i) => `1391234${String(1000 + i)}`,
  empty: () => '',
  damaged: () => '1.38E+10',
};

function writeCsv(file: string): void {
  const lines = [
    '坐席工号,坐席姓名,呼叫时间,客户号码,通话状态,通话时长(秒)',
    ...rows.map(
      (r, i) =>
        `${r.agent},坐席${r.agent},2026-11-0${r.day} 10:${String(r.minute).padStart(2, '0')}:00,${phoneText[r.number](i)},已接通,60`,
    ),
  ];
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

const maskedWhere = (keep: (r: (typeof rows)[number]) => boolean) =>
  rows.filter((r) => r.number === 'masked' && keep(r)).length;

describe('calls with masked numbers on the dashboard summary', () => {
  it('counts them over the range and under an agent filter; absent when there are none', async () => {
    const w = (t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' }));
    const file = path.join(w.dir, 'masked.csv');
    writeCsv(file);
    const job = await w.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ inserted: rows.length, rejected: 0 });

    const summary = (filter: Filter) => w.call('metrics.summary', { filter });

    const all = await summary({ from: '2026-11-01', to: '2026-11-30' });
    expect(all.maskedPhoneCalls).toBe(maskedWhere(() => true));
    expect(all.maskedPhoneCalls).toBeGreaterThan(0);

    const twoDays = await summary({ from: '2026-11-04', to: '2026-11-05' });
    expect(twoDays.maskedPhoneCalls).toBe(maskedWhere((r) => r.day === 4 || r.day === 5));

    const agents = await w.ws.kysely.selectFrom('agents').select(['id', 'code']).execute();
    const agent1002 = agents.find((a) => a.code === '1002')!.id;
    const oneAgent = await summary({ from: '2026-11-01', to: '2026-11-30', agentId: agent1002 });
    expect(oneAgent.maskedPhoneCalls).toBe(maskedWhere((r) => r.agent === '1002'));

    // A range without calls has none, and says nothing.
    const none = await summary({ from: '2026-11-10', to: '2026-11-12' });
    expect(none).not.toHaveProperty('maskedPhoneCalls');
  });
});

/**
 * Exports no named layout knows, read from their content: a Chinese business system's export
 * (title row, export notes and a blank row above the header, split date and time, masked numbers, a
 * 合计 row) as GBK CSV and as XLSX; a cloud-PBX report with no status column and `Dana 4453`
 * agents; day-first files. Truth is counted here from the calls the fixtures were written from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import {
  dayFirstCsv,
  englishAgents,
  isoDate,
  makeCalls,
  pbxCsv,
  zhBusinessCsv,
  zhBusinessXlsx,
  type Call,
} from '../fixtures/business-exports';
import { openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };

const truthOf = (calls: readonly Call[]): TruthCall[] =>
  calls.map((c) => ({
    day: isoDate(c),
    agent: c.agentCode,
    direction: 'outbound',
    answered: c.answered,
    talk: c.talk,
  }));

let t: TestWorkspace | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function workspace(timeZone = 'Asia/Shanghai'): Promise<TestWorkspace> {
  t = await openTestWorkspace({ timeZone });
  return t;
}

async function preview(w: TestWorkspace, name: string, bytes: Uint8Array, choices: object = {}) {
  const { stagedId } = await w.call('import.stage', { name, bytes: new Uint8Array(bytes) });
  return { stagedId, preview: await w.call('import.preview', { stagedId, ...choices }) };
}

describe('a Chinese business-system export (title, notes, split date and time, masked numbers, 合计)', () => {
  const calls = makeCalls(17, 40, [3, 4, 5, 18]);

  async function expectImported(w: TestWorkspace, file: string) {
    const job = await w.importFile(file);
    expect(job.error).toBeNull();
    // Every call stored; the 合计 row skipped (and counted as a warning), nothing rejected.
    expect(job.result).toMatchObject({
      preset: 'inferred',
      rows: calls.length + 1,
      inserted: calls.length,
      rejected: 0,
    });
    await expectHandCounts(w, truthOf(calls), range);
    const issues = await rejectsOf(w, job.result!.batchId);
    expect(issues).toEqual([
      expect.objectContaining({
        kind: 'warning',
        reason: expect.stringContaining('skipped: a totals row ("合计")'),
      }),
    ]);
    // Masked numbers are kept as masked: their last four digits, never a hash of a damaged number.
    const phones = await w.ws.kysely
      .selectFrom('calls')
      .select(['phone_last4 as last4', 'phone_hash as hash'])
      .orderBy('id')
      .execute();
    expect(phones).toEqual(calls.map((c) => ({ last4: c.last4, hash: null })));
    const names = await w.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
    expect(names).toEqual([
      { code: '1001', name: '张伟' },
      { code: '1002', name: '李娜' },
      { code: '1003', name: '王芳' },
    ]);
  }

  it('as GBK CSV: finds the header under the title, joins date and time, counts per day and agent', async () => {
    const w = await workspace();
    const bytes = zhBusinessCsv(calls);
    const { preview: p } = await preview(w, 'export.csv', bytes);
    expect(p).toMatchObject({
      encoding: 'gb18030',
      hasHeader: true,
      preset: { id: 'inferred' },
      sampledRejected: 0,
    });
    expect(p.skippedAbove).toEqual([
      { line: 1, text: '通话记录导出（2026-11-01 至 2026-11-30）' },
      { line: 2, text: '导出人：王主管 导出时间：2026-12-01 09:30:00' },
    ]);
    const byColumn = Object.fromEntries(p.inferred!.map((g) => [p.columnNames[g.column], g]));
    expect(byColumn['呼叫日期']).toMatchObject({ kind: 'date', field: 'startedAt' });
    expect(byColumn['呼叫时间']).toMatchObject({ kind: 'time', field: 'startedAt' });
    expect(byColumn['通话时长(秒)']).toMatchObject({ field: 'talkSeconds', hint: '秒' });
    expect(byColumn['坐席工号']).toMatchObject({ field: 'agentCode' });
    expect(byColumn['客户号码']).toMatchObject({ kind: 'phone', field: 'phone' });
    expect(byColumn['序号']!.field).toBeNull();
    for (const g of p.inferred!.filter((x) => x.field !== null)) expect(g.confidence).toBeGreaterThan(0.5);

    const file = path.join(w.dir, 'export.csv');
    fs.writeFileSync(file, bytes);
    await expectImported(w, file);
  });

  it('as XLSX with the title merged across the columns', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'export.xlsx');
    await zhBusinessXlsx(calls, file);
    const { preview: p } = await preview(w, 'export.xlsx', fs.readFileSync(file));
    expect(p).toMatchObject({
      container: 'xlsx',
      hasHeader: true,
      preset: { id: 'inferred' },
      sampledRejected: 0,
    });
    expect(p.skippedAbove!.map((s) => s.line)).toEqual([1, 2]);
    await expectImported(w, file);
  });
});

describe('a cloud-PBX telesales report: no status column, HH:MM:SS under "Talk Time - HH:MM:SS"', () => {
  it('reads "Dana 4453" as agent 4453 named Dana, and a call with talk time as connected', async () => {
    const calls = makeCalls(5, 60, [2, 3, 16, 24], englishAgents);
    const w = await workspace('America/New_York');
    const file = path.join(w.dir, 'telesales.csv');
    fs.writeFileSync(file, pbxCsv(calls));
    const job = await w.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'inferred', inserted: calls.length, rejected: 0 });
    await expectHandCounts(w, truthOf(calls), range);
    const agents = await w.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
    expect(agents).toEqual(englishAgents.map(([code, name]) => ({ code, name })));
  });
});

describe('day-first dates', () => {
  it('a day over 12 anywhere in the column settles day-first for the whole file', async () => {
    const calls = makeCalls(11, 30, [1, 5, 9, 24]);
    const w = await workspace();
    const bytes = Buffer.from(dayFirstCsv(calls));
    const { preview: p } = await preview(w, 'eu.csv', bytes);
    expect(p.dateOrder).toMatchObject({ state: 'decided', order: 'dmy' });
    const file = path.join(w.dir, 'eu.csv');
    fs.writeFileSync(file, bytes);
    const job = await w.importFile(file);
    expect(job.result).toMatchObject({ inserted: calls.length, rejected: 0 });
    await expectHandCounts(w, truthOf(calls), range);
  });

  it('when every date could be either, the preview asks (the zone’s usual order preselected) and the answer is kept', async () => {
    // Days 1–12 of November: 05/11 is 5 November day-first, 11 May month-first.
    const calls = makeCalls(23, 30, [2, 5, 9, 12]);
    const bytes = Buffer.from(dayFirstCsv(calls));
    const us = await workspace('America/New_York');
    expect((await preview(us, 'eu.csv', bytes)).preview.dateOrder).toMatchObject({
      state: 'ambiguous',
      order: 'mdy',
    });
    await us.close();
    t = undefined;

    const w = await workspace('Europe/London');
    const first = await preview(w, 'eu.csv', bytes);
    expect(first.preview.dateOrder).toMatchObject({ state: 'ambiguous', order: 'dmy' });
    expect(first.preview.dateOrder!.examples).toHaveLength(3);
    const job = await w.api.jobs.wait(
      (await w.call('import.start', { stagedId: first.stagedId, dateOrder: 'dmy' })).jobId,
    );
    expect(job.result).toMatchObject({ inserted: calls.length, rejected: 0 });
    await expectHandCounts(w, truthOf(calls), range);
    // The next export with the same header opens with the saved answer.
    const again = await preview(w, 'eu-next.csv', bytes);
    expect(again.preview.profile).not.toBeNull();
    expect(again.preview.dateOrder).toMatchObject({ state: 'ambiguous', order: 'dmy' });
  });

  it('day-first on one line and month-first on another is an error naming both lines', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'mixed.csv');
    fs.writeFileSync(
      file,
      [
        'Date,Agent,Status,Duration',
        '03/11/2026 09:00,1001,Answered,30',
        '13/11/2026 09:00,1001,Answered,30',
        '11/14/2026 09:00,1001,Answered,30',
      ].join('\n'),
    );
    const job = await w.importFile(file);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/day-first on line 3 \("13\/11\/2026 09:00"\) and month-first on line 4/);
  });
});

/**
 * The call's direction read from the content in files no named layout reads: a 呼入标记 flag of
 * 1/0, a 呼叫类型 column of 外呼 / 呼入 / 内部, an English Direction column. Inbound calls are stored
 * for their agent but are no dials; internal calls are counted, not stored. Truth is counted here
 * from the calls the fixtures were written from, never through the importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import {
  dayOf,
  EN_HEADER,
  enDirectedCsv,
  makeDirectedCalls,
  zhDirectedCsv,
  zhDirectedXlsx,
  zhHeader,
  type DirectedCall,
} from '../fixtures/inbound-exports';
import { openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, storedInboundByAgent, type TruthCall } from '../truth-table';
import { inferColumns } from '../../src-main/import/infer-columns';
import { headerExcludes, matchColumns } from '../../src-main/import/preset';
import { PRESETS } from '../../src-main/import/presets';

const range = { from: '2026-11-01', to: '2026-11-30' };

/** Stored calls as a person reads them off the export: internal ones are not stored. */
const truthOf = (calls: readonly DirectedCall[]): TruthCall[] =>
  calls.flatMap((c) =>
    c.direction === 'internal'
      ? []
      : [{ day: dayOf(c), agent: c.agentCode, direction: c.direction, answered: c.answered, talk: c.talk }],
  );

function countBy(calls: readonly DirectedCall[], direction: string, key: (c: DirectedCall) => string) {
  const counts = new Map<string, { n: number; talk: number }>();
  for (const c of calls) {
    if (c.direction !== direction) continue;
    const k = key(c);
    const total = counts.get(k) ?? { n: 0, talk: 0 };
    total.n += 1;
    total.talk += c.talk;
    counts.set(k, total);
  }
  return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
}

const inboundByAgent = (calls: readonly DirectedCall[]) =>
  countBy(calls, 'inbound', (c) => c.agentCode).map(([code, t]) => ({ code, ...t }));
const inboundByDay = (calls: readonly DirectedCall[]) =>
  countBy(calls, 'inbound', dayOf).map(([day, t]) => ({ day, n: t.n }));
const howMany = (calls: readonly DirectedCall[], direction: string) =>
  calls.filter((c) => c.direction === direction).length;

async function storedInboundByDay(t: TestWorkspace) {
  const rows = await t.ws.kysely
    .selectFrom('calls')
    .where('direction', '=', 'inbound')
    .groupBy('day')
    .select((eb) => ['day', eb.fn.countAll().as('n')])
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}

/** No named layout's header reads the file: the inference is what reads it. */
function expectNoPresetReads(header: readonly string[]) {
  for (const preset of PRESETS) {
    if (preset.headerless) continue;
    const { missing } = matchColumns(header, preset);
    expect(missing.length > 0 || headerExcludes(header, preset), preset.id).toBe(true);
  }
}

let t: TestWorkspace | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function workspace(timeZone = 'Asia/Shanghai'): Promise<TestWorkspace> {
  t = await openTestWorkspace({ timeZone });
  return t;
}

async function preview(w: TestWorkspace, name: string, bytes: Uint8Array) {
  const { stagedId } = await w.call('import.stage', { name, bytes: new Uint8Array(bytes) });
  return w.call('import.preview', { stagedId });
}

/** Imports `file` and checks every figure against the calls it was written from. */
async function expectImported(w: TestWorkspace, file: string, calls: readonly DirectedCall[]) {
  const internal = howMany(calls, 'internal');
  const job = await w.importFile(file);
  expect(job.error).toBeNull();
  expect(job.result).toMatchObject({
    preset: 'inferred',
    rows: calls.length + 1, // the 合计 row, skipped
    inserted: calls.length - internal,
    rejected: 0,
    notDials: { inbound: howMany(calls, 'inbound'), ...(internal > 0 && { internal }) },
  });
  await expectHandCounts(w, truthOf(calls), range);
  expect(await storedInboundByAgent(w)).toEqual(inboundByAgent(calls));
  expect(await storedInboundByDay(w)).toEqual(inboundByDay(calls));
  const issues = await rejectsOf(w, job.result!.batchId);
  expect(issues).toEqual([
    expect.objectContaining({ kind: 'warning', reason: expect.stringContaining('skipped: a totals row') }),
  ]);
}

describe('a Chinese cloud call-center export with a 呼入标记 flag of 1 / 0', () => {
  const calls = makeDirectedCalls(23, 60, [2, 3, 9, 17]);

  it('no named layout reads its header', () => {
    expectNoPresetReads(zhHeader('flag'));
    expect(howMany(calls, 'inbound')).toBeGreaterThan(5);
  });

  it('as GBK CSV: proposes 呼入标记 as the direction, counts inbound calls apart from dials', async () => {
    const w = await workspace();
    const bytes = zhDirectedCsv(calls, 'flag');
    const p = await preview(w, 'calls.csv', bytes);
    expect(p).toMatchObject({ encoding: 'gb18030', preset: { id: 'inferred' }, sampledRejected: 0 });
    const flag = p.inferred!.find((g) => p.columnNames[g.column] === '呼入标记')!;
    expect(flag).toMatchObject({ kind: 'status', field: 'direction' });
    expect(flag.confidence).toBeGreaterThanOrEqual(0.9);
    // The preview reads every row of so small a file: its inbound calls are all counted.
    expect(p.notDials).toEqual({ inbound: howMany(calls, 'inbound') });
    // The 50 rows it shows are the first 50 calls, each with its direction.
    expect(p.rows.map((r) => r.ok && r.call.direction)).toEqual(calls.slice(0, 50).map((c) => c.direction));
    const file = path.join(w.dir, 'calls.csv');
    fs.writeFileSync(file, bytes);
    await expectImported(w, file, calls);
  });

  it('a flag under a header that names no direction is left out; mapped by hand, it is read as a flag', async () => {
    const w = await workspace();
    // The same export with the flag's header written 标记: nothing says it is the direction.
    const text = new TextDecoder('gbk').decode(zhDirectedCsv(calls, 'flag')).replace('呼入标记', '标记');
    const { stagedId } = await w.call('import.stage', {
      name: 'calls.csv',
      bytes: new Uint8Array(Buffer.from(text, 'utf8')),
    });
    const auto = await w.call('import.preview', { stagedId });
    expect(auto.columns.find((c) => c.field === 'direction')!.column).toBeNull();
    expect(auto.notDials).toBeUndefined();
    const flag = zhHeader('flag').indexOf('呼入标记');
    const byHand = await w.call('import.preview', { stagedId, columns: { direction: flag } });
    expect(byHand.notDials).toEqual({ inbound: howMany(calls, 'inbound') });
    const byText = [...(byHand.values.directions ?? [])].sort((a, b) => a.text.localeCompare(b.text));
    expect(byText).toEqual([
      { text: '0', count: howMany(calls, 'outbound'), mapped: 'outbound' },
      { text: '1', count: howMany(calls, 'inbound'), mapped: 'inbound' },
    ]);
  });

  it('as XLSX with the title merged and the flag as numbers', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'calls.xlsx');
    await zhDirectedXlsx(calls, 'flag', file);
    const p = await preview(w, 'calls.xlsx', fs.readFileSync(file));
    expect(p).toMatchObject({ container: 'xlsx', preset: { id: 'inferred' }, sampledRejected: 0 });
    expect(p.inferred!.find((g) => p.columnNames[g.column] === '呼入标记')!.field).toBe('direction');
    await expectImported(w, file, calls);
  });
});

describe('a Chinese export with a 呼叫类型 column of 外呼 / 呼入 / 内部', () => {
  const calls = makeDirectedCalls(41, 80, [4, 5, 20], { internal: true });

  it('no named layout reads its header', () => {
    expectNoPresetReads(zhHeader('type'));
    expect(howMany(calls, 'internal')).toBeGreaterThan(2);
  });

  it('as GBK CSV: inbound stored but no dial, internal counted and not stored', async () => {
    const w = await workspace();
    const bytes = zhDirectedCsv(calls, 'type');
    const p = await preview(w, 'calls.csv', bytes);
    expect(p.preset.id).toBe('inferred');
    expect(p.inferred!.find((g) => p.columnNames[g.column] === '呼叫类型')).toMatchObject({
      field: 'direction',
    });
    expect(p.notDials).toEqual({ inbound: howMany(calls, 'inbound'), internal: howMany(calls, 'internal') });
    const file = path.join(w.dir, 'calls.csv');
    fs.writeFileSync(file, bytes);
    await expectImported(w, file, calls);
  });

  it('as XLSX', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'calls.xlsx');
    await zhDirectedXlsx(calls, 'type', file);
    await expectImported(w, file, calls);
  });

  it('an unknown direction text is stored as outbound with a warning, never rejected', async () => {
    const w = await workspace();
    const few = calls.slice(0, 12);
    const csv = zhDirectedCsv(few, 'type');
    // Line 5 is the first call: its 外呼 / 呼入 / 内部 becomes 转接, a word no table lists.
    const text = iconvText(csv).split('\r\n');
    const cells = text[4]!.split(',');
    cells[5] = '转接';
    text[4] = cells.join(',');
    const file = path.join(w.dir, 'calls.csv');
    fs.writeFileSync(file, Buffer.from(text.join('\r\n'), 'utf8'));
    const job = await w.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'inferred', rejected: 0 });
    const asStored = few.map((c, i) => (i === 0 ? { ...c, direction: 'outbound' as const } : c));
    await expectHandCounts(w, truthOf(asStored), range);
    expect(await rejectsOf(w, job.result!.batchId)).toContainEqual(
      expect.objectContaining({
        kind: 'warning',
        line: 5,
        field: '呼叫类型',
        reason: 'unknown direction "转接" read as outbound',
      }),
    );
  });

  it('the preview lists the unknown direction with its count and proposal; a meaning chosen for it holds', async () => {
    const w = await workspace();
    const few = calls.slice(0, 12);
    // Every 内部 written 转接: a word no table lists, on as many rows as there were internal calls.
    const bytes = Buffer.from(
      new TextDecoder('gbk').decode(zhDirectedCsv(few, 'type')).replace(/,内部,/g, ',转接,'),
    );
    const transfers = howMany(few, 'internal');
    expect(transfers).toBeGreaterThan(0);
    const { stagedId } = await w.call('import.stage', { name: 'calls.csv', bytes: new Uint8Array(bytes) });
    const p = await w.call('import.preview', { stagedId });
    expect(p.values.directions).toEqual(
      expect.arrayContaining([
        { text: '转接', count: transfers, mapped: null, proposed: 'outbound' },
        { text: '外呼', count: howMany(few, 'outbound'), mapped: 'outbound' },
        { text: '呼入', count: howMany(few, 'inbound'), mapped: 'inbound' },
      ]),
    );
    // The user says 转接 is inbound: the import reads it so, with no warning for it.
    const values = { directions: { 转接: 'inbound' as const } };
    const chosen = await w.call('import.preview', { stagedId, values });
    expect(chosen.notDials).toEqual({ inbound: howMany(few, 'inbound') + transfers });
    const job = await w.api.jobs.wait((await w.call('import.start', { stagedId, values })).jobId);
    expect(job.result).toMatchObject({ inserted: few.length, rejected: 0 });
    const asStored = few.map((c) =>
      c.direction === 'internal' ? { ...c, direction: 'inbound' as const } : c,
    );
    await expectHandCounts(w, truthOf(asStored), range);
    expect(await storedInboundByAgent(w)).toEqual(inboundByAgent(asStored));
  });
});

describe('an English log with a Direction column', () => {
  it('reads Inbound / Outbound / Internal: inbound no dial, internal not stored', async () => {
    expectNoPresetReads(EN_HEADER);
    const calls = makeDirectedCalls(7, 50, [10, 11, 12], { english: true, internal: true });
    const w = await workspace('Europe/London');
    const file = path.join(w.dir, 'log.csv');
    fs.writeFileSync(file, enDirectedCsv(calls));
    const p = await preview(w, 'log.csv', fs.readFileSync(file));
    expect(p.preset.id).toBe('inferred');
    expect(p.inferred!.find((g) => p.columnNames[g.column] === 'Direction')).toMatchObject({
      field: 'direction',
    });
    expect(p.notDials).toEqual({ inbound: howMany(calls, 'inbound'), internal: howMany(calls, 'internal') });
    const job = await w.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'inferred',
      inserted: calls.length - howMany(calls, 'internal'),
      rejected: 0,
      notDials: { inbound: howMany(calls, 'inbound'), internal: howMany(calls, 'internal') },
    });
    await expectHandCounts(w, truthOf(calls), range);
    expect(await storedInboundByAgent(w)).toEqual(inboundByAgent(calls));
  });
});

describe('what the header proposes, the content confirms or refutes', () => {
  const header = ['坐席工号', '开始时间', '呼入标记', '通话时长(秒)'];
  const rows = (flags: readonly string[]) =>
    flags.map((f, i) => ['8001', `2026-11-03 09:${String(10 + i).padStart(2, '0')}:00`, f, String(i * 7)]);

  it('a 呼入标记 of 是 / 否, Y / N or true / false is an inbound flag', () => {
    for (const [on, off] of [
      ['是', '否'],
      ['Y', 'N'],
      ['true', 'false'],
      ['1', ''],
    ]) {
      const { columns, readings } = inferColumns(header, rows([on!, off!, off!, on!, off!]));
      expect(columns.direction, on).toBe(2);
      expect(readings.inboundFlag, on).toBe(true);
    }
  });

  it('the flag is found under its other names: 是否呼入, 来电标记, Incoming, is_inbound', () => {
    for (const name of ['是否呼入', '来电标记', 'Incoming', 'is_inbound', 'Is Inbound']) {
      const named = [...header.slice(0, 2), name, header[3]!];
      const { columns, readings } = inferColumns(named, rows(['1', '0', '0']));
      expect(columns.direction, name).toBe(2);
      expect(readings.inboundFlag, name).toBe(true);
    }
  });

  it('a 呼入标记 holding phone numbers, or a third value, is no direction', () => {
    expect(inferColumns(header, rows(['13800138000', '13900139000', '13700137000'])).columns.direction).toBe(
      undefined,
    );
    expect(inferColumns(header, rows(['1', '0', '2'])).columns.direction).toBe(undefined);
  });

  it('a type column of words no direction table knows is no direction', () => {
    const typed = ['坐席工号', '开始时间', '客户类型', '通话时长(秒)'];
    const data = rows(['A', 'B', 'A', 'C']);
    expect(inferColumns(typed, data).columns.direction).toBe(undefined);
    const calls = rows(['外呼', '呼入', '外呼', '内部']);
    expect(inferColumns(['坐席工号', '开始时间', '呼叫方向', '通话时长(秒)'], calls).columns.direction).toBe(
      2,
    );
  });
});

/** A GBK buffer as text (the fixture writes GBK; the test rewrites one cell). */
function iconvText(bytes: Buffer): string {
  return new TextDecoder('gbk').decode(bytes);
}

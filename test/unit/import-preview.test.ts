/**
 * The Import page's door: preview a staged file, fix its mapping, import it with those choices,
 * and find them applied to the next file with the same header. Real files, real SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const range = { from: '2026-11-01', to: '2026-11-30' };

// An in-house dialer's export: English headers no preset knows, its own result words.
const CUSTOM = [
  'Seat,When,Customer,Outcome code,Secs,Deal',
  '7001,2026-11-05 09:00:00,13900000001,OK,95,WON',
  '7001,2026-11-05 09:10:00,13900000002,NOPICK,0,',
  '7002,2026-11-05 10:00:00,13900000003,OK,20,',
  '7002,2026-11-06 11:00:00,13900000004,ENGAGED,0,',
  '7002,2026-11-06 11:30:00,13900000005,OK,300,HOT',
].join('\n');

// The mapping a user makes for it in the preview: which column is which, what its words mean.
const CUSTOM_CHOICES = {
  preset: 'callscope',
  columns: { agentCode: 0, startedAt: 1, phone: 2, disposition: 3, talkSeconds: 4, outcome: 5 },
  values: {
    dispositions: { OK: 'connected', NOPICK: 'no_answer', ENGAGED: 'busy' },
    outcomes: { WON: 'sale', HOT: 'intent' },
  },
} as const;

describe('import preview, mapping and profiles', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const stage = async (name: string, bytes: Uint8Array) =>
    (await t.call('import.stage', { name, bytes: new Uint8Array(bytes) })).stagedId;
  const waitJob = (jobId: string) => t.api.jobs.wait(jobId);

  it('shows the detected layout, mapping, result texts and the first rows exactly as the import stores them', async () => {
    const stagedId = await stage('callscope-basic.csv', fs.readFileSync(BASIC));
    const preview = await t.call('import.preview', { stagedId });
    expect(preview).toMatchObject({
      fileName: 'callscope-basic.csv',
      container: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: true,
      preset: { id: 'callscope' },
      sampled: 15,
      sampledRejected: 3,
      profile: null,
    });
    expect(preview.candidates[0]).toMatchObject({ id: 'callscope', confidence: 12 / 15 });
    expect(preview.columns.find((c) => c.field === 'talkSeconds')).toEqual({
      field: 'talkSeconds',
      column: preview.columnNames.indexOf('talk_seconds'),
      required: false,
    });
    expect(preview.values.dispositions).toContainEqual({ text: 'hung_up', count: 1, mapped: null });
    expect(preview.values.dispositions).toContainEqual({ text: 'connected', count: 10, mapped: 'connected' });
    expect(preview.rows).toHaveLength(15);
    expect(preview.rows.filter((r) => !r.ok).map((r) => r.line)).toEqual([13, 14, 15]);

    const job = await waitJob((await t.call('import.start', { stagedId, saveProfile: false })).jobId);
    expect(job.status).toBe('done');
    // Every call the preview showed is stored with those very values.
    const stored = await t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select([
        'a.code as agentCode',
        'c.started_at as startedAt',
        'c.day',
        'c.disposition',
        'c.talk_seconds as talkSeconds',
        'c.outcome',
        'c.sale_amount as saleAmount',
        'c.phone_last4 as phoneLast4',
      ])
      .orderBy('c.started_at')
      .orderBy('a.code')
      .execute();
    const previewed = preview.rows
      .flatMap((r) => (r.ok ? [r.call] : []))
      .map((c) => ({
        agentCode: c.agentCode,
        startedAt: c.startedAt,
        day: c.day,
        disposition: c.disposition,
        talkSeconds: c.talkSeconds,
        outcome: c.outcome,
        saleAmount: c.saleAmount,
        phoneLast4: c.phoneLast4,
      }))
      .sort((a, b) => a.startedAt - b.startedAt || a.agentCode.localeCompare(b.agentCode));
    expect(stored).toEqual(previewed);
  });

  it('imports a layout no preset knows once the user maps columns and values, and remembers it', async () => {
    const file = Buffer.from(CUSTOM);
    const first = await t.call('import.preview', { stagedId: await stage('seats.csv', file) });
    // No named layout reads it: the columns are proposed from their content, to confirm or change.
    expect(first.preset.id).toBe('inferred');
    const proposed = Object.fromEntries(first.columns.map((c) => [c.field, c.column]));
    expect(proposed).toMatchObject({ agentCode: 0, startedAt: 1, phone: 2 });
    expect(first.candidates.filter((c) => c.id !== 'inferred').every((c) => c.confidence === 0)).toBe(true);

    const stagedId = await stage('seats.csv', file);
    const mapped = await t.call('import.preview', { stagedId, ...CUSTOM_CHOICES });
    expect(mapped.sampledRejected).toBe(0);
    expect(mapped.values.dispositions).toContainEqual({ text: 'NOPICK', count: 1, mapped: 'no_answer' });
    expect(mapped.rows[0]).toMatchObject({ ok: true, call: { agentCode: '7001', outcome: 'sale' } });

    const job = await waitJob((await t.call('import.start', { stagedId, ...CUSTOM_CHOICES })).jobId);
    expect(job.result).toMatchObject({ inserted: 5, rejected: 0 });
    const byAgent = await t.call('metrics.breakdown', { filter: range, by: 'agent' });
    expect(byAgent.rows.map((r) => [r.key, r.dials, r.connects, r.talkSeconds, r.intents, r.sales])).toEqual([
      ['7001', 2, 1, 95, 1, 1],
      ['7002', 3, 2, 320, 1, 0],
    ]);

    // Next month's export has the same header: the saved profile maps it without a word.
    const next = CUSTOM.replace(/2026-11-0/g, '2026-11-1');
    const again = await t.call('import.preview', {
      stagedId: await stage('seats-next.csv', Buffer.from(next)),
    });
    expect(again.profile).not.toBeNull();
    expect(again).toMatchObject({ preset: { id: 'callscope' }, sampledRejected: 0 });
    expect(again.columns.find((c) => c.field === 'outcome')!.column).toBe(5);
  });

  it('a mapping with a value it cannot read rejects that row, naming the file column', async () => {
    const stagedId = await stage('seats.csv', Buffer.from(CUSTOM));
    const job = await waitJob(
      (
        await t.call('import.start', {
          stagedId,
          preset: 'callscope',
          columns: { agentCode: 0, startedAt: 1, disposition: 3, talkSeconds: 4 },
          values: { dispositions: { OK: 'connected', NOPICK: 'no_answer' } },
        })
      ).jobId,
    );
    expect(job.result).toMatchObject({ inserted: 4, rejected: 1 });
    const [first] = await rejectsOf(t, job.result!.batchId);
    expect(first).toMatchObject({
      kind: 'rejected',
      line: 5,
      field: 'Outcome code',
      reason: expect.stringContaining('unknown disposition "ENGAGED"'),
    });
  });

  it('exports rejected rows as a CSV that Excel opens (BOM, quoted fields)', async () => {
    const job: Job = await t.importFile(BASIC);
    const out = await t.call('import.rejectsCsv', {
      batchId: job.result!.batchId,
    });
    expect(out.fileName).toBe('callscope-basic-rejected-rows.csv');
    const lines = out.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFfile,line,kind,field,reason,row');
    expect(lines).toHaveLength(5); // header, 3 rows, final newline
    expect(lines[1]).toMatch(
      /^callscope-basic\.csv,13,rejected,started_at,"""2026-11-31 10:00:00"" is not a valid date"/,
    );
  });
});

describe('encodings and damaged bytes', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('a GBK file with stray invalid bytes in a name stores every row and reports the replaced bytes', async () => {
    const text = [
      '坐席工号,坐席姓名,客户姓名,呼叫时间,客户号码,呼叫结果,通话时长',
      '1001,张伟,王先生,2026-11-03 09:00:00,13800138001,已接通,1分5秒',
      '1001,张伟,@@,2026-11-03 09:05:00,13800138002,未接通,0',
      '1002,李娜,刘女士,2026-11-03 09:10:00,13800138003,已接通,45秒',
    ].join('\r\n');
    const bytes = iconv.encode(text, 'gbk');
    const at = bytes.indexOf(Buffer.from('@@'));
    bytes[at] = 0xa5; // a lead byte followed by ','... not a GBK pair
    bytes[at + 1] = 0xff; // never valid in GBK
    const file = path.join(t.dir, 'clink-damaged.csv');
    fs.writeFileSync(file, bytes);
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ preset: 'zh-generic', inserted: 3, rejected: 0 });
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([
      expect.objectContaining({
        kind: 'warning',
        line: 3,
        field: '客户姓名',
        reason: expect.stringMatching(/gb18030/),
      }),
    ]);
    const batches = await t.call('import.batches');
    expect(batches[0]).toMatchObject({ warnings: 1, rejected: 0 });
    const agents = await t.call('agents.list');
    // the list is in 工号 order (the People page's), not by the file's names
    expect(agents.map((a) => a.name)).toEqual(['张伟', '李娜']);
  });

  it('reads UTF-16 LE without a BOM and UTF-16 BE with one', async () => {
    const text = fs.readFileSync(BASIC, 'utf8');
    const le = path.join(t.dir, 'le.csv');
    fs.writeFileSync(le, Buffer.from(text, 'utf16le'));
    expect((await t.importFile(le)).result).toMatchObject({ inserted: 12, rejected: 3 });
    const be = path.join(t.dir, 'be.csv');
    const swapped = Buffer.from(text.replace(/C0/g, 'E0'), 'utf16le').swap16();
    fs.writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    expect((await t.importFile(be)).result).toMatchObject({ inserted: 12, rejected: 3 });
  });

  it('a Western export in Windows-1252 is not read as Chinese', async () => {
    const text = [
      'call_id,agent_code,agent_name,started_at,disposition,talk_seconds',
      'W1,501,José Núñez,2026-11-03 09:00:00,connected,60',
      'W2,502,Zoë Brontë,2026-11-03 09:05:00,busy,0',
      'W3,503,François Müller,2026-11-03 09:07:00,connected,31',
    ].join('\r\n');
    const file = path.join(t.dir, 'cp1252.csv');
    fs.writeFileSync(file, iconv.encode(text, 'windows-1252'));
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ inserted: 3, rejected: 0 });
    const agents = await t.call('agents.list');
    expect(agents.map((a) => a.name)).toEqual(['José Núñez', 'Zoë Brontë', 'François Müller']);
  });

  it('two overlapping exports (1–15 and 10–30 of a month) count every call once', async () => {
    const header = '坐席工号,呼叫时间,客户号码,呼叫结果,通话时长';
    const line = (day: number) =>
      `1001,2026-11-${String(day).padStart(2, '0')} 10:00:00,1380013${String(8000 + day)},已接通,${day * 10}`;
    const write = (name: string, from: number, to: number) => {
      const file = path.join(t.dir, name);
      const days = Array.from({ length: to - from + 1 }, (_, i) => line(from + i));
      fs.writeFileSync(file, iconv.encode([header, ...days].join('\r\n'), 'gbk'));
      return file;
    };
    await t.importFile(write('1-15.csv', 1, 15));
    const second = await t.importFile(write('10-30.csv', 10, 30));
    expect(second.result).toMatchObject({ inserted: 15, duplicates: 6 });
    const total = await t.call('metrics.breakdown', { filter: range, by: 'none' });
    let talk = 0;
    for (let d = 1; d <= 30; d++) talk += d * 10;
    expect(total.rows[0]).toMatchObject({ dials: 30, connects: 30, talkSeconds: talk });
  });
});

describe('profiles merge field by field, staging can be discarded', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('changing one column or one meaning keeps the saved profile’s others', async () => {
    const stage = async (bytes: Uint8Array) =>
      (await t.call('import.stage', { name: 'seats.csv', bytes: new Uint8Array(bytes) })).stagedId;
    const stagedId = await stage(Buffer.from(CUSTOM));
    await t.api.jobs.wait((await t.call('import.start', { stagedId, ...CUSTOM_CHOICES })).jobId);
    const next = await stage(Buffer.from(CUSTOM));
    const preview = await t.call('import.preview', {
      stagedId: next,
      columns: { phone: null },
      values: { outcomes: { HOT: 'callback' } },
    });
    expect(preview.columns.find((c) => c.field === 'phone')!.column).toBeNull();
    expect(preview.columns.find((c) => c.field === 'talkSeconds')!.column).toBe(4);
    expect(preview.values.outcomes).toContainEqual({ text: 'HOT', count: 1, mapped: 'callback' });
    expect(preview.values.outcomes).toContainEqual({ text: 'WON', count: 1, mapped: 'sale' });
    expect(preview.candidates.find((c) => c.id === 'callscope')!.confidence).toBe(1);

    expect(await t.call('import.discard', { stagedId: next })).toEqual({ discarded: true });
    expect(await t.call('import.discard', { stagedId: next })).toEqual({ discarded: false });
    await expect(t.call('import.preview', { stagedId: next })).rejects.toThrow(/not found/);
  });
});

describe('a header-less layout forced on a wider file', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('names the columns past the documented ones by their place in the row', async () => {
    // cdr_custom's 19 columns plus 7 a site appended: wider than the layout reads by itself.
    const line = fs
      .readFileSync(path.join(FIXTURES, 'calls/asterisk-cdr-custom.csv'), 'utf8')
      .split(/\r?\n/)[0]!;
    const bytes = Buffer.from(`${line},a,b,c,d,e,f,g\n`);
    const { stagedId } = await t.call('import.stage', { name: 'Master.csv', bytes });
    const preview = await t.call('import.preview', {
      stagedId,
      preset: 'asterisk-cdr-custom',
    });
    expect(preview.hasHeader).toBe(false);
    expect(preview.columnNames).toHaveLength(26);
    expect(preview.columnNames.slice(17, 21)).toEqual(['userfield', 'sequence', 'Column 20', 'Column 21']);
  });
});

/**
 * An XLSX export (Excel on Chinese Windows): a notes sheet first, the calls on the second sheet,
 * date cells, numeric phone numbers, a [h]:mm:ss talk time, a currency-formatted amount, a blank
 * row. The workbook is test/fixtures/calls/zh-generic.xlsx, written by test/fixtures/make-xlsx.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { countRows, FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const BOOK = path.join(FIXTURES, 'calls/zh-generic.xlsx');
const range = { from: '2026-11-01', to: '2026-11-30' };

// The calls of sheet 通话记录 as a person reads them in Excel (Asia/Shanghai wall clock).
const CALLS: TruthCall[] = [
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: true, talk: 125 },
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: false, talk: 0 },
  {
    day: '2026-11-03',
    agent: '1001',
    direction: 'outbound',
    answered: true,
    talk: 45,
    sale: true,
    amount: 199_900,
  },
  { day: '2026-11-03', agent: '1001', direction: 'outbound', answered: true, talk: 205 }, // 23:58, [h]:mm:ss cell
  { day: '2026-11-04', agent: '1002', direction: 'outbound', answered: false, talk: 0 }, // 00:02, busy
  { day: '2026-11-04', agent: '1002', direction: 'outbound', answered: true, talk: 205 }, // text 2026/11/4 9:05, 3分25秒
  {
    day: '2026-11-04',
    agent: '1002',
    direction: 'outbound',
    answered: true,
    talk: 60,
    sale: true,
    amount: 299_950,
  },
  { day: '2026-11-04', agent: '1002', direction: 'outbound', answered: false, talk: 0 },
];

describe('importing an XLSX workbook', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('picks the sheet with the calls and counts per day and agent as worked out by hand', async () => {
    const job = await t.importFile(BOOK);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'zh-generic', rows: 8, inserted: 8, rejected: 0 });
    await expectHandCounts(t, CALLS, range);
    // The file's hash is recorded for XLSX as for CSV.
    const batch = await t.ws.kysely
      .selectFrom('import_batches')
      .select('file_sha256')
      .executeTakeFirstOrThrow();
    expect(batch.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    // A date cell is wall clock in the workspace zone: 23:58 on the 3rd in Shanghai.
    const late = await t.ws.kysely
      .selectFrom('calls')
      .select(['day', 'hour'])
      .where('hour', '=', 23)
      .executeTakeFirst();
    expect(late).toEqual({ day: '2026-11-03', hour: 23 });
    const again = await t.importFile(BOOK);
    expect(again.result).toMatchObject({ inserted: 0, duplicates: 8 });
  });

  it('previews the chosen sheet, and reads another sheet when told to', async () => {
    const { stagedId } = await t.call('import.stage', {
      name: 'zh-generic.xlsx',
      bytes: fs.readFileSync(BOOK),
    });
    const preview = await t.call('import.preview', { stagedId });
    expect(preview).toMatchObject({
      container: 'xlsx',
      sheet: '通话记录',
      encoding: null,
      sampledRejected: 0,
    });
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
    const notes = await t.call('import.preview', { stagedId, sheet: '说明' });
    expect(notes.sheet).toBe('说明');
    await expect(t.call('import.preview', { stagedId, sheet: 'Sheet9' })).rejects.toThrow(
      /zh-generic\.xlsx: there is no sheet "Sheet9" \(sheets: 说明, 通话记录\)/,
    );
  });

  it('says what to do with an old .xls or a broken workbook, and stores nothing', async () => {
    const xls = path.join(t.dir, 'old.xls');
    fs.writeFileSync(
      xls,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]),
    );
    const old = await t.importFile(xls);
    expect(old.status).toBe('failed');
    expect(old.error).toMatch(/^old\.xls: .*(\.xls|password).*\.xlsx or CSV/);
    const broken = path.join(t.dir, 'broken.xlsx');
    fs.writeFileSync(broken, fs.readFileSync(BOOK).subarray(0, 2000));
    const job = await t.importFile(broken);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^broken\.xlsx: /);
    expect(await countRows(t, 'import_batches')).toBe(0);
  });
});

/**
 * The XLSX reader on real files: the committed Chinese export (written by test/fixtures/make-xlsx.ts),
 * workbooks exceljs writes with every kind of cell, zips made by hand the way other programs write
 * them, and broken files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src-main/import/csv';
import { XlsxError, isLegacyXls, isZipFile, listXlsxSheets, readXlsxRows } from '../../src-main/import/xlsx';
import { dateTimeText, formatKind, numberCellText } from '../../src-main/import/xlsx-cells';
import { writeZip, type ZipPart } from '../fixtures/write-zip';
import { MAIN_NS, REL_NS, relationships } from '../fixtures/xlsx-parts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ZH_GENERIC = path.join(REPO, 'test/fixtures/calls/zh-generic.xlsx');

/**
 * What calls/zh-generic.xlsx holds in sheet 2 "通话记录", worked out by hand, for import tests to
 * compute totals from. `line` is the Excel row (row 6 is blank); `time` is the wall clock the cell
 * shows; talk is in seconds, amount in yuan. Row 8 has text cells where the others have numbers:
 * time `2026/11/4 9:05`, phone `13900139002`, talk `3分25秒`; row 5's talk is an Excel time 0:03:25.
 */
const ZH_GENERIC_CALLS = [
  {
    line: 2,
    agent: '1001',
    name: '张伟',
    team: '销售一组',
    time: '2026-11-03 09:05:00',
    phone: '13800138001',
    result: '已接通',
    talkSeconds: 125,
    outcome: '有意向',
    amount: null,
  },
  {
    line: 3,
    agent: '1001',
    name: '张伟',
    team: '销售一组',
    time: '2026-11-03 09:10:00',
    phone: '13800138002',
    result: '未接通',
    talkSeconds: 0,
    outcome: '',
    amount: null,
  },
  {
    line: 4,
    agent: '1001',
    name: '张伟',
    team: '销售一组',
    time: '2026-11-03 09:20:00',
    phone: '13800138003',
    result: '已接通',
    talkSeconds: 45,
    outcome: '成交',
    amount: 1999,
  },
  {
    line: 5,
    agent: '1001',
    name: '张伟',
    team: '销售一组',
    time: '2026-11-03 23:58:00',
    phone: '13800138004',
    result: '已接通',
    talkSeconds: 205,
    outcome: '无意向',
    amount: null,
  },
  {
    line: 7,
    agent: '1002',
    name: '李娜',
    team: '销售二组',
    time: '2026-11-04 00:02:00',
    phone: '13900139001',
    result: '用户忙',
    talkSeconds: 0,
    outcome: '',
    amount: null,
  },
  {
    line: 8,
    agent: '1002',
    name: '李娜',
    team: '销售二组',
    time: '2026-11-04 09:05:00',
    phone: '13900139002',
    result: '已接通',
    talkSeconds: 205,
    outcome: '有意向',
    amount: null,
  },
  {
    line: 9,
    agent: '1002',
    name: '李娜',
    team: '销售二组',
    time: '2026-11-04 10:15:00',
    phone: '13900139003',
    result: '已接通',
    talkSeconds: 60,
    outcome: '成交',
    amount: 2999.5,
  },
  {
    line: 10,
    agent: '1002',
    name: '李娜',
    team: '销售二组',
    time: '2026-11-04 10:30:00',
    phone: '13900139004',
    result: '未接通',
    talkSeconds: 0,
    outcome: '',
    amount: null,
  },
] as const;

/** The same sheet as the reader must give it: cells as text, trailing empty cells dropped. */
const ZH_GENERIC_ROWS: Row[] = [
  {
    line: 1,
    cells: [
      '坐席工号',
      '坐席姓名',
      '技能组',
      '呼叫时间',
      '客户号码',
      '呼叫结果',
      '通话时长',
      '客户意向',
      '成交金额',
    ],
  },
  {
    line: 2,
    cells: ['1001', '张伟', '销售一组', '2026-11-03 09:05:00', '13800138001', '已接通', '125', '有意向'],
  },
  { line: 3, cells: ['1001', '张伟', '销售一组', '2026-11-03 09:10:00', '13800138002', '未接通', '0'] },
  {
    line: 4,
    cells: ['1001', '张伟', '销售一组', '2026-11-03 09:20:00', '13800138003', '已接通', '45', '成交', '1999'],
  },
  {
    line: 5,
    cells: ['1001', '张伟', '销售一组', '2026-11-03 23:58:00', '13800138004', '已接通', '00:03:25', '无意向'],
  },
  { line: 7, cells: ['1002', '李娜', '销售二组', '2026-11-04 00:02:00', '13900139001', '用户忙', '0'] },
  {
    line: 8,
    cells: ['1002', '李娜', '销售二组', '2026/11/4 9:05', '13900139002', '已接通', '3分25秒', '有意向'],
  },
  {
    line: 9,
    cells: [
      '1002',
      '李娜',
      '销售二组',
      '2026-11-04 10:15:00',
      '13900139003',
      '已接通',
      '60',
      '成交',
      '2999.5',
    ],
  },
  { line: 10, cells: ['1002', '李娜', '销售二组', '2026-11-04 10:30:00', '13900139004', '未接通', '0'] },
];

async function readAll(file: string, sheet: number | string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of readXlsxRows(file, sheet)) rows.push(...batch);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<XlsxError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(XlsxError);
  return err as XlsxError;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-xlsx-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A wall-clock time as exceljs wants it (it reads a Date's UTC fields). */
function wallClock(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

describe('the committed Chinese export', () => {
  it('lists the sheets in tab order', async () => {
    expect(await listXlsxSheets(ZH_GENERIC)).toEqual([
      { index: 1, name: '说明' },
      { index: 2, name: '通话记录' },
    ]);
  });

  it('reads every cell as text, by index or by name, skipping the blank row', async () => {
    expect(await readAll(ZH_GENERIC, 2)).toEqual(ZH_GENERIC_ROWS);
    expect(await readAll(ZH_GENERIC, '通话记录')).toEqual(ZH_GENERIC_ROWS);
    // the hand-written call list says the same
    expect(ZH_GENERIC_ROWS.slice(1).map((r) => r.line)).toEqual(ZH_GENERIC_CALLS.map((c) => c.line));
  });

  it('reads the notes sheet: rich text and a hyperlink as their text', async () => {
    expect(await readAll(ZH_GENERIC, 1)).toEqual([
      { line: 1, cells: ['通话记录导出说明'] },
      { line: 2, cells: ['导出范围', '2026年11月'] },
      { line: 3, cells: ['通话时长单位为秒'] },
      { line: 4, cells: ['导出帮助'] },
    ]);
  });

  it('shows the wall clock whatever the machine time zone', () => {
    const script = `
      const { readXlsxRows } = await import(${JSON.stringify(path.join(REPO, 'src-main/import/xlsx.ts'))});
      const rows = [];
      for await (const batch of readXlsxRows(${JSON.stringify(ZH_GENERIC)}, 2)) rows.push(...batch);
      console.log(JSON.stringify({ offset: new Date(Date.UTC(2026, 10, 3)).getTimezoneOffset(), rows }));`;
    for (const [zone, offset] of [
      ['America/New_York', 300],
      ['Asia/Shanghai', -480],
    ] as const) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: REPO,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      const out = JSON.parse(child.stdout) as { offset: number; rows: Row[] };
      expect(out.offset).toBe(offset);
      expect(out.rows).toEqual(ZH_GENERIC_ROWS);
    }
  }, 30_000);

  it('agrees with exceljs, which gives dates as a Date whose UTC fields are the wall clock', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ZH_GENERIC);
    const time = book.getWorksheet('通话记录')!.getCell('D5').value;
    expect(time).toBeInstanceOf(Date);
    expect((time as Date).toISOString()).toBe('2026-11-03T23:58:00.000Z');
  });
});

describe('cells as exceljs writes them', () => {
  function cellsWorkbook(date1904: boolean): ExcelJS.Workbook {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = date1904;
    const sheet = book.addWorksheet('cells');
    const put = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const cell = sheet.getCell(ref);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    };
    // formulas: their cached results, by the same rules
    put('A1', { formula: '1+1', result: 2 });
    put('B1', { formula: '"a"&"b"', result: 'ab' });
    put('C1', { formula: 'TRUE()', result: true });
    put('D1', { formula: 'NA()', result: { error: '#N/A' } });
    put(
      'E1',
      { formula: 'DATE(2026,11,3)+TIME(23,58,0)', result: wallClock(2026, 11, 3, 23, 58) },
      'yyyy-mm-dd hh:mm',
    );
    put('F1', { formula: 'A1*0' }); // never calculated: no result
    // booleans, errors, numbers
    put('A2', true);
    put('B2', false);
    put('C2', { error: '#DIV/0!' });
    put('D2', 0.1 + 0.2);
    put('E2', 13800138000);
    put('F2', 1 / 3);
    put('G2', -1.5);
    put('H2', 1e21);
    // dates and times by format
    put('A3', wallClock(2026, 11, 3), 'yyyy-mm-dd');
    put('B3', 0.5, 'h:mm:ss');
    put('C3', 125 / 86_400, 'mm:ss');
    put('D3', 1.5, '[h]:mm:ss');
    put('E3', wallClock(2026, 11, 3, 9, 5), 'h:mm'); // the date is in the value, only hidden
    put('F3', wallClock(2026, 11, 3), 'yyyy"年"m"月"d"日"');
    put('G3', 0.25, '0.00%');
    put('H3', 1999, '"¥"#,##0.00;[Red]"¥"-#,##0.00');
    put('I3', 13800138000, '[<=99999999]####-####;(###) ####-####');
    // rich text and hyperlinks as their text
    put('A4', { richText: [{ text: '张', font: { bold: true } }, { text: '伟' }] });
    put('B4', { text: '帮助', hyperlink: 'https://example.invalid/' });
    // a gap keeps the columns in place
    put('A5', 'a');
    put('C5', 'c');
    // only spaces: a blank row
    put('B6', '   ');
    put('A8', 'last');
    return book;
  }

  const CELLS: Row[] = [
    { line: 1, cells: ['2', 'ab', 'TRUE', '', '2026-11-03 23:58:00'] },
    { line: 2, cells: ['TRUE', 'FALSE', '', '0.3', '13800138000', '0.333333333333333', '-1.5', '1e+21'] },
    {
      line: 3,
      cells: [
        '2026-11-03 00:00:00',
        '12:00:00',
        '00:02:05',
        '36:00:00',
        '2026-11-03 09:05:00',
        '2026-11-03 00:00:00',
        '0.25',
        '1999',
        '13800138000',
      ],
    },
    { line: 4, cells: ['张伟', '帮助'] },
    { line: 5, cells: ['a', '', 'c'] },
    { line: 8, cells: ['last'] },
  ];

  it('turns each kind of cell into the text a CSV export would hold', async () => {
    const file = path.join(dir, 'cells.xlsx');
    await cellsWorkbook(false).xlsx.writeFile(file);
    expect(await readAll(file, 'cells')).toEqual(CELLS);
  });

  it('reads dates of the 1904 date system (old Mac workbooks)', async () => {
    const file = path.join(dir, 'cells-1904.xlsx');
    await cellsWorkbook(true).xlsx.writeFile(file);
    expect(await readAll(file, 1)).toEqual(CELLS);
  });
});

describe('number formats', () => {
  it('tells dates and durations from numbers by the format code', () => {
    const kinds = (codes: string[]) => codes.map((code) => formatKind(code));
    expect(
      kinds([
        'yyyy-mm-dd hh:mm:ss',
        'yyyy"年"m"月"d"日"',
        'mmm',
        '[$-F400]h:mm:ss AM/PM',
        'mm:ss',
        'h"时"mm"分"',
      ]),
    ).toEqual(Array(6).fill('dateTime'));
    expect(kinds(['[h]:mm:ss', '[mm]:ss', '[ss]'])).toEqual(Array(3).fill('elapsed'));
    expect(
      kinds([
        'General',
        '[DBNum1][$-804]General',
        '0.00E+00',
        '#,##0_);[Red](#,##0)',
        '0" 秒"',
        '"days" 0',
        '\\d0',
        '¥#,##0.00',
        '[$¥-804]#,##0.00',
        '@',
      ]),
    ).toEqual(Array(10).fill('number'));
  });

  it('counts serials as Excel does, its phantom 1900-02-29 included', () => {
    expect(dateTimeText(1, false)).toBe('1900-01-01 00:00:00');
    expect(dateTimeText(59, false)).toBe('1900-02-28 00:00:00');
    expect(dateTimeText(61, false)).toBe('1900-03-01 00:00:00');
    expect(dateTimeText(46329.999988, false)).toBe('2026-11-03 23:59:59');
    expect(dateTimeText(0, true)).toBe('1904-01-01 00:00:00');
    expect(dateTimeText(44867, true)).toBe('2026-11-03 00:00:00');
    expect(numberCellText(-1, 'dateTime', false)).toBe('-1');
    expect(numberCellText(-0.25, 'elapsed', false)).toBe('-06:00:00');
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks made by hand, as other programs write them.

/** A workbook with one worksheet part holding `sheetData`, styles and shared strings optional. */
function simpleWorkbook(
  sheetData: string,
  extra: { styles?: string; sharedStrings?: string[] } = {},
): ZipPart[] {
  const rels: [string, string, string][] = [['rId1', 'worksheet', 'worksheets/sheet1.xml']];
  const parts: ZipPart[] = [
    { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet xmlns="${MAIN_NS}"><sheetData>${sheetData}</sheetData></worksheet>`,
    },
  ];
  if (extra.styles !== undefined) {
    rels.push(['rId2', 'styles', 'styles.xml']);
    parts.push({
      name: 'xl/styles.xml',
      data: `<styleSheet xmlns="${MAIN_NS}">${extra.styles}</styleSheet>`,
    });
  }
  if (extra.sharedStrings !== undefined) {
    rels.push(['rId3', 'sharedStrings', 'sharedStrings.xml']);
    const items = extra.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('');
    parts.push({ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN_NS}">${items}</sst>` });
  }
  parts.push({ name: 'xl/_rels/workbook.xml.rels', data: relationships(rels) });
  return parts;
}

/** `count` rows of calls: an id, a shared-string name, a date, a phone number, inline text. */
function callRows(count: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= count; r++) {
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${1000 + (r % 50)}</v></c><c r="B${r}" t="s"><v>${r % 2}</v></c>` +
        `<c r="C${r}" s="1"><v>${46329 + r / 1440}</v></c><c r="D${r}"><v>${13800000000 + r}</v></c>` +
        `<c r="E${r}"><v>${r % 600}</v></c><c r="F${r}" t="inlineStr"><is><t>备注${r}</t></is></c></row>`,
    );
  }
  return rows.join('');
}

function callsWorkbook(file: string, count: number) {
  return writeZip(
    file,
    simpleWorkbook(callRows(count), {
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs>',
      sharedStrings: ['张伟', '李娜'],
    }),
  );
}

describe('workbooks other programs write', () => {
  it('follows relationships and tab order, reads prefixed XML, inline and rich text, East Asian formats', async () => {
    const sharedStrings = [
      '<si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></si>',
      '<si><t>line1_x000D_\nline2</t></si>',
      '<si><t>a_x005F_x000D_b</t></si>',
    ];
    const details =
      `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData>` +
      // no r attributes: rows and cells follow one another
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>内</x:t></x:r><x:r><x:t>联</x:t></x:r></x:is></x:c>' +
      '<x:c t="d"><x:v>2026-11-03T23:58:00</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>文字</x:v></x:c>' +
      '<x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c><x:v>42</x:v></x:c></x:row>' +
      // 31 = yyyy"年"m"月"d"日" and 33 = h"时"mm"分"ss"秒" in Chinese Excel, never spelled out
      '<x:row r="5"><x:c r="B5" s="1"><x:v>46329</x:v></x:c><x:c s="2"><x:v>0.5</x:v></x:c><x:c s="3"><x:v>2.25</x:v></x:c></x:row>' +
      '<x:row><x:c><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const file = path.join(dir, 'by-hand.xlsx');
    // Excel's order: the sheets come before the styles and shared strings they refer to.
    writeZip(file, [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
      {
        name: 'xl/workbook.xml',
        data:
          `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets>` +
          '<sheet name="汇总" sheetId="3" r:id="rId3"/><sheet name="Chart1" sheetId="1" r:id="rId1"/>' +
          '<sheet name="明细" sheetId="2" r:id="rId2" state="hidden"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: relationships([
          ['rId1', 'chartsheet', 'chartsheets/sheet1.xml'],
          ['rId2', 'worksheet', 'worksheets/sheet1.xml'],
          ['rId3', 'worksheet', '/xl/worksheets/sheet2.xml'],
          ['rId4', 'styles', 'styles.xml'],
          ['rId5', 'sharedStrings', 'sharedStrings.xml'],
        ]),
      },
      { name: 'xl/worksheets/sheet1.xml', data: details },
      {
        name: 'xl/worksheets/sheet2.xml',
        data: `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>summary</t></is></c></row></sheetData></worksheet>`,
      },
      { name: 'xl/chartsheets/sheet1.xml', data: `<chartsheet xmlns="${MAIN_NS}"/>` },
      {
        name: 'xl/styles.xml',
        data:
          `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>` +
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="33"/><xf numFmtId="164"/></cellXfs>' +
          '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
      },
      { name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN_NS}">${sharedStrings.join('')}</sst>` },
    ]);

    expect(await listXlsxSheets(file)).toEqual([
      { index: 1, name: '汇总' },
      { index: 2, name: 'Chart1' },
      { index: 3, name: '明细' },
    ]);
    expect(await readAll(file, 1)).toEqual([{ line: 1, cells: ['summary'] }]);
    expect(await readAll(file, '明细')).toEqual([
      { line: 1, cells: ['东京', '富文本 ', 'line1\r\nline2', 'a_x000D_b'] },
      { line: 2, cells: ['内联', '2026-11-03 23:58:00', '文字', 'FALSE', '', '42'] },
      { line: 5, cells: ['', '2026-11-03 00:00:00', '12:00:00', '2.25'] },
      { line: 6, cells: ['7'] },
    ]);
    const chart = await failure(readAll(file, 'Chart1'));
    expect(chart.message).toBe(`${file}: sheet "Chart1" has no table of cells (is it a chart?)`);
  });

  it('keeps Chinese text whole across the chunks a large part is inflated in', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `客户${i}号张伟李娜销售一组`);
    const rows = names.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
    const file = path.join(dir, 'many-strings.xlsx');
    writeZip(file, simpleWorkbook(rows.join(''), { sharedStrings: names }));
    const cells = (await readAll(file, 1)).map((r) => r.cells[0]);
    expect(cells).toEqual(names);
  });
});

describe('streaming', () => {
  it('hands out batches of about 2000 rows and reports progress up to the file size', async () => {
    const file = path.join(dir, 'calls-5000.xlsx');
    callsWorkbook(file, 5000);
    const progress: number[] = [];
    const sizes: number[] = [];
    for await (const batch of readXlsxRows(file, 1, (bytes) => progress.push(bytes)))
      sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(5000);
    expect(Math.max(...sizes)).toBeLessThan(2500);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(fs.statSync(file).size);
  });

  it.skipIf(process.platform !== 'linux')(
    'stops reading and releases the file when closed early',
    async () => {
      const file = path.join(dir, 'calls-30000.xlsx');
      callsWorkbook(file, 30_000);
      const openOnFile = () =>
        fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
          } catch {
            return false;
          }
        }).length;

      let lastProgress = 0;
      const rows = readXlsxRows(file, 1, (bytes) => (lastProgress = bytes));
      const first = await rows.next();
      expect(first.done).toBe(false);
      expect(openOnFile()).toBe(1);
      // a preview: 50 rows, then stop
      expect((first.value as Row[]).slice(0, 50).at(-1)).toEqual({
        line: 50,
        cells: ['1000', '张伟', '2026-11-03 00:50:00', '13800000050', '50', '备注50'],
      });
      await rows.return(undefined);
      const stoppedAt = lastProgress;
      for (let i = 0; i < 50 && openOnFile() > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(openOnFile()).toBe(0);
      expect(stoppedAt).toBeLessThan(fs.statSync(file).size / 2);
      expect(lastProgress).toBe(stoppedAt);
      expect(await rows.next()).toEqual({ done: true, value: undefined });
    },
  );

  it('reads 200k rows (58 MB of sheet XML) in a 48 MB heap', () => {
    const file = path.join(dir, 'calls-200k.xlsx');
    callsWorkbook(file, 200_000);
    const script = `
      const { readXlsxRows } = await import(${JSON.stringify(path.join(REPO, 'src-main/import/xlsx.ts'))});
      let rows = 0;
      for await (const batch of readXlsxRows(${JSON.stringify(file)}, 1)) rows += batch.length;
      console.log(JSON.stringify({ rows }));`;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=48', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ rows: 200_000 });
  }, 30_000);
});

describe('files that are not readable workbooks', () => {
  it('recognises a zip and an old OLE2 .xls by their first bytes', () => {
    expect(isZipFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(isZipFile(new TextEncoder().encode('坐席工号,'))).toBe(false);
    expect(isLegacyXls(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isLegacyXls(new Uint8Array([0xd0, 0xcf]))).toBe(false);
  });

  it('names the file and what is wrong, as an XlsxError', async () => {
    const write = (name: string, data: Buffer | string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    };
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const csv = write('calls-csv.xlsx', '坐席工号,坐席姓名\n1001,张伟\n');
    const empty = write('empty.xlsx', '');
    const truncated = write('truncated.xlsx', fs.readFileSync(ZH_GENERIC).subarray(0, 4000));
    const xls = write('old.xls', Buffer.concat([ole2, Buffer.alloc(4096)]));
    const encrypted = write(
      'locked.xlsx',
      Buffer.concat([
        ole2,
        Buffer.alloc(1000),
        Buffer.from('EncryptedPackage', 'utf16le'),
        Buffer.alloc(1000),
      ]),
    );
    const otherZip = path.join(dir, 'photos.zip');
    writeZip(otherZip, [{ name: 'readme.txt', data: 'not a workbook' }]);
    const ods = path.join(dir, 'calls.ods');
    writeZip(ods, [
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    const xlsb = path.join(dir, 'calls.xlsb');
    writeZip(xlsb, [
      { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'xl/workbook.bin']]) },
      { name: 'xl/workbook.bin', data: Buffer.alloc(64) },
    ]);
    const missing = path.join(dir, 'missing.xlsx');

    const cases: [string, RegExp][] = [
      [csv, /: not a readable \.xlsx workbook \(not a zip archive\)$/],
      [empty, /: not a readable \.xlsx workbook \(the file is empty\)$/],
      [truncated, /: not a readable \.xlsx workbook \(.*end of central directory/i],
      [xls, /: this is an old Excel \.xls file; save it as \.xlsx or CSV and import that$/],
      [encrypted, /: this workbook is protected with a password; remove the password/],
      [otherZip, /: not a readable \.xlsx workbook \(no workbook inside\)$/],
      [ods, /: this is an OpenDocument \(\.ods\) spreadsheet; save it as \.xlsx or CSV and import that$/],
      [xlsb, /: this is a binary \.xlsb workbook; save it as \.xlsx or CSV and import that$/],
      [missing, /: cannot read the file \(ENOENT\)$/],
    ];
    for (const [file, message] of cases) {
      for (const attempt of [() => listXlsxSheets(file), () => readAll(file, 1)]) {
        const err = await failure(attempt());
        expect(err.message.startsWith(`${file}: `)).toBe(true);
        expect(err.message).toMatch(message);
        expect(err.file).toBe(file);
      }
    }
  });

  it('says which sheets there are when the one asked for is not', async () => {
    const byName = await failure(readAll(ZH_GENERIC, 'Sheet1'));
    expect(byName.message).toBe(
      `${ZH_GENERIC}: no sheet named "Sheet1"; the workbook's sheets are 1 "说明", 2 "通话记录"`,
    );
    const byIndex = await failure(readAll(ZH_GENERIC, 3));
    expect(byIndex.reason).toBe(`no sheet 3; the workbook's sheets are 1 "说明", 2 "通话记录"`);
  });

  it('rejects a sheet whose compressed data is damaged, after the rows before it, without crashing', async () => {
    const file = path.join(dir, 'damaged.xlsx');
    const offsets = callsWorkbook(file, 30_000);
    const sheet = offsets.get('xl/worksheets/sheet1.xml')!;
    const bytes = fs.readFileSync(file);
    bytes.fill(
      0xff,
      sheet.start + Math.floor(sheet.length / 2),
      sheet.start + Math.floor(sheet.length / 2) + 256,
    );
    fs.writeFileSync(file, bytes);

    let rows = 0;
    const err = await failure(
      (async () => {
        for await (const batch of readXlsxRows(file, 1)) rows += batch.length;
      })(),
    );
    expect(err.message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable \\.xlsx workbook \\(`),
    );
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(30_000);
  });
});

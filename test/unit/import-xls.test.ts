/**
 * Old Excel `.xls` files as call centers export them: real BIFF8 workbooks (built here by our own
 * writer, test/fixtures/write-xls.ts: shared strings split over CONTINUE records, RK/MULRK and
 * NUMBER cells, date formats custom and built-in, formula results, a small workbook in the mini
 * stream), an HTML table saved under a `.xls` name (GBK, declared in its <meta>), and
 * tab-separated text saved as `.xls`. The truth is computed from the generated rows, in the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';
import { excelSerial, writeXls, type XlsCell } from '../fixtures/write-xls';
import { parseXls, XlsError, xlsRows } from '../../src-main/import/xls';
import { CfbError } from '../../src-main/import/cfb';
import { parseMarkupTable } from '../../src-main/import/markup-table';

const range = { from: '2026-11-01', to: '2026-11-30' };
const HEADER = ['坐席工号', '坐席姓名', '客户号码', '呼叫时间', '通话时长', '振铃时长', '呼叫结果'];
const AGENTS: [number, string][] = [
  [1001, '张伟'],
  [1002, '李娜'],
  [1003, '王芳'],
  [1004, '赵磊'],
];

interface GenCall {
  agent: number;
  name: string;
  phone: string;
  day: number;
  hour: number;
  minute: number;
  talk: number;
  ring: number;
  result: '已接通' | '未接通' | '用户忙';
}

/** `count` calls over 2026-11-02..04, spread over agents and results by a fixed rule. */
function generate(count: number): GenCall[] {
  return Array.from({ length: count }, (_, i) => {
    const [agent, name] = AGENTS[i % AGENTS.length]!;
    const result = i % 5 === 0 ? '未接通' : i % 7 === 0 ? '用户忙' : '已接通';
    return {
      agent,
      name,
      phone: `1380013${String(i).padStart(4, '0')}`,
      day: 2 + (i % 3),
      hour: 9 + (i % 8),
      minute: i % 60,
      talk: result === '已接通' ? 10 + ((i * 37) % 400) : 0,
      ring: 3 + (i % 20),
      result,
    };
  });
}

function truthOf(calls: readonly GenCall[]): TruthCall[] {
  return calls.map((c) => ({
    day: `2026-11-0${c.day}`,
    agent: String(c.agent),
    direction: 'outbound',
    answered: c.result === '已接通',
    talk: c.talk,
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');
const startText = (c: GenCall) => `2026-11-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:00`;

describe('importing old Excel .xls files', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('reads a BIFF8 workbook: shared strings over CONTINUE records, RK/MULRK numbers, date formats, formulas', async () => {
    const calls = generate(700);
    const rows: XlsCell[][] = [
      HEADER,
      ...calls.map((c, i): XlsCell[] => [
        c.agent, // an RK number
        i === 1 ? { inline: c.name } : c.name, // LABEL once, shared strings otherwise
        c.phone, // 700 distinct numbers as text: the SST runs over 8 224 bytes
        { date: excelSerial(2026, 11, c.day, c.hour, c.minute), builtin: i % 2 === 1 },
        c.talk, // with the ring time: a MULRK run
        c.ring,
        i === 2 ? { formula: c.result } : c.result, // a formula's cached text once
      ]),
    ];
    const file = write('通话记录.xls', writeXls('通话记录', rows));
    const job = await t.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ preset: 'zh-generic', rows: 700, inserted: 700, rejected: 0 });
    await expectHandCounts(t, truthOf(calls), range);
    const names = await t.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
    expect(names).toEqual(AGENTS.map(([code, name]) => ({ code: String(code), name })));
  });

  it('reads a small workbook kept in the mini stream, and previews it as an xls sheet', async () => {
    const calls = generate(6);
    const rows: XlsCell[][] = [
      HEADER,
      ...calls.map((c): XlsCell[] => [
        String(c.agent),
        c.name,
        c.phone,
        startText(c),
        { formula: c.talk },
        c.ring,
        c.result,
      ]),
    ];
    const bytes = writeXls('Sheet1', rows);
    expect(bytes.length).toBeLessThan(4096 + 4 * 512);
    const { stagedId } = await t.call('import.stage', { name: 'calls.xls', bytes: new Uint8Array(bytes) });
    const preview = await t.call('import.preview', { stagedId });
    expect(preview).toMatchObject({ container: 'xls', sheet: 'Sheet1', preset: { id: 'zh-generic' } });
    const job = await t.importFile(write('calls.xls', bytes));
    expect(job.result).toMatchObject({ rows: 6, inserted: 6, rejected: 0 });
    await expectHandCounts(t, truthOf(calls), range);
  });

  it('reads an HTML table saved as .xls (GBK, charset in its meta) and tab-separated text saved as .xls', async () => {
    const calls = generate(12);
    const cell = (v: string | number) => `<td>${String(v).replace(/&/g, '&amp;')}</td>`;
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>\n' +
      '<table border="1">\n' +
      `<tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>\n` +
      calls
        .map(
          (c) =>
            `<tr>${[c.agent, c.name, c.phone, startText(c), c.talk, c.ring].map(cell).join('')}` +
            `<td><span style="color:red">${c.result}</span></td></tr>`,
        )
        .join('\n') +
      '\n</table></body></html>\n';
    const htmlJob = await t.importFile(write('html-calls.xls', iconv.encode(html, 'gbk')));
    expect(htmlJob.error).toBeNull();
    expect(htmlJob.result).toMatchObject({ preset: 'zh-generic', rows: 12, inserted: 12, rejected: 0 });
    await expectHandCounts(t, truthOf(calls), range);

    const tsv =
      [HEADER, ...calls.map((c) => [c.agent, c.name, c.phone, startText(c), c.talk, c.ring, c.result])]
        .map((r) => r.join('\t'))
        .join('\r\n') + '\r\n';
    const tsvJob = await t.importFile(write('tsv-calls.xls', iconv.encode(tsv, 'gbk')));
    expect(tsvJob.error).toBeNull();
    // The same calls again: all duplicates of the HTML file's.
    expect(tsvJob.result).toMatchObject({ preset: 'zh-generic', rows: 12, inserted: 0, duplicates: 12 });
    await expectHandCounts(t, truthOf(calls), range);
  });

  it('says what is wrong with a damaged .xls, naming the file', async () => {
    const good = writeXls('Sheet1', [
      HEADER,
      ['1001', '张伟', '13800138000', '2026-11-02 09:00:00', 5, 1, '已接通'],
    ]);
    const damaged = Buffer.from(good);
    damaged.writeUInt32LE(0x7fff, 0x30); // the directory's first sector, far past the end
    const job = await t.importFile(write('broken.xls', damaged));
    expect(job.error).toMatch(/broken\.xls: not a readable \.xls workbook/);
  });

  it('a damaged workbook ends in a clear error or reads, never a crash: 300 workbooks with bytes flipped', () => {
    const calls = generate(40);
    const good = writeXls('S', [
      HEADER,
      ...calls.map((c) => [c.agent, c.name, c.phone, startText(c), c.talk, c.ring, c.result]),
    ]);
    let seed = 20261207;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let failed = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(good);
      for (let k = 1 + random(8); k > 0; k--) bytes[random(bytes.length)] = random(256);
      try {
        const book = parseXls(bytes);
        for (const sheet of book.sheets)
          for (const batch of xlsRows(book, sheet.name)) expect(Array.isArray(batch)).toBe(true);
      } catch (err) {
        failed++;
        expect(err instanceof XlsError || err instanceof CfbError, String(err)).toBe(true);
      }
    }
    expect(failed).toBeGreaterThan(0);
  });

  it('reads merged title cells and Excel 2003 XML cells in their columns', () => {
    const html =
      '<table><tr><td colspan="3">通话记录导出</td></tr><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>1&amp;2</td><td></td><td>x<br>y</td></tr></table>';
    expect(parseMarkupTable(html).map((r) => r.cells)).toEqual([
      ['通话记录导出', '', ''],
      ['A', 'B', 'C'],
      ['1&2', '', 'x y'],
    ]);
    const xml =
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>' +
      '<Row><Cell><Data ss:Type="String">工号</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">时长</Data></Cell></Row>' +
      '</Table></Worksheet></Workbook>';
    expect(parseMarkupTable(xml).map((r) => r.cells)).toEqual([['工号', '', '时长']]);
  });
});

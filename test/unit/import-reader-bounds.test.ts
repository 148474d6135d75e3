/**
 * What the readers allocate is bounded: XLSX rows beyond the sheet's columns or rows, or too long,
 * come out cut (rejected by the importer) and reading goes on; shared strings and styles have
 * limits; lists of names in error messages are cut and counted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src-main/import/csv';
import { listForMessage } from '../../src-main/import/message-list';
import {
  MAX_SHARED_CHARS,
  MAX_SHARED_STRINGS,
  columnName,
  columnOf,
  readXlsxRows,
  type SharedStringLimits,
} from '../../src-main/import/xlsx';
import { openTestWorkspace } from '../helpers';
import { writeZip } from '../fixtures/write-zip';
import { MAIN_NS, oneSheetWorkbook, sheetXml } from '../fixtures/xlsx-parts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-reader-bounds-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sheetWorkbook(name: string, sheetData: string): string {
  const file = path.join(dir, name);
  writeZip(file, oneSheetWorkbook(sheetXml(sheetData)));
  return file;
}

async function rowsOf(file: string, limits?: SharedStringLimits): Promise<Row[]> {
  const out: Row[] = [];
  for await (const batch of readXlsxRows(file, 1, undefined, limits)) out.push(...batch);
  return out;
}

/** A workbook whose shared strings are `texts`, its one cell pointing at the first. */
function sharedStringsWorkbook(name: string, texts: string[]): string {
  const file = path.join(dir, name);
  const sst = `<sst xmlns="${MAIN_NS}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  writeZip(file, oneSheetWorkbook(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst));
  return file;
}

const ok = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;

describe('XLSX bounds', () => {
  it('names columns as Excel does and stops counting letters past XFD', () => {
    expect(columnOf('A1')).toBe(1);
    expect(columnOf('XFD7')).toBe(16_384);
    expect(columnOf('XFE7')).toBe(16_385);
    expect(columnOf(`${'Z'.repeat(10_000)}1`)).toBe(16_385);
    expect([1, 26, 27, 702, 703, 16_384].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });

  it('cuts a row with a cell beyond XFD, beyond row 1,048,576, or with a cell over 32,767 characters, and reads on', async () => {
    const file = sheetWorkbook(
      'bounds.xlsx',
      ok(1) +
        '<row r="2"><c r="A2"><v>2</v></c><c r="ZZZZZZZ2"><v>1</v></c></row>' +
        ok(3) +
        `<row r="4">${'<c><v>1</v></c>'.repeat(16_385)}</row>` +
        `<row r="5"><c r="A5" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>` +
        ok(6) +
        '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
    );
    const rows = await rowsOf(file);
    expect(rows.map((r) => [r.line, r.cells, r.cut?.key ?? null])).toEqual([
      [1, ['1'], null],
      [2, [], 'importReason.rowTooManyCells'],
      [3, ['3'], null],
      [4, [], 'importReason.rowTooManyCells'],
      [5, [], 'importReason.rowTooLong'],
      [6, ['6'], null],
      [1_048_577, [], 'importReason.rowBeyondSheet'],
    ]);
    expect(rows[1]!.cut!.params).toEqual({ column: 'ZZZZZZZ2', max: '16,384 (XFD)' });
  });
});

describe('the shared strings bound', () => {
  // The real bounds (4M texts, 64M characters) need parts of 80+ MB that take seconds to build and
  // parse; the same code is exercised here with small bounds passed in, and the defaults checked.
  const limits: SharedStringLimits = { texts: 1000, chars: 10_000 };
  const tail = 'the most Callscope reads; save the sheet as CSV and import that';

  it('defaults to 4,194,304 texts and 67,108,864 characters', () => {
    expect([MAX_SHARED_STRINGS, MAX_SHARED_CHARS]).toEqual([4_194_304, 67_108_864]);
  });

  it('reads a table right at the bounds', async () => {
    const atCount = sharedStringsWorkbook('at-count.xlsx', [
      'first',
      ...Array.from({ length: 999 }, (_, i) => `s${i}`),
    ]);
    expect((await rowsOf(atCount, limits)).map((r) => r.cells)).toEqual([['first']]);
    const atChars = sharedStringsWorkbook('at-chars.xlsx', ['a'.repeat(5000), 'b'.repeat(5000)]);
    expect((await rowsOf(atChars, limits)).map((r) => r.cells)).toEqual([['a'.repeat(5000)]]);
  });

  it('fails a table of one text more than the bound, naming the file and the bound', async () => {
    const file = sharedStringsWorkbook(
      'too-many.xlsx',
      Array.from({ length: 1001 }, (_, i) => `s${i}`),
    );
    await expect(rowsOf(file, limits)).rejects.toThrow(
      `${file}: its shared strings table holds more than 1,000 texts, ${tail}`,
    );
  });

  it('fails a table of one character more than the budget, naming the file and the budget', async () => {
    const file = sharedStringsWorkbook('too-long.xlsx', ['a'.repeat(5000), 'b'.repeat(5000), 'c']);
    await expect(rowsOf(file, limits)).rejects.toThrow(
      `${file}: its shared strings table holds more than 10,000 characters, ${tail}`,
    );
  });
});

describe('lists of names in messages', () => {
  it('shows the first 20, each cut at 40 characters, then how many more', () => {
    const names = Array.from({ length: 20_010 }, (_, i) => `c${i}`);
    expect(listForMessage(names)).toBe(`${names.slice(0, 20).join(', ')} … and 19,990 more columns`);
    expect(listForMessage(['a'.repeat(50)], 'sheet')).toBe(`${'a'.repeat(40)}…`);
    expect(listForMessage(['a', 'b'])).toBe('a, b');
  });

  it('an import of a 20,000-column header that fits no layout fails with a short message', async () => {
    const t = await openTestWorkspace();
    try {
      const file = path.join(t.dir, 'wide.csv');
      const header = Array.from({ length: 20_000 }, (_, i) => `column number ${i}`);
      fs.writeFileSync(file, `${header.join(',')}\n${header.map(() => '1').join(',')}\n`);
      const job = await t.importFile(file);
      expect(job.status).toBe('failed');
      expect(job.error!.length).toBeLessThan(1000); // 20 columns described, the rest counted
      expect(job.error).toContain('column number 19: numbers … and 19,980 more columns)');
    } finally {
      await t.close();
    }
  });
});

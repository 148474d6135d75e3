/**
 * Old Excel `.xls` workbooks (BIFF8, Excel 97-2003), as many Chinese call-center and PBX systems
 * still export them: the `Workbook` stream of the compound file (cfb.ts) read record by record
 * ([MS-XLS]). Only the records that carry cell values are read: BOUNDSHEET (sheet names), SST and
 * CONTINUE (shared strings), FORMAT and XF (which number formats are dates), DATEMODE, and per
 * sheet LABELSST, LABEL, NUMBER, RK, MULRK, BOOLERR and FORMULA with its cached result (STRING).
 * Numbers become text the way xlsx cells do (xlsx-cells.ts): dates as `YYYY-MM-DD HH:MM:SS`.
 *
 * Bounds: the file is read whole (at most MAX_XLS_BYTES); BIFF8 itself caps a sheet at 65 536
 * rows and 256 columns and a string at 32 767 characters, and records past those are an error.
 */
import fs from 'node:fs/promises';
import { readCompoundFile, CfbError } from './cfb';
import type { Row } from './read-rows';
import { builtinFormatKind, formatKind, numberCellText, type NumberKind } from './xlsx-cells';

export class XlsError extends Error {}

export const MAX_XLS_BYTES = 200 * 1024 * 1024;
const MAX_ROWS = 65_536;
const MAX_COLUMNS = 256;
const MAX_STRING = 32_767;
/** rows handed over per batch */
const BATCH_ROWS = 1000;

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
} as const;

interface Record {
  type: number;
  data: Buffer;
  /** the CONTINUE records that follow it (an SST spans several) */
  continues: Buffer[];
  /** offset of the record in the stream */
  offset: number;
}

/** The records of a stream from `from`, CONTINUEs attached to the record they continue. */
function* records(stream: Buffer, from = 0): Generator<Record> {
  let pending: Record | null = null;
  let at = from;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length) throw new XlsError(`a record at byte ${at} runs past the end`);
    const data = stream.subarray(at + 4, at + 4 + length);
    if (type === R.CONTINUE && pending) pending.continues.push(data);
    else {
      if (pending) yield pending;
      pending = { type, data, continues: [], offset: at };
    }
    at += 4 + length;
  }
  if (pending) yield pending;
}

/** Reads strings across CONTINUE boundaries: each continuation restarts with a flags byte. */
class Segments {
  private part = 0;
  private at = 0;
  constructor(private readonly parts: Buffer[]) {}

  private get current(): Buffer {
    return this.parts[this.part]!;
  }

  private ensure(bytes: number) {
    if (this.at + bytes <= this.current.length) return;
    if (this.at === this.current.length && this.part + 1 < this.parts.length) {
      this.part++;
      this.at = 0;
      if (bytes <= this.current.length) return;
    }
    throw new XlsError('a shared string runs past its record');
  }

  u8(): number {
    this.ensure(1);
    return this.current[this.at++]!;
  }
  u16(): number {
    this.ensure(2);
    const v = this.current.readUInt16LE(this.at);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.ensure(4);
    const v = this.current.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }
  skip(bytes: number) {
    let left = bytes;
    while (left > 0) {
      if (this.at === this.current.length) {
        if (this.part + 1 >= this.parts.length) throw new XlsError('a shared string runs past its record');
        this.part++;
        this.at = 0;
      }
      const step = Math.min(left, this.current.length - this.at);
      this.at += step;
      left -= step;
    }
  }
  /** `count` characters, 1 or 2 bytes each; a CONTINUE in the middle brings its own flags byte */
  chars(count: number, wide: boolean): string {
    let text = '';
    let left = count;
    let twoByte = wide;
    while (left > 0) {
      if (this.at === this.current.length) {
        if (this.part + 1 >= this.parts.length) throw new XlsError('a string runs past its record');
        this.part++;
        this.at = 0;
        twoByte = (this.u8() & 1) === 1;
      }
      const room = Math.floor((this.current.length - this.at) / (twoByte ? 2 : 1));
      const take = Math.min(left, room);
      if (take === 0) throw new XlsError('a string is cut in the middle of a character');
      const bytes = this.current.subarray(this.at, this.at + take * (twoByte ? 2 : 1));
      text += twoByte ? bytes.toString('utf16le') : bytes.toString('latin1');
      this.at += bytes.length;
      left -= take;
    }
    return text;
  }
}

/** XLUnicodeRichExtendedString (SST entries). */
function richString(s: Segments): string {
  const count = s.u16();
  const flags = s.u8();
  const runs = flags & 0x8 ? s.u16() : 0;
  const ext = flags & 0x4 ? s.u32() : 0;
  const text = s.chars(count, (flags & 1) === 1);
  s.skip(runs * 4 + ext);
  return text;
}

/** XLUnicodeString in one record (LABEL, STRING, FORMAT): 16-bit count, flags, characters. */
function plainString(data: Buffer, at: number): string {
  if (at + 3 > data.length) throw new XlsError('a string is cut short');
  const count = data.readUInt16LE(at);
  const wide = (data[at + 2]! & 1) === 1;
  if (count > MAX_STRING) throw new XlsError(`a string of ${count} characters (BIFF8 allows ${MAX_STRING})`);
  const bytes = data.subarray(at + 3, at + 3 + count * (wide ? 2 : 1));
  return wide ? bytes.toString('utf16le') : bytes.toString('latin1');
}

/** An RK number: a 30-bit integer or the high 30 bits of a double, maybe divided by 100. */
function rkNumber(rk: number): number {
  const div100 = (rk & 1) === 1;
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(rk & 0xfffffffc, 4);
    value = b.readDoubleLE(0);
  }
  return div100 ? value / 100 : value;
}

export interface XlsBook {
  sheets: { name: string; offset: number }[];
  stream: Buffer;
  strings: string[];
  /** per XF index: how numbers in that format show */
  kinds: NumberKind[];
  date1904: boolean;
}

export async function openXls(file: string): Promise<XlsBook> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_XLS_BYTES) {
    throw new XlsError(`the workbook is ${Math.round(stat.size / 1048576)} MB; at most 200 MB can be read`);
  }
  return parseXls(await fs.readFile(file));
}

/** A record cut short makes Buffer reads throw RangeError: that is a damaged file, said so. */
function damaged<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof RangeError)
      throw new XlsError('a record of the workbook is cut short (the file is damaged)');
    throw err;
  }
}

export function parseXls(bytes: Buffer): XlsBook {
  return damaged(() => parseWorkbook(bytes));
}

function parseWorkbook(bytes: Buffer): XlsBook {
  let stream: Buffer | null;
  try {
    const cfb = readCompoundFile(bytes);
    stream = cfb.stream('Workbook');
    if (!stream && cfb.stream('Book')) {
      throw new XlsError('this is an Excel 5/95 workbook; save it as .xlsx or CSV and import that');
    }
    if (!stream) {
      throw new XlsError('this compound file holds no Excel workbook (no Workbook stream)');
    }
  } catch (err) {
    if (err instanceof CfbError) {
      throw new XlsError(
        `not a readable .xls workbook (${err.message}); open it in Excel, save it as .xlsx or CSV and import that`,
      );
    }
    throw err;
  }
  const sheets: XlsBook['sheets'] = [];
  let strings: string[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let date1904 = false;
  let first = true;
  for (const record of records(stream)) {
    if (first) {
      first = false;
      if (record.type !== R.BOF || record.data.length < 4 || record.data.readUInt16LE(0) !== 0x0600) {
        throw new XlsError('this is not a BIFF8 (Excel 97-2003) workbook');
      }
      continue;
    }
    const d = record.data;
    switch (record.type) {
      case R.FILEPASS:
        throw new XlsError(
          'this workbook is protected with a password; remove the password in Excel (or save it as CSV) and import that',
        );
      case R.BOUNDSHEET: {
        const offset = d.readUInt32LE(0);
        const kind = d[5];
        const count = d[6]!;
        const wide = (d[7]! & 1) === 1;
        const name = d.subarray(8, 8 + count * (wide ? 2 : 1)).toString(wide ? 'utf16le' : 'latin1');
        if (kind === 0) sheets.push({ name, offset }); // worksheets, not charts or macros
        break;
      }
      case R.SST: {
        const s = new Segments([d.subarray(8), ...record.continues]);
        const unique = d.readUInt32LE(4);
        // Each string takes at least 3 bytes: a count past that is a damaged record.
        const bytes = record.continues.reduce((n, c) => n + c.length, d.length);
        if (unique > bytes / 3)
          throw new XlsError(`the shared strings claim ${unique} strings in ${bytes} bytes`);
        strings = new Array<string>(unique);
        for (let i = 0; i < unique; i++) strings[i] = richString(s);
        break;
      }
      case R.FORMAT:
        formats.set(d.readUInt16LE(0), plainString(d, 2));
        break;
      case R.XF:
        xfFormats.push(d.readUInt16LE(2));
        break;
      case R.DATEMODE:
        date1904 = d.readUInt16LE(0) === 1;
        break;
    }
    if (record.type === R.EOF) break;
  }
  const kinds = xfFormats.map((id) => {
    const code = formats.get(id);
    return code === undefined ? builtinFormatKind(id) : formatKind(code);
  });
  return { sheets, stream, strings, kinds, date1904 };
}

/** The rows of one sheet, in batches, blank rows left out; line = the sheet's row number. */
export function* xlsRows(book: XlsBook, sheet: string): Generator<Row[]> {
  const rows = damaged(() => sheetRows(book, sheet));
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  for (let i = 0; i < numbers.length; i += BATCH_ROWS) {
    yield numbers.slice(i, i + BATCH_ROWS).flatMap((n) => {
      const cells = rows.get(n)!;
      return cells.some((c) => c.trim() !== '') ? [{ line: n + 1, cells }] : [];
    });
  }
}

/** A sheet's cells by row number (a BIFF8 sheet is at most 65 536 × 256 cells). */
function sheetRows(book: XlsBook, sheet: string): Map<number, string[]> {
  const entry = book.sheets.find((s) => s.name === sheet);
  if (!entry) throw new XlsError(`there is no sheet "${sheet}"`);
  const rows = new Map<number, string[]>();
  const cellText = (xf: number, value: number) =>
    numberCellText(value, book.kinds[xf] ?? 'number', book.date1904);
  const put = (row: number, col: number, text: string) => {
    if (row >= MAX_ROWS || col >= MAX_COLUMNS)
      throw new XlsError(`a cell lies outside the sheet (row ${row + 1})`);
    if (text === '') return;
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = []));
    while (cells.length < col) cells.push('');
    cells[col] = text;
  };
  let formulaCell: { row: number; col: number } | null = null;
  let first = true;
  for (const record of records(book.stream, entry.offset)) {
    const d = record.data;
    if (first) {
      first = false;
      if (record.type !== R.BOF)
        throw new XlsError(`the sheet "${sheet}" does not start where the workbook says`);
      continue;
    }
    if (record.type === R.EOF) break;
    if (d.length < 6 && record.type !== R.STRING) continue;
    switch (record.type) {
      case R.LABELSST: {
        const index = d.readUInt32LE(6);
        put(d.readUInt16LE(0), d.readUInt16LE(2), book.strings[index] ?? '');
        break;
      }
      case R.LABEL:
        put(d.readUInt16LE(0), d.readUInt16LE(2), plainString(d, 6));
        break;
      case R.NUMBER:
        put(d.readUInt16LE(0), d.readUInt16LE(2), cellText(d.readUInt16LE(4), d.readDoubleLE(6)));
        break;
      case R.RK:
        put(d.readUInt16LE(0), d.readUInt16LE(2), cellText(d.readUInt16LE(4), rkNumber(d.readUInt32LE(6))));
        break;
      case R.MULRK: {
        const row = d.readUInt16LE(0);
        const firstCol = d.readUInt16LE(2);
        const count = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < count; i++) {
          const at = 4 + i * 6;
          put(row, firstCol + i, cellText(d.readUInt16LE(at), rkNumber(d.readUInt32LE(at + 2))));
        }
        break;
      }
      case R.BOOLERR:
        if (d[7] === 0) put(d.readUInt16LE(0), d.readUInt16LE(2), d[6] ? 'TRUE' : 'FALSE');
        break;
      case R.FORMULA: {
        const row = d.readUInt16LE(0);
        const col = d.readUInt16LE(2);
        if (d.readUInt16LE(12) !== 0xffff) put(row, col, cellText(d.readUInt16LE(4), d.readDoubleLE(6)));
        else if (d[6] === 0)
          formulaCell = { row, col }; // the text follows in a STRING record
        else if (d[6] === 1) put(row, col, d[8] ? 'TRUE' : 'FALSE');
        break;
      }
      case R.STRING:
        if (formulaCell) put(formulaCell.row, formulaCell.col, plainString(d, 0));
        formulaCell = null;
        break;
    }
  }
  return rows;
}

/**
 * A table written as markup under an `.xls` name, as many web-based call centers export: an HTML
 * page with a `<table>` (Excel opens it as a sheet) or an Excel 2003 XML spreadsheet
 * (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`). Rows are `<tr>` / `<Row>`,
 * cells `<td>`/`<th>` / `<Cell>`; a `colspan` or `ss:MergeAcross` (a merged title) keeps the cells
 * after it in their columns, `ss:Index` jumps to a column. Tags inside a cell are dropped, `<br>`
 * is a space, entities are decoded. The text is decoded in the charset its `<meta>` or XML
 * declaration names, else as sniffed.
 *
 * Bounds: read whole, at most MAX_MARKUP_BYTES; a cell is cut at MAX_CELL_CHARS.
 */
import fs from 'node:fs/promises';
import type { Row } from './read-rows';
import { createTextDecoder, detectEncoding } from './sniff';

export class MarkupError extends Error {}

export const MAX_MARKUP_BYTES = 100 * 1024 * 1024;
const MAX_CELL_CHARS = 32_767;
const MAX_COLUMNS = 16_384;
const BATCH_ROWS = 1000;

/** Whether the head of a file is an HTML table or an Excel 2003 XML spreadsheet. */
export function isMarkupTable(head: Buffer): boolean {
  const text = head.subarray(0, 4096).toString('latin1').replace(/\0/g, '').toLowerCase();
  return (
    /^\s*(?:\ufeff|ï»¿)?\s*<(?:!doctype html|html|table|\?xml|meta|head|body|style)/.test(text) &&
    (text.includes('<table') ||
      text.includes('<html') ||
      text.includes('urn:schemas-microsoft-com:office:spreadsheet'))
  );
}

/** The charset a page declares (`<meta charset>`, `content="…; charset=…"`, `<?xml encoding>`). */
function declaredCharset(head: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  return name === 'gb2312' || name === 'gbk' ? 'gb18030' : name;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTES = {
  index: /\bss:Index\s*=\s*["']?(\d+)/i,
  mergeAcross: /\bss:MergeAcross\s*=\s*["']?(\d+)/i,
  colspan: /\bcolspan\s*=\s*["']?(\d+)/i,
};

function attribute(tag: string, name: keyof typeof ATTRIBUTES): number | null {
  const m = ATTRIBUTES[name].exec(tag);
  return m ? Number(m[1]) : null;
}

export interface MarkupTable {
  encoding: string;
  rows: Row[];
}

/** Reads the first table of the file (all of an XML spreadsheet's first worksheet). */
export async function readMarkupTable(file: string): Promise<MarkupTable> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_MARKUP_BYTES) {
    throw new MarkupError(`the file is ${Math.round(stat.size / 1048576)} MB; at most 100 MB can be read`);
  }
  const bytes = await fs.readFile(file);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const encoding = declaredCharset(head) ?? detectEncoding(bytes.subarray(0, 64 * 1024)).encoding;
  const decoder = createTextDecoder(encoding);
  const text = decoder.write(bytes) + decoder.end();
  return { encoding, rows: parseMarkupTable(text) };
}

const TAG_RE = /<(\/?)([a-z][\w:]*)([^>]*)>/gi;

export function parseMarkupTable(text: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
  let tables = 0;
  let from = 0;
  let line = 1;
  let rowLine = 1;
  const countLines = (upTo: number) => {
    for (let i = from; i < upTo; i++) if (text.charCodeAt(i) === 10) line++;
    from = upTo;
  };
  const endCell = () => {
    if (cells === null || cell === null) return;
    const value = decodeEntities(cell.replace(/\s+/g, ' ')).trim().slice(0, MAX_CELL_CHARS);
    cells.push(value);
    for (let i = 1; i < span && cells.length < MAX_COLUMNS; i++) cells.push('');
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (cells !== null && cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
    cells = null;
  };
  let last = 0;
  for (const m of text.matchAll(TAG_RE)) {
    const at = m.index;
    if (cell !== null) cell += text.slice(last, at);
    last = at + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase().replace(/^ss:/, '');
    const attrs = m[3] ?? '';
    if (name === 'table' || name === 'worksheet') {
      if (!closing) tables++;
      else if (tables > 0) {
        endRow();
        break; // the first table only
      }
    } else if (name === 'tr' || name === 'row') {
      endRow();
      if (!closing) {
        countLines(at);
        rowLine = line;
        cells = [];
      }
    } else if (name === 'td' || name === 'th' || name === 'cell') {
      endCell();
      if (!closing && cells !== null) {
        const index = attribute(attrs, 'index');
        while (index !== null && index <= MAX_COLUMNS && cells.length < index - 1) cells.push('');
        const across = attribute(attrs, 'mergeAcross');
        span = Math.min(MAX_COLUMNS, across !== null ? across + 1 : (attribute(attrs, 'colspan') ?? 1));
        cell = '';
      }
    } else if (name === 'br' && cell !== null) cell += ' ';
  }
  endRow();
  return rows;
}

export function* markupBatches(rows: Row[]): Generator<Row[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

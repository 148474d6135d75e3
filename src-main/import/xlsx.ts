/**
 * Reading one sheet of an .xlsx workbook as batches of rows, like read-rows.ts reads CSV: every
 * cell becomes text (xlsx-cells.ts), `line` is Excel's row number, blank rows are skipped.
 *
 * Built on yauzl (zip) and saxes (streaming XML) rather than exceljs's streaming WorkbookReader,
 * which decodes each inflated chunk on its own: a Chinese character cut at a chunk boundary turns
 * into U+FFFD (exceljs issues #2063 and #2316, unfixed in 4.4.0). Here each part goes through one
 * streaming TextDecoder. yauzl reads the zip's central directory, so the parts are opened by name
 * in the order we need them (Excel stores sheets before the shared strings they point into)
 * without spilling sheets to temp files.
 *
 * Memory: the sheet streams; the shared strings (one copy of each distinct text) and the styles
 * stay in memory, as any reader of the format must keep them. Everything is bounded (the limits
 * below, Excel's own where it has one): a part that inflates like a zip bomb, a shared-strings
 * table too big to keep, or too many styles is an error naming the file; a row beyond the sheet's
 * columns or rows, or too long, comes out cut (`Row.cut`) and is rejected, and reading goes on.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Reason } from './bounds';
import { MAX_RECORD_CHARS, type Row } from './csv';
import {
  builtinFormatKind,
  decodeEscapes,
  formatKind,
  isoDateText,
  numberCellText,
  type NumberKind,
} from './xlsx-cells';
import { listForMessage } from './message-list';

/** An unreadable workbook or sheet; `reason` is the message without the file name. */
export class XlsxError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'XlsxError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** A zip archive, as every .xlsx is. */
export function isZipFile(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC);
}

/** An OLE2 compound file: an old .xls (or an .xlsx Excel encrypted with a password). */
export function isLegacyXls(head: Uint8Array): boolean {
  return startsWith(head, OLE2_MAGIC);
}

/** Rows per batch handed to the importer. */
const BATCH_ROWS = 2000;
/** Excel's limits: columns A..XFD, rows, characters in a cell. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;
/** A part may inflate to at most this many times its compressed size (Apache POI's default)... */
const MAX_INFLATE_RATIO = 100;
/** ...once past this size: tiny parts of repeated markup compress better than that. */
const INFLATE_RATIO_FROM = 4 << 20;
/** The shared strings kept in memory: 4M distinct texts, 64M characters in all. */
export const MAX_SHARED_STRINGS = 1 << 22;
export const MAX_SHARED_CHARS = 64 << 20;
/** The shared-strings bounds as one value, so a test can lower them (a 4M-string part is slow to build). */
export interface SharedStringLimits {
  texts: number;
  chars: number;
}
const SHARED_STRING_LIMITS: SharedStringLimits = { texts: MAX_SHARED_STRINGS, chars: MAX_SHARED_CHARS };
/** More cell styles than Excel allows (64,000) is not a workbook. */
const MAX_STYLES = 65_536;
/** More parts than any workbook has: a zip this big is something else. */
const MAX_ENTRIES = 100_000;

interface SheetInfo {
  index: number;
  name: string;
  /** the sheet's part in the zip; null when it is not a worksheet (a chart sheet, a macro sheet) */
  part: string | null;
}

interface Workbook {
  file: string;
  size: number;
  zip: ZipFile;
  entries: Map<string, Entry>;
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

// ---------------------------------------------------------------------------------------------
// Parts: zip entries streamed through one decoder and a SAX parser.

interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

/** `x:row` -> `row`: some writers prefix the spreadsheet namespace. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function findEntry(book: Workbook, part: string): Entry | undefined {
  return book.entries.get(part) ?? book.entries.get(part.toLowerCase());
}

/** Streams a part through the handlers; yields the bytes inflated so far after each chunk. */
async function* parsePart(book: Workbook, entry: Entry, handlers: XmlHandlers): AsyncGenerator<number> {
  // yauzl fails a part that inflates beyond its declared size, so the declared sizes bound it.
  if (
    entry.uncompressedSize > INFLATE_RATIO_FROM &&
    entry.uncompressedSize > MAX_INFLATE_RATIO * Math.max(1, entry.compressedSize)
  ) {
    throw new XlsxError(
      book.file,
      `not a readable .xlsx workbook: its part ${entry.fileName} inflates from ${entry.compressedSize.toLocaleString('en-US')} to ${entry.uncompressedSize.toLocaleString('en-US')} bytes, more than ${MAX_INFLATE_RATIO} times (a zip bomb?)`,
    );
  }
  const stream = await book.zip.openReadStreamPromise(entry);
  const decoder = new TextDecoder('utf-8'); // one decoder per part: characters cut between chunks survive
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      parser.write(decoder.decode(chunk, { stream: true }));
      yield inflated;
    }
    parser.write(decoder.decode());
    parser.close();
  } finally {
    stream.destroy();
  }
}

async function readPart(book: Workbook, part: string, handlers: XmlHandlers): Promise<Entry | undefined> {
  const entry = findEntry(book, part);
  if (entry) for await (const _ of parsePart(book, entry, handlers));
  return entry;
}

// ---------------------------------------------------------------------------------------------
// The workbook: which sheets there are and where their parts live.

interface Relationship {
  type: string;
  part: string;
}

/** A relationship target as a zip path: relative to the part's folder unless it starts with `/`. */
function resolveTarget(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target : `${folder}/${target}`).split('/');
  const path: string[] = [];
  for (const s of segments) {
    if (s === '..') path.pop();
    else if (s !== '' && s !== '.') path.push(s);
  }
  return path.join('/');
}

function folderOf(part: string): string {
  return part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
}

function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === '' ? '' : `${folder}/`}_rels/${name}.rels`;
}

async function readRelationships(book: Workbook, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const folder = folderOf(part);
  await readPart(book, relsPartOf(part), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        rels.set(a.Id, { type: a.Type ?? '', part: resolveTarget(folder, a.Target) });
      }
    },
    text() {},
    close() {},
  });
  return rels;
}

/** The relationship id of a `<sheet r:id="...">`, whatever the namespace prefix. */
function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(':id')) return value;
  return undefined;
}

async function readWorkbookPart(book: Workbook): Promise<void> {
  const packageRels = await readRelationships(book, '');
  const office = [...packageRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = office?.part ?? 'xl/workbook.xml';
  if (workbookPart.endsWith('.bin')) {
    throw new XlsxError(
      book.file,
      'this is a binary .xlsb workbook; save it as .xlsx or CSV and import that',
    );
  }
  if (findEntry(book, 'mimetype') && findEntry(book, 'content.xml')) {
    throw new XlsxError(
      book.file,
      'this is an OpenDocument (.ods) spreadsheet; save it as .xlsx or CSV and import that',
    );
  }
  if (!findEntry(book, workbookPart))
    throw new XlsxError(book.file, 'not a readable .xlsx workbook (no workbook inside)');

  const listed: { name: string; rId: string | undefined }[] = [];
  await readPart(book, workbookPart, {
    open(name, a) {
      if (name === 'sheet') listed.push({ name: a.name ?? '', rId: relationshipId(a) });
      else if (name === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    text() {},
    close() {},
  });
  const rels = await readRelationships(book, workbookPart);
  book.sheets = listed.map(({ name, rId }, i) => {
    const rel = rId === undefined ? undefined : rels.get(rId);
    return { index: i + 1, name, part: rel?.type.endsWith('/worksheet') ? rel.part : null };
  });
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.part ?? null;
  book.sharedStringsPart = byType('/sharedStrings');
  book.stylesPart = byType('/styles');
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Excel encrypts a password-protected .xlsx into an OLE2 file with this stream. */
async function isEncryptedWorkbook(file: string): Promise<boolean> {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const window = Buffer.concat([tail, chunk]);
    if (window.includes(needle)) return true;
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
  }
  return false;
}

async function openWorkbook(file: string): Promise<Workbook> {
  const head = await readHead(file);
  if (isLegacyXls(head)) {
    throw new XlsxError(
      file,
      (await isEncryptedWorkbook(file))
        ? 'this workbook is protected with a password; remove the password in Excel (or save it as CSV) and import that'
        : 'this is an old Excel .xls file; save it as .xlsx or CSV and import that',
    );
  }
  if (!isZipFile(head)) {
    throw new XlsxError(
      file,
      `not a readable .xlsx workbook (${head.length === 0 ? 'the file is empty' : 'not a zip archive'})`,
    );
  }
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  // yauzl reports a failed close of the file as an 'error' event: never let that be unhandled.
  zip.on('error', () => {});
  const book: Workbook = {
    file,
    size: zip.fileSize,
    zip,
    entries: new Map(),
    sheets: [],
    date1904: false,
    sharedStringsPart: null,
    stylesPart: null,
  };
  try {
    if (zip.entryCount > MAX_ENTRIES)
      throw new XlsxError(file, `not a readable .xlsx workbook (${zip.entryCount} files inside)`);
    for await (const entry of zip.eachEntry()) {
      book.entries.set(entry.fileName, entry);
      if (!book.entries.has(entry.fileName.toLowerCase()))
        book.entries.set(entry.fileName.toLowerCase(), entry);
    }
    await readWorkbookPart(book);
    return book;
  } catch (err) {
    zip.close();
    throw err;
  }
}

function toXlsxError(file: string, err: unknown): XlsxError {
  if (err instanceof XlsxError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') {
    return new XlsxError(file, `cannot read the file (${code})`);
  }
  return new XlsxError(
    file,
    `not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`,
  );
}

/** The workbook's sheets in tab order (hidden ones too); `index` is 1-based. */
export async function listXlsxSheets(file: string): Promise<{ index: number; name: string }[]> {
  let book: Workbook | undefined;
  try {
    book = await openWorkbook(file);
    return book.sheets.map(({ index, name }) => ({ index, name }));
  } catch (err) {
    throw toXlsxError(file, err);
  } finally {
    book?.zip.close();
  }
}

/** The zip entry of the sheet asked for. */
function findSheet(book: Workbook, sheet: number | string): Entry {
  const found =
    typeof sheet === 'number'
      ? book.sheets[sheet - 1]
      : (book.sheets.find((s) => s.name === sheet) ??
        book.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase()));
  const existing =
    listForMessage(
      book.sheets.map((s) => `${s.index} "${s.name}"`),
      'sheet',
    ) || 'none';
  const asked = typeof sheet === 'number' ? `no sheet ${sheet}` : `no sheet named "${sheet}"`;
  if (!found) throw new XlsxError(book.file, `${asked}; the workbook's sheets are ${existing}`);
  const entry = found.part === null ? undefined : findEntry(book, found.part);
  if (!entry) throw new XlsxError(book.file, `sheet "${found.name}" has no table of cells (is it a chart?)`);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// What cells need to be read: shared strings and each style's number format.

interface CellContext {
  sharedStrings: string[];
  /** by style index (`<c s="...">`) */
  kinds: NumberKind[];
  date1904: boolean;
}

/** Text of the `<t>` runs, leaving out phonetic guides (`<rPh>`); at most a cell's worth is kept. */
class RichTextCollector {
  text = '';
  /** the text ran past `MAX_CELL_CHARS` and was cut there */
  overflow = false;
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  add(text: string): void {
    if (!this.inText) return;
    if (this.text.length + text.length > MAX_CELL_CHARS) {
      this.text += text.slice(0, MAX_CELL_CHARS - this.text.length);
      this.overflow = true;
    } else this.text += text;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }
}

async function readSharedStrings(
  book: Workbook,
  progress: Progress,
  limits: SharedStringLimits,
): Promise<string[]> {
  const strings: string[] = [];
  const entry = book.sharedStringsPart === null ? undefined : findEntry(book, book.sharedStringsPart);
  if (!entry) return strings;
  let item = new RichTextCollector();
  let chars = 0;
  const tooMany = (what: string) =>
    new XlsxError(
      book.file,
      `its shared strings table holds more than ${what}, the most Callscope reads; save the sheet as CSV and import that`,
    );
  const handlers: XmlHandlers = {
    open(name) {
      if (name === 'si') item = new RichTextCollector();
      else item.open(name);
    },
    text: (text) => item.add(text),
    close(name) {
      if (name === 'si') {
        if (strings.length >= limits.texts) throw tooMany(`${limits.texts.toLocaleString('en-US')} texts`);
        chars += item.text.length;
        if (chars > limits.chars) throw tooMany(`${limits.chars.toLocaleString('en-US')} characters`);
        strings.push(decodeEscapes(item.text));
      } else item.close(name);
    },
  };
  for await (const inflated of parsePart(book, entry, handlers)) progress.within(entry, inflated);
  progress.finished(entry);
  return strings;
}

async function readNumberKinds(book: Workbook, progress: Progress): Promise<NumberKind[]> {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  const entry =
    book.stylesPart === null
      ? undefined
      : await readPart(book, book.stylesPart, {
          open(name, a) {
            if (name === 'numFmts') inNumFmts = true;
            else if (name === 'cellXfs') inCellXfs = true;
            else if (name === 'numFmt' && inNumFmts) formats.set(Number(a.numFmtId), a.formatCode ?? '');
            else if (name === 'xf' && inCellXfs) {
              if (xfFormats.length >= MAX_STYLES)
                throw new XlsxError(
                  book.file,
                  `not a readable .xlsx workbook (more than ${MAX_STYLES} cell styles)`,
                );
              xfFormats.push(Number(a.numFmtId ?? 0));
            }
          },
          text() {},
          close(name) {
            if (name === 'numFmts') inNumFmts = false;
            else if (name === 'cellXfs') inCellXfs = false;
          },
        });
  if (entry) progress.finished(entry);
  return xfFormats.map((id) => {
    const code = formats.get(id);
    return code === undefined ? builtinFormatKind(id) : formatKind(code);
  });
}

// ---------------------------------------------------------------------------------------------
// The sheet: cells to text, rows collected as the XML streams past.

function cellText(
  type: string,
  value: string | null,
  inline: string | null,
  style: number,
  ctx: CellContext,
): string {
  switch (type) {
    case 's':
      return value === null ? '' : (ctx.sharedStrings[Number(value)] ?? '');
    case 'inlineStr':
      return decodeEscapes(inline ?? value ?? '');
    case 'str': // a formula's text result
      return decodeEscapes(value ?? '');
    case 'b':
      return value === null ? '' : value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE';
    case 'e': // #N/A, #DIV/0!...
      return '';
    case 'd':
      return value === null ? '' : isoDateText(value);
    default: {
      if (value === null || value.trim() === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return numberCellText(n, ctx.kinds[style] ?? 'number', ctx.date1904);
    }
  }
}

/**
 * `AB12` -> 28; 0 when the reference has no column letters. Letters past XFD give
 * `MAX_COLUMNS + 1` (not a number that grows with each letter: `ZZZZZZZ1` must not allocate).
 */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > MAX_COLUMNS) return MAX_COLUMNS + 1;
  }
  return col;
}

/** `XFD` for 16,384: a column as Excel names it, for messages. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

class SheetRows implements XmlHandlers {
  /** complete rows not yet handed out */
  rows: Row[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: string[] | null = null;
  private column = 0;
  private type = 'n';
  private style = 0;
  private value: string | null = null;
  private inValue = false;
  private inline: RichTextCollector | null = null;
  /** characters in the row so far, and why it was cut (the rest of its cells are then ignored) */
  private rowChars = 0;
  private cut: Reason | null = null;

  constructor(private readonly ctx: CellContext) {}

  private cutRow(reason: Reason): void {
    if (this.cut) return;
    this.cut = reason;
    if (this.cells) this.cells.length = 0;
  }

  open(name: string, a: Record<string, string>): void {
    if (name === 'sheetData') {
      this.inSheetData = true;
    } else if (!this.inSheetData) {
      return;
    } else if (name === 'row') {
      // r may be left out: then the row follows the previous one (likewise a cell's column)
      this.rowNumber = (a.r && Number(a.r)) || this.rowNumber + 1;
      this.cells = [];
      this.column = 0;
      this.rowChars = 0;
      this.cut = null;
      if (!(this.rowNumber <= MAX_ROWS)) {
        this.rowNumber = Math.min(Number.isFinite(this.rowNumber) ? this.rowNumber : MAX_ROWS + 1, 2 ** 31);
        this.cutRow({
          key: 'importReason.rowBeyondSheet',
          params: { row: String(a.r ?? this.rowNumber), max: MAX_ROWS.toLocaleString('en-US') },
        });
      }
    } else if (name === 'c' && this.cells) {
      this.column = (a.r && columnOf(a.r)) || this.column + 1;
      if (this.column > MAX_COLUMNS) {
        const ref = a.r ?? '';
        this.cutRow({
          key: 'importReason.rowTooManyCells',
          params: {
            column: ref.length > 12 ? `${ref.slice(0, 12)}…` : ref || String(this.column),
            max: `${MAX_COLUMNS.toLocaleString('en-US')} (${columnName(MAX_COLUMNS)})`,
          },
        });
      }
      this.type = a.t ?? 'n';
      this.style = a.s ? Number(a.s) : 0;
      this.value = null;
      this.inline = null;
    } else if (name === 'v') {
      this.inValue = true;
      this.value = '';
    } else if (name === 'is') {
      this.inline = new RichTextCollector();
    } else {
      this.inline?.open(name);
    }
  }

  text(text: string): void {
    if (this.cut) return;
    if (this.inValue) {
      if (this.value!.length + text.length > MAX_CELL_CHARS) this.tooLong();
      else this.value += text;
    } else this.inline?.add(text);
  }

  private tooLong(): void {
    this.cutRow({
      key: 'importReason.rowTooLong',
      params: { max: MAX_RECORD_CHARS.toLocaleString('en-US') },
    });
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    if (name === 'v') {
      this.inValue = false;
    } else if (name === 'c' && this.cells) {
      if (this.inline?.overflow) this.tooLong();
      if (!this.cut) {
        const text = cellText(this.type, this.value, this.inline?.text ?? null, this.style, this.ctx);
        this.rowChars += text.length;
        if (this.rowChars > MAX_RECORD_CHARS) this.tooLong();
        else if (text !== '') {
          while (this.cells.length < this.column - 1) this.cells.push('');
          this.cells[this.column - 1] = text;
        }
      }
      this.inline = null;
      this.value = null;
    } else if (name === 'row' && this.cells) {
      if (this.cut) this.rows.push({ line: this.rowNumber, cells: [], cut: this.cut });
      else if (this.cells.some((c) => c.trim() !== ''))
        this.rows.push({ line: this.rowNumber, cells: this.cells });
      this.cells = null;
    } else if (name === 'sheetData') {
      this.inSheetData = false;
    } else if (name !== 'is') {
      this.inline?.close(name);
    }
  }

  take(): Row[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

/** Compressed bytes read so far, estimated within a part from the bytes inflated. */
class Progress {
  private done = 0;

  constructor(private readonly report: ((bytesDone: number) => void) | undefined) {}

  within(entry: Entry, inflated: number): void {
    const share = entry.uncompressedSize > 0 ? Math.min(1, inflated / entry.uncompressedSize) : 1;
    this.report?.(this.done + Math.round(entry.compressedSize * share));
  }

  finished(entry: Entry): void {
    this.done += entry.compressedSize;
    this.report?.(this.done);
  }

  /** the rest of the file (other sheets, pictures) is skipped, which counts as read */
  end(size: number): void {
    this.report?.(size);
  }
}

/**
 * The rows of one sheet (1-based index in tab order, or name), in batches of about 2000. Closing
 * the generator early (a preview) stops reading and releases the file.
 */
export async function* readXlsxRows(
  file: string,
  sheet: number | string,
  onProgress?: (bytesDone: number) => void,
  limits: SharedStringLimits = SHARED_STRING_LIMITS,
): AsyncGenerator<Row[]> {
  let book: Workbook | undefined;
  try {
    book = await openWorkbook(file);
    const entry = findSheet(book, sheet);
    const progress = new Progress(onProgress);
    const ctx: CellContext = {
      kinds: await readNumberKinds(book, progress),
      sharedStrings: await readSharedStrings(book, progress, limits),
      date1904: book.date1904,
    };
    const rows = new SheetRows(ctx);
    for await (const inflated of parsePart(book, entry, rows)) {
      progress.within(entry, inflated);
      if (rows.rows.length >= BATCH_ROWS) yield rows.take();
    }
    if (rows.rows.length > 0) yield rows.take();
    progress.end(book.size);
  } catch (err) {
    throw toXlsxError(file, err);
  } finally {
    book?.zip.close();
  }
}

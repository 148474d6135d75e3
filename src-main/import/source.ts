/**
 * A file as a stream of rows, whatever its container: delimited text (encoding and delimiter
 * sniffed) or an XLSX workbook (one sheet). Everything after this sees `Row`s of strings.
 */
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { ImportError } from './import-error';
import { readRows, type Row } from './read-rows';
import { readHead, sniffText } from './sniff';
import { isLegacyXls, isZipFile, listXlsxSheets, readXlsxRows, XlsxError } from './xlsx';
import { openXls, XlsError, xlsRows } from './xls';
import { isMarkupTable, markupBatches, MarkupError, readMarkupTable } from './markup-table';
import { listForCode, listForMessage } from './message-list';
import { readerErrorCode } from './reader-error-code';

export type { Row } from './read-rows';

export interface SourceInfo {
  /** xls: an old Excel (BIFF8) workbook; html: an HTML table or Excel 2003 XML saved as .xls */
  container: 'csv' | 'xlsx' | 'xls' | 'html';
  /** text encoding (csv) */
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
}

export interface RowSource {
  info: SourceInfo;
  size: number;
  /**
   * All rows from the top, in batches. A text file hands each raw chunk to `onBytes` (to hash the
   * file in the same pass); a workbook reports how far it got through `onProgress`.
   */
  rows(onBytes?: (chunk: Buffer) => void, onProgress?: (bytesDone: number) => void): AsyncGenerator<Row[]>;
  /** whether `rows` hands over every byte of the file (else hash it with `sha256File`) */
  streamsBytes: boolean;
}

export interface SourceOverrides {
  encoding?: string;
  delimiter?: string;
  /** the workbook sheet to read (default: `chooseSheet`'s pick, else the first) */
  sheet?: string;
  /** picks the sheet with call rows from each sheet's first rows */
  chooseSheet?: (sheets: { name: string; rows: Row[] }[]) => string;
}

/** Rows of each sheet looked at to pick the one with calls. */
const SHEET_SAMPLE_ROWS = 50;

export async function openSource(
  file: string,
  displayName: string,
  overrides: SourceOverrides = {},
): Promise<RowSource> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile())
      throw new ImportError(`${displayName}: not a file`, 'importError.notAFile', { file: displayName });
    size = stat.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new ImportError(`${displayName}: cannot read the file (${reason})`, 'importError.cannotRead', {
      file: displayName,
      reason,
    });
  }
  if (size === 0)
    throw new ImportError(`${displayName}: the file is empty`, 'importError.empty', { file: displayName });
  const head = await readHead(file);
  if (isLegacyXls(head) && !(await isEncryptedXls(file))) {
    return openWorkbook(file, displayName, size, overrides, 'xls', async () =>
      (await openXls(file)).sheets.map((s) => s.name),
    );
  }
  if (isZipFile(head) || isLegacyXls(head)) {
    return openWorkbook(file, displayName, size, overrides, 'xlsx', async () =>
      (await listXlsxSheets(file)).map((s) => s.name),
    );
  }
  if (isMarkupTable(head)) {
    const { encoding } = await readMarkup(file, displayName);
    return sourceFromInfo(
      file,
      { container: 'html', encoding, delimiter: null, sheet: null },
      size,
      displayName,
    );
  }
  const sniffed = sniffText(head);
  const encoding = overrides.encoding ?? sniffed.encoding;
  const delimiter = overrides.delimiter ?? sniffed.delimiter;
  return sourceFromInfo(file, { container: 'csv', encoding, delimiter, sheet: null }, size, displayName);
}

/** The source an opened file's info describes, without sniffing again (e.g. in the import worker). */
export function sourceFromInfo(file: string, info: SourceInfo, size: number, displayName = file): RowSource {
  const { encoding, delimiter, sheet } = info;
  if (info.container === 'xlsx' && sheet !== null) {
    return {
      info,
      size,
      rows: (_onBytes, onProgress) =>
        unchangedWhileRead(file, displayName, () =>
          rethrowAsImportError(readXlsxRows(file, sheet, onProgress), displayName),
        ),
      streamsBytes: false,
    };
  }
  if (info.container === 'xls' && sheet !== null) {
    return {
      info,
      size,
      rows: async function* () {
        try {
          yield* xlsRows(await openXls(file), sheet);
        } catch (err) {
          throw asImportError(err, displayName);
        }
      },
      streamsBytes: false,
    };
  }
  if (info.container === 'html') {
    return {
      info,
      size,
      rows: async function* () {
        yield* markupBatches((await readMarkup(file, displayName)).rows);
      },
      streamsBytes: false,
    };
  }
  if (info.container !== 'csv' || encoding === null || delimiter === null) {
    throw new ImportError(`${file}: cannot reopen a ${info.container} source from its description`);
  }
  return {
    info,
    size,
    rows: (onBytes) =>
      unchangedWhileRead(file, displayName, () => readRows(file, { encoding, delimiter }, onBytes)),
    streamsBytes: true,
  };
}

/**
 * One sheet of a workbook (`listSheets` names them in tab order): the one asked for, which must
 * exist, else `chooseSheet`'s pick from each sheet's first rows, else the first.
 */
async function openWorkbook(
  file: string,
  displayName: string,
  size: number,
  overrides: SourceOverrides,
  container: 'xlsx' | 'xls',
  listSheets: () => Promise<string[]>,
): Promise<RowSource> {
  let names: string[];
  try {
    names = await listSheets();
  } catch (err) {
    throw asImportError(err, displayName);
  }
  if (names.length === 0) throw noSheets(displayName);
  const sheetSource = (sheet: string) =>
    sourceFromInfo(file, { container, encoding: null, delimiter: null, sheet }, size, displayName);
  let sheet = overrides.sheet;
  if (sheet !== undefined && !names.includes(sheet)) throw noSuchSheet(displayName, sheet, names);
  if (sheet === undefined) {
    if (names.length === 1 || !overrides.chooseSheet) sheet = names[0]!;
    else {
      const samples = [];
      for (const name of names)
        samples.push({ name, rows: await firstRows(sheetSource(name), SHEET_SAMPLE_ROWS) });
      sheet = overrides.chooseSheet(samples);
    }
  }
  return sheetSource(sheet);
}

/** An OLE2 file is an encrypted XLSX (refused by the xlsx reader) or an old .xls workbook. */
async function isEncryptedXls(file: string): Promise<boolean> {
  try {
    await listXlsxSheets(file);
    return false;
  } catch (err) {
    return err instanceof XlsxError && /password/.test(err.reason);
  }
}

async function readMarkup(file: string, displayName: string) {
  try {
    return await readMarkupTable(file);
  } catch (err) {
    throw asImportError(err, displayName);
  }
}

function noSheets(displayName: string): ImportError {
  return new ImportError(`${displayName}: the workbook has no sheets`, 'importError.noSheets', {
    file: displayName,
  });
}

function noSuchSheet(displayName: string, sheet: string, sheets: readonly string[]): ImportError {
  const listed = listForCode(sheets);
  return new ImportError(
    `${displayName}: there is no sheet "${sheet}" (sheets: ${listForMessage(sheets, 'sheet')})`,
    'importError.noSuchSheet',
    { file: displayName, sheet, sheets: listed.items, sheetsMore: listed.more },
  );
}

function asImportError(err: unknown, displayName: string): Error {
  if (err instanceof XlsError || err instanceof MarkupError || err instanceof XlsxError) {
    const reason = err instanceof XlsxError ? err.reason : err.message;
    const code = readerErrorCode(reason, err instanceof XlsxError ? 'xlsx' : 'xls');
    return new ImportError(`${displayName}: ${reason}`, code.key, { file: displayName, ...code.params });
  }
  return err instanceof Error ? err : new Error(String(err));
}

async function* rethrowAsImportError(
  rows: AsyncGenerator<Row[]>,
  displayName: string,
): AsyncGenerator<Row[]> {
  try {
    yield* rows;
  } catch (err) {
    throw asImportError(err, displayName);
  }
}

/**
 * The rows of `read()`, failing at the end when the file's size or modification time changed
 * while it was read: it was still being written, copied or cut short, so what was read is not the
 * file, and the import must store nothing of it.
 */
async function* unchangedWhileRead(
  file: string,
  displayName: string,
  read: () => AsyncGenerator<Row[]>,
): AsyncGenerator<Row[]> {
  const before = await fs.stat(file).catch(() => null);
  yield* read();
  const after = await fs.stat(file).catch(() => null);
  if (before === null || after === null || before.size !== after.size || before.mtimeMs !== after.mtimeMs) {
    const [what, key, params] =
      after === null
        ? ['it was removed', 'importError.changedRemoved' as const, {}]
        : before !== null && before.size !== after.size
          ? [
              `its size went from ${before.size.toLocaleString('en-US')} to ${after.size.toLocaleString('en-US')} bytes`,
              'importError.changedSize' as const,
              { from: before.size.toLocaleString('en-US'), to: after.size.toLocaleString('en-US') },
            ]
          : ['it was modified', 'importError.changedModified' as const, {}];
    throw new ImportError(
      `${displayName}: the file changed while it was read (${what}); it may still be being written or copied. Nothing was stored: import it again once it is complete`,
      key,
      { file: displayName, ...params },
    );
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** The first `count` rows of a source (fewer if the file is shorter). */
export async function firstRows(source: Pick<RowSource, 'rows'>, count: number): Promise<Row[]> {
  const sample: Row[] = [];
  const rows = source.rows();
  try {
    for await (const batch of rows) {
      for (const row of batch) {
        sample.push(row);
        if (sample.length >= count) return sample;
      }
    }
    return sample;
  } finally {
    await rows.return(undefined);
  }
}

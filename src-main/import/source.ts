/**
 * A file as a stream of rows, whatever its container: delimited text (encoding and delimiter
 * sniffed) or an XLSX workbook (one sheet). Everything after this sees `Row`s of strings.
 */
import fs from 'node:fs/promises';
import { ImportError } from './import-error';
import { readRows, type Row } from './read-rows';
import { readHead, sniffText } from './sniff';

export type { Row } from './read-rows';

export interface SourceInfo {
  container: 'csv' | 'xlsx';
  /** text encoding (csv) */
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
}

export interface RowSource {
  info: SourceInfo;
  size: number;
  /** All rows from the top, in batches; `onBytes` sees the raw bytes read (for hash and progress). */
  rows(onBytes?: (chunk: Buffer) => void): AsyncGenerator<Row[]>;
}

export interface SourceOverrides {
  encoding?: string;
  delimiter?: string;
}

export async function openSource(
  file: string,
  displayName: string,
  overrides: SourceOverrides = {},
): Promise<RowSource> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new ImportError(`${displayName}: not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      `${displayName}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  if (size === 0) throw new ImportError(`${displayName}: the file is empty`);
  const head = await readHead(file);
  const sniffed = sniffText(head);
  const encoding = overrides.encoding ?? sniffed.encoding;
  const delimiter = overrides.delimiter ?? sniffed.delimiter;
  return sourceFromInfo(file, { container: 'csv', encoding, delimiter, sheet: null }, size);
}

/** The source an opened file's info describes, without sniffing again (e.g. in the import worker). */
export function sourceFromInfo(file: string, info: SourceInfo, size: number): RowSource {
  const { encoding, delimiter } = info;
  if (info.container !== 'csv' || encoding === null || delimiter === null) {
    throw new ImportError(`${file}: cannot reopen a ${info.container} source from its description`);
  }
  return { info, size, rows: (onBytes) => readRows(file, { encoding, delimiter }, onBytes) };
}

/** The first `count` rows of a source (fewer if the file is shorter). */
export async function firstRows(source: RowSource, count: number): Promise<Row[]> {
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

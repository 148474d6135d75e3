/**
 * Streaming a delimited text file as batches of rows: bytes -> text (in the sniffed encoding,
 * invalid bytes replaced with U+FFFD) -> CSV rows with their line numbers. Memory stays flat in
 * the file's size; the caller sees each chunk of raw bytes (to hash the file in the same pass).
 */
import { createReadStream } from 'node:fs';
import { CsvReader, type Row } from './csv';
import { createTextDecoder, type Sniffed } from './sniff';

export type { Row } from './csv';

function isBlank(row: Row): boolean {
  return row.cut === undefined && row.cells.every((c) => c.trim() === '');
}

export async function* readRows(
  file: string,
  sniffed: Pick<Sniffed, 'encoding' | 'delimiter'>,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<Row[]> {
  const decoder = createTextDecoder(sniffed.encoding);
  const csv = new CsvReader(sniffed.delimiter);
  const source = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      onBytes?.(chunk);
      const rows = csv.push(decoder.write(chunk)).filter((r) => !isBlank(r));
      if (rows.length > 0) yield rows;
    }
    const last = [...csv.push(decoder.end()), ...csv.end()].filter((r) => !isBlank(r));
    if (last.length > 0) yield last;
  } finally {
    source.destroy();
  }
}

/**
 * Streaming a delimited text file as batches of rows: bytes -> text (in the sniffed encoding,
 * invalid bytes replaced) -> CSV rows with their line numbers. Memory stays flat in the file's
 * size; the caller sees each chunk of raw bytes (to hash the file in the same pass).
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvReader, type Row } from './csv';
import type { Sniffed } from './sniff';

export type { Row } from './csv';

function isBlank(row: Row): boolean {
  return row.cells.length === 1 && row.cells[0]!.trim() === '';
}

export async function* readRows(
  file: string,
  sniffed: Sniffed,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<Row[]> {
  const decoder = new TextDecoder(sniffed.encoding); // strips a BOM; replaces invalid bytes with U+FFFD
  const csv = new CsvReader(sniffed.delimiter);
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      onBytes?.(chunk);
      const rows = csv.push(decoder.decode(chunk, { stream: true })).filter((r) => !isBlank(r));
      if (rows.length > 0) yield rows;
    }
    const last = [...csv.push(decoder.decode()), ...csv.end()].filter((r) => !isBlank(r));
    if (last.length > 0) yield last;
  } finally {
    source.destroy();
  }
}

/**
 * Streaming a delimited text file as rows with their line numbers: bytes -> text (in the sniffed
 * encoding, invalid bytes replaced) -> papaparse -> `{ line, cells }`. Memory stays flat in the
 * file's size; the caller sees each chunk of raw bytes (to hash the file in the same pass).
 */
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import type { Sniffed } from './sniff';

export interface Row {
  /** 1-based line of the file where the row starts */
  line: number;
  cells: string[];
}

class DecodeStream extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: string) {
    super({ readableObjectMode: true });
    this.decoder = new TextDecoder(encoding); // strips a BOM; replaces invalid bytes with U+FFFD
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (text) this.push(text);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const text = this.decoder.decode();
    if (text) this.push(text);
    callback();
  }
}

function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    let i = cell.indexOf('\n');
    while (i !== -1) {
      n++;
      i = cell.indexOf('\n', i + 1);
    }
  }
  return n;
}

export async function* readRows(
  file: string,
  sniffed: Sniffed,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<Row> {
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (onBytes) source.on('data', (chunk) => onBytes(chunk as Buffer));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: sniffed.delimiter, skipEmptyLines: false });
  const decoder = new DecodeStream(sniffed.encoding);
  source.on('error', (err) => parser.destroy(err));
  decoder.on('error', (err) => parser.destroy(err));
  source.pipe(decoder).pipe(parser);
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + newlines(cells);
      if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
      yield { line: start, cells };
    }
  } finally {
    source.destroy();
  }
}

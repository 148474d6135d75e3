/**
 * Rows into PostgreSQL through `COPY … FROM STDIN` (pg-copy-streams) in text format, with memory
 * bounded: lines are gathered into chunks of about CHUNK_CHARS and written to the COPY stream,
 * whose buffer fills when the server reads slower than rows come; `drain()` is where the writer
 * waits for it. One COPY at a time runs on a connection: `end()` completes it before the
 * connection takes another statement.
 */
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** Characters gathered before a chunk is written (one CopyData message each). */
const CHUNK_CHARS = 64 * 1024;
/** What the COPY stream buffers before `drain()` waits. */
const HIGH_WATER_BYTES = 1024 * 1024;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A value as a field of COPY's text format: NULL is `\N`; a backslash, tab, newline or carriage
 * return in a string is escaped (tab separates fields, newline rows). NUL cannot be stored in
 * PostgreSQL text at all, so it is dropped.
 */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = value.includes('\0') ? value.replaceAll('\0', '') : value;
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}

/** One `COPY table (columns) FROM STDIN` on `client`, fed line by line. */
export class CopyIn {
  private readonly stream: CopyStreamQuery;
  private chunk = '';
  private error: Error | null = null;

  constructor(client: pg.PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(
      copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, { highWaterMark: HIGH_WATER_BYTES }),
    );
    // Kept and rethrown at the next drain or end (an unhandled stream error would end the process).
    this.stream.on('error', (err: Error) => (this.error ??= err));
  }

  /** Adds a row: its fields already as `copyField` gives them. */
  line(fields: string): void {
    this.chunk += fields + '\n';
    if (this.chunk.length >= CHUNK_CHARS) this.writeChunk();
  }

  /** Waits until the stream's buffer has room again; throws what the server answered if the COPY failed. */
  async drain(): Promise<void> {
    this.throwIfFailed();
    if (!this.stream.writableNeedDrain) return;
    try {
      await once(this.stream, 'drain');
    } catch (err) {
      this.error ??= err instanceof Error ? err : new Error(String(err));
    }
    this.throwIfFailed();
  }

  /** Sends what is left and completes the COPY (its rows are then visible in the transaction). */
  async end(): Promise<void> {
    this.throwIfFailed();
    this.writeChunk();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    try {
      await finished;
    } catch (err) {
      this.error ??= err instanceof Error ? err : new Error(String(err));
    }
    this.throwIfFailed();
  }

  private writeChunk(): void {
    if (this.chunk === '') return;
    this.stream.write(this.chunk, 'utf8');
    this.chunk = '';
  }

  private throwIfFailed(): void {
    if (this.error) throw this.error;
  }
}

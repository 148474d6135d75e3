/**
 * A streaming CSV reader (RFC 4180 plus what spreadsheets write): text goes in chunk by chunk,
 * complete rows come out with the line each starts on. Quoted fields may hold delimiters,
 * doubled quotes and newlines; rows end at LF, CRLF or a lone CR. It is lenient where exports are
 * sloppy (text after a closing quote is kept).
 *
 * Linear and flat on any input: a state machine reads every character once and keeps only the
 * record being read between chunks (never re-scanning it), and a record that runs away (an
 * unterminated quote, a single 100 MB line) is cut at `MAX_RECORD_CHARS` characters or
 * `MAX_RECORD_LINES` lines: it comes out as a `Row` with `cut` set and no cells, and reading
 * resumes at the next line (the line after the last one it swallowed).
 *
 * Ours rather than papaparse's stream mode: that re-slices its buffer on every backpressure pause,
 * which made a 1M-row import quadratic (82 s); this one counts lines exactly, which rejected rows need.
 */

import type { Reason } from './bounds';

export interface Row {
  /** 1-based line of the file where the row starts */
  line: number;
  cells: string[];
  /**
   * Set when the record was too long to read (its cells are then empty): why. The XLSX reader
   * sets it too, for a row beyond the sheet's bounds. The importer rejects such a row.
   */
  cut?: Reason;
  /**
   * Set on the file's last row when no line break follows it: 'open-quote' when it ends inside
   * a quoted field. The importer takes such a row that also fails its shape for a truncated file.
   */
  unterminated?: 'no-line-break' | 'open-quote';
}

/** A record (one row) longer than this is cut: 1 MiB of text, far beyond any real call row. */
export const MAX_RECORD_CHARS = 1 << 20;
/** A quoted field spanning more lines than this is taken for an unterminated quote. */
export const MAX_RECORD_LINES = 1000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** at the start of a field (a quote there opens a quoted field) */
  FieldStart,
  /** in an unquoted field, or in the text after a quoted field's closing quote */
  Unquoted,
  Quoted,
  /** a quote inside a quoted field: doubled ("") or the closing one */
  QuoteInQuoted,
  /** a CR ended the row: a LF right after it belongs to it */
  AfterCr,
  /** a cut record: everything up to the next line break is dropped */
  Skipping,
}

export interface CsvLimits {
  maxRecordChars?: number;
  maxRecordLines?: number;
}

export class CsvReader {
  private readonly delimiter: number;
  private readonly maxChars: number;
  private readonly maxLines: number;
  private state = State.FieldStart;
  /** the line the reader is on */
  private line = 1;
  /** the current record: where it started, its cells so far, the field being read */
  private recordLine = 1;
  private cells: string[] = [];
  private field = '';
  private recordChars = 0;
  private recordLines = 0;
  /** whether anything of the current record has been read */
  private started = false;
  private quotedField = false;

  constructor(delimiter: string, limits: CsvLimits = {}) {
    if (delimiter.length !== 1) throw new Error(`a CSV delimiter is one character, not "${delimiter}"`);
    this.delimiter = delimiter.charCodeAt(0);
    this.maxChars = limits.maxRecordChars ?? MAX_RECORD_CHARS;
    this.maxLines = limits.maxRecordLines ?? MAX_RECORD_LINES;
  }

  /** The rows completed by this chunk; an unfinished last row waits for the next chunk. */
  push(chunk: string): Row[] {
    const rows: Row[] = [];
    this.parse(chunk, rows);
    return rows;
  }

  /** The last row, if the text did not end with a newline. */
  end(): Row[] {
    const rows: Row[] = [];
    const inQuotes = this.state === State.Quoted;
    const unfinished = this.started && this.state !== State.Skipping && this.state !== State.AfterCr;
    if (unfinished) {
      this.endRecord(rows);
      rows[rows.length - 1]!.unterminated = inQuotes ? 'open-quote' : 'no-line-break';
    }
    this.state = State.FieldStart;
    return rows;
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.quotedField = false;
  }

  private endRecord(rows: Row[]): void {
    this.endField();
    rows.push({ line: this.recordLine, cells: this.cells });
    this.newRecord();
  }

  private newRecord(): void {
    this.cells = [];
    this.field = '';
    this.recordChars = 0;
    this.recordLines = 0;
    this.started = false;
    this.quotedField = false;
    this.recordLine = this.line;
    this.state = State.FieldStart;
  }

  /** Drops the record being read and reports it as one cut row. */
  private cut(rows: Row[], why: Reason): void {
    rows.push({ line: this.recordLine, cells: [], cut: why });
    this.cells = [];
    this.field = '';
  }

  private tooLong(): Reason {
    return { key: 'importReason.rowTooLong', params: { max: this.maxChars.toLocaleString('en-US') } };
  }

  private parse(text: string, rows: Row[]): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          this.started = true;
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quotedField = true;
            this.recordChars++;
            i++;
          } else this.state = State.Unquoted;
          break;
        }
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          if (this.recordChars + (j - i) > this.maxChars) {
            this.cut(rows, this.tooLong());
            this.state = State.Skipping;
            i = j;
            break;
          }
          if (j > i) this.field += text.slice(i, j);
          this.recordChars += j - i + 1;
          if (j === n) {
            i = n;
            break;
          }
          const c = text.charCodeAt(j);
          i = j + 1;
          if (c === d) {
            this.endField();
            this.state = State.FieldStart;
          } else {
            this.line++;
            this.endRecord(rows);
            if (c === CR) this.state = State.AfterCr;
          }
          break;
        }
        case State.Quoted: {
          const close = text.indexOf('"', i);
          const end = close === -1 ? n : close;
          // Newlines inside the quotes: each is a line of the file, and the record may not span too many.
          let swallowed = false;
          for (let lf = text.indexOf('\n', i); lf !== -1 && lf < end; lf = text.indexOf('\n', lf + 1)) {
            this.line++;
            this.recordLines++;
            if (this.recordLines >= this.maxLines) {
              this.cut(rows, {
                key: 'importReason.rowRunsAway',
                params: { max: this.maxLines.toLocaleString('en-US'), resume: this.line },
              });
              this.newRecord();
              swallowed = true;
              i = lf + 1;
              break;
            }
          }
          if (swallowed) break;
          if (this.recordChars + (end - i) > this.maxChars) {
            this.cut(rows, this.tooLong());
            // The line breaks counted above stay counted: skipping resumes after `end`.
            this.state = State.Skipping;
            i = end;
            break;
          }
          this.field += text.slice(i, end);
          this.recordChars += end - i;
          if (close === -1) i = n;
          else {
            this.state = State.QuoteInQuoted;
            this.recordChars++;
            i = close + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.recordChars++;
            this.state = State.Quoted;
            i++;
          } else this.state = State.Unquoted; // sloppy exports put text after the closing quote: keep it
          break;
        }
        case State.AfterCr: {
          if (text.charCodeAt(i) === LF) i++;
          this.state = State.FieldStart;
          this.recordLine = this.line;
          break;
        }
        case State.Skipping: {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            i = n;
            break;
          }
          this.line++;
          this.newRecord();
          if (text.charCodeAt(j) === CR) this.state = State.AfterCr;
          i = j + 1;
          break;
        }
      }
    }
  }
}

/**
 * A streaming CSV reader (RFC 4180 plus what spreadsheets write): text goes in chunk by chunk,
 * complete rows come out with the line each starts on. Quoted fields may hold delimiters,
 * doubled quotes and newlines; rows end at LF, CRLF or a lone CR. It is lenient where exports are
 * sloppy (text after a closing quote is kept; an unterminated quote runs to the end of the file).
 *
 * Ours rather than papaparse's stream mode: that re-slices its buffer on every backpressure pause,
 * which made a 1M-row import quadratic (82 s); this one keeps only the unfinished row between
 * chunks and counts lines exactly, which rejected rows need.
 */

export interface Row {
  /** 1-based line of the file where the row starts */
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvReader {
  private tail = '';
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`a CSV delimiter is one character, not "${delimiter}"`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The rows completed by this chunk; an unfinished last row waits for the next chunk. */
  push(chunk: string): Row[] {
    return this.parse(this.tail + chunk, false);
  }

  /** The last row, if the text did not end with a newline. */
  end(): Row[] {
    return this.parse(this.tail, true);
  }

  private parse(text: string, final: boolean): Row[] {
    const rows: Row[] = [];
    const n = text.length;
    const d = this.delimiter;
    let rowStart = 0;
    let line = this.line;
    rows: while (rowStart < n) {
      const cells: string[] = [];
      let extraLines = 0; // newlines inside quoted fields
      let p = rowStart;
      for (;;) {
        let value: string;
        if (p < n && text.charCodeAt(p) === QUOTE) {
          value = '';
          let q = p + 1;
          for (;;) {
            const close = text.indexOf('"', q);
            if (close === -1 || (close === n - 1 && !final)) {
              // The closing quote (or whether a quote is doubled) is in the next chunk.
              if (!final) break rows;
              value += text.slice(q);
              p = n;
              break;
            }
            value += text.slice(q, close);
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += '"';
              q = close + 2;
              continue;
            }
            p = close + 1;
            break;
          }
          // Sloppy exports put text after the closing quote: keep it.
          let q2 = p;
          while (q2 < n) {
            const c = text.charCodeAt(q2);
            if (c === d || c === LF || c === CR) break;
            q2++;
          }
          if (q2 > p) value += text.slice(p, q2);
          p = q2;
          for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) extraLines++;
        } else {
          let q = p;
          while (q < n) {
            const c = text.charCodeAt(q);
            if (c === d || c === LF || c === CR) break;
            q++;
          }
          value = text.slice(p, q);
          p = q;
        }
        cells.push(value);
        if (p >= n) {
          if (!final) break rows; // the row may go on in the next chunk
          rows.push({ line, cells });
          rowStart = n;
          break rows;
        }
        const c = text.charCodeAt(p);
        if (c === d) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= n && !final) break rows; // a LF may follow in the next chunk
          p += text.charCodeAt(p + 1) === LF ? 2 : 1;
        } else p++;
        rows.push({ line, cells });
        line += 1 + extraLines;
        rowStart = p;
        continue rows;
      }
    }
    this.tail = text.slice(rowStart);
    this.line = line;
    return rows;
  }
}

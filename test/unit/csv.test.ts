import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, type Row } from '../../src-main/import/csv';
import { Random } from '../../src-main/demo/random';

function parseAll(text: string, delimiter = ',', chunks: number[] = []): Row[] {
  const reader = new CsvReader(delimiter);
  const rows: Row[] = [];
  let at = 0;
  for (const cut of [...chunks, text.length]) {
    rows.push(...reader.push(text.slice(at, cut)));
    at = cut;
  }
  rows.push(...reader.end());
  return rows;
}

describe('reading CSV', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, and numbers lines exactly', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\n3,,\n';
    expect(parseAll(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 3, cells: ['2', 'two\r\nlines', 'z'] },
      { line: 5, cells: ['3', '', ''] },
    ]);
  });

  it('takes tab, semicolon and pipe, lone CRs, a last line without newline, and blank lines', () => {
    expect(parseAll('a\tb\rc\td', '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'], unterminated: 'no-line-break' },
    ]);
    expect(parseAll('a;b\n\nc;d\n', ';').map((r) => r.cells)).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseAll('a|"b|c"', '|')[0]!.cells).toEqual(['a', 'b|c']);
  });

  it('is lenient with sloppy exports, and marks a last row without its line break', () => {
    expect(parseAll('"abc"def,x\n')[0]!.cells).toEqual(['abcdef', 'x']);
    expect(parseAll('a,"unterminated\nstill')).toEqual([
      { line: 1, cells: ['a', 'unterminated\nstill'], unterminated: 'open-quote' },
    ]);
    expect(parseAll('a,b\nc,"d"')[1]).toEqual({ line: 2, cells: ['c', 'd'], unterminated: 'no-line-break' });
    expect(parseAll('a,b\r\nc,d\r')[1]).toEqual({ line: 2, cells: ['c', 'd'] });
  });

  it('gives the same rows wherever the chunks are cut', () => {
    const rnd = new Random(3);
    const pieces = ['a', 'b,c', '"q,1"', '"x""y"', '"l1\nl2"', '', '中文', '"\r\n"'];
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) lines.push(Array.from({ length: 4 }, () => rnd.pick(pieces)).join(','));
    const text = lines.join(rnd.chance(0.5) ? '\r\n' : '\n') + '\r\n';
    const whole = parseAll(text);
    for (let cut = 0; cut <= text.length; cut++) expect(parseAll(text, ',', [cut])).toEqual(whole);
    for (let trial = 0; trial < 50; trial++) {
      const cuts = Array.from({ length: 6 }, () => rnd.int(0, text.length)).sort((a, b) => a - b);
      expect(parseAll(text, ',', cuts)).toEqual(whole);
    }
  });
});

describe('reading CSV: bounded on runaway records', () => {
  const limits = { maxRecordChars: 1000, maxRecordLines: 10 };
  function parseLimited(text: string, chunk = 64): Row[] {
    const reader = new CsvReader(',', limits);
    const rows: Row[] = [];
    for (let at = 0; at < text.length; at += chunk) rows.push(...reader.push(text.slice(at, at + chunk)));
    rows.push(...reader.end());
    return rows;
  }

  it('cuts an unterminated quote after the line limit and goes on with the next line', () => {
    const body = Array.from({ length: 30 }, (_, i) => `${i + 3},x`).join('\n');
    const rows = parseLimited(`a,b\n"open,1\n${body}\n`);
    expect(rows[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    // the record starting on line 2 swallows 10 line breaks (lines 2-11); reading resumes on line 12
    expect(rows[1]).toMatchObject({ line: 2, cells: [] });
    expect(rows[1]!.cut).toEqual({ key: 'importReason.rowRunsAway', params: { max: '10', resume: 12 } });
    expect(rows[2]).toEqual({ line: 12, cells: ['12', 'x'] });
    expect(rows.at(-1)).toEqual({ line: 32, cells: ['32', 'x'] });
    expect(rows).toHaveLength(2 + 21);
  });

  it('cuts a record longer than the size limit, skips to the next line and goes on', () => {
    for (const long of ['y'.repeat(5000), `"${'q'.repeat(5000)}"`, `"${'q'.repeat(5000)}`]) {
      const rows = parseLimited(`a,b\n1,${long},z\n2,w\n`);
      // an open quote is abandoned with the record: reading goes on at the next line either way
      expect(rows.map((r) => [r.line, r.cells, r.cut === undefined])).toEqual([
        [1, ['a', 'b'], true],
        [2, [], false],
        [3, ['2', 'w'], true],
      ]);
      expect(rows[1]!.cut).toEqual({ key: 'importReason.rowTooLong', params: { max: '1,000' } });
    }
  });

  it('stays linear: on an unterminated quote and on one endless line it visits each character a bounded number of times', () => {
    // Work counted, not timed: every character the reader looks at goes through charCodeAt or
    // indexOf, wrapped here to count how far each looks. Re-scanning the open record on every chunk
    // (the old quadratic reader) visited ~chunks/2 times each character; one pass visits it about once.
    const clean = '12345678,abcdefgh,some text 12345\n'.repeat(125_000); // 4.1 MB
    const quote = `"${clean}`;
    const line = 'x'.repeat(clean.length);
    const proto = String.prototype;
    const { charCodeAt, indexOf } = proto;
    const visitedReading = (text: string) => {
      let visited = 0;
      proto.charCodeAt = function (this: string, at: number) {
        visited++;
        return charCodeAt.call(this, at);
      };
      proto.indexOf = function (this: string, search: string, from = 0) {
        const found = indexOf.call(this, search, from);
        visited += (found === -1 ? this.length : found + search.length) - from;
        return found;
      };
      try {
        const reader = new CsvReader(',');
        let rows = 0;
        for (let at = 0; at < text.length; at += 65536)
          rows += reader.push(text.slice(at, at + 65536)).length;
        rows += reader.end().length;
        return { perChar: visited / text.length, rows };
      } finally {
        proto.charCodeAt = charCodeAt;
        proto.indexOf = indexOf;
      }
    };
    const base = visitedReading(clean);
    expect(base.rows).toBe(125_000);
    const q = visitedReading(quote);
    // the cut record (lines 1-1000, swallowed by the open quote), then every row from line 1001
    expect(q.rows).toBe(1 + 124_000);
    const l = visitedReading(line);
    expect(l.rows).toBe(1);
    for (const { perChar } of [base, q, l]) expect(perChar).toBeLessThan(3);
  });
});

/**
 * Property: our reader against an obviously-correct reference. csv-parse is not installed here, so
 * the reference is the whole text read character by character in one pass, with the same leniency
 * (a quote opens a quoted field only at a field's start; text after a closing quote is kept).
 */
function referenceParse(text: string, d: string): Row[] {
  const rows: Row[] = [];
  let openQuote = false;
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let atFieldStart = true;
  let started = false;
  while (i < text.length) {
    const c = text[i]!;
    started = true;
    if (atFieldStart && c === '"') {
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= text.length) {
          openQuote = true;
          break;
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\n') line++;
        field += text[i];
        i++;
      }
      continue;
    }
    atFieldStart = false;
    if (c === d) {
      cells.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\n' || c === '\r') {
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      atFieldStart = true;
      started = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (started) {
    cells.push(field);
    rows.push({ line: rowLine, cells, unterminated: openQuote ? 'open-quote' : 'no-line-break' });
  }
  return rows;
}

describe('reading CSV: property tests', () => {
  const chunkings = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 });
  const chunked = (text: string, sizes: number[], delimiter = ',') => {
    const cuts: number[] = [];
    let at = 0;
    for (let k = 0; at < text.length; k++) {
      at += sizes[k % sizes.length]!;
      if (at < text.length) cuts.push(at);
    }
    return parseAll(text, delimiter, cuts);
  };

  it('reads back any table written with quoting, mixed line ends, BOMs and empty fields', () => {
    const plain = fc.stringMatching(/^[a-z0-9 \uFEFF中文.-]{0,6}$/);
    const tricky = fc.stringMatching(/^[a-z"\r\n,;\uFEFF]{0,8}$/);
    const field = fc.oneof(
      plain.map((v) => ({ v, quoted: false })),
      tricky.map((v) => ({ v, quoted: true })),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 6 });
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(record, lineEnd), { minLength: 1, maxLength: 12 }),
        chunkings,
        (recs, sizes) => {
          let text = '';
          let line = 1;
          const expected: { line: number; cells: string[] }[] = [];
          let previousEnd = '';
          for (const [fields, chosenEnd] of recs) {
            const cells = fields.map((f) => f.v);
            expected.push({ line, cells });
            const written = fields.map((f) => (f.quoted ? `"${f.v.replace(/"/g, '""')}"` : f.v)).join(',');
            // a lone CR, then an empty row ended by LF, would be one CRLF
            const end = previousEnd === '\r' && written === '' && chosenEnd === '\n' ? '\r\n' : chosenEnd;
            previousEnd = end;
            text += written + end;
            for (const f of fields) if (f.quoted) line += f.v.split('\n').length - 1;
            line++;
          }
          expect(chunked(text, sizes)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads any text (stray quotes, CR/LF mixes, BOMs, empty fields) as the reference does, however chunked', () => {
    const text = fc.stringMatching(/^[ab,;"\r\n\uFEFF]{0,60}$/);
    fc.assert(
      fc.property(text, chunkings, fc.constantFrom(',', ';'), (t, sizes, d) => {
        expect(chunked(t, sizes, d)).toEqual(referenceParse(t, d));
      }),
      { numRuns: 1000 },
    );
  });
});

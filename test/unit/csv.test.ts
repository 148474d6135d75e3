import { describe, expect, it } from 'vitest';
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
      { line: 2, cells: ['c', 'd'] },
    ]);
    expect(parseAll('a;b\n\nc;d\n', ';').map((r) => r.cells)).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseAll('a|"b|c"', '|')[0]!.cells).toEqual(['a', 'b|c']);
  });

  it('is lenient with sloppy exports', () => {
    expect(parseAll('"abc"def,x\n')[0]!.cells).toEqual(['abcdef', 'x']);
    expect(parseAll('a,"unterminated\nstill')[0]!.cells).toEqual(['a', 'unterminated\nstill']);
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

/**
 * The call logs a spec writes for itself: a CSV in the test's folder, imported with the command
 * line as a user would (`app.cli`), or chosen on the Import page. Callscope's own layout is in
 * test/call-log.ts (CALLSCOPE_COLUMNS, CALLSCOPE_ALL_COLUMNS).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { App } from './fixtures';

export interface CsvShape {
  /** 'gbk' as Chinese dialers export (default UTF-8 without BOM) */
  encoding?: 'utf8' | 'gbk';
  /** '\r\n' as Windows exports (default '\n'); every line ends with it, the last one too */
  lineEnd?: '\n' | '\r\n';
}

/** Writes `lines` (the header first) as the CSV `name` in `dir`; returns its path. */
export function writeCsv(dir: string, name: string, lines: readonly string[], shape: CsvShape = {}): string {
  const lineEnd = shape.lineEnd ?? '\n';
  const text = lines.map((line) => line + lineEnd).join('');
  const file = path.join(dir, name);
  fs.writeFileSync(file, shape.encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  return file;
}

/** Writes the CSV in the test's folder and imports it with the CLI (`options`: the preset, --tz…). */
export function importCsv(app: App, name: string, lines: readonly string[], ...options: string[]): string {
  const file = writeCsv(app.dir, name, lines);
  app.cli(['import', file, ...options]);
  return file;
}

/** A time of day for the i-th call a spec writes, spread over the working day (09:00–16:59). */
export function clockOf(i: number): string {
  return `${String(9 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
}

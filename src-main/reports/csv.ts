/**
 * One CSV per report table, through the one CSV writer (csv-write.ts: UTF-8 with BOM, CRLF, text
 * cells neutralised against formula injection; numbers left alone: -12 stays a number): plain
 * numbers in the unit the header names, the totals row computed as the XLSX's formulas compute it.
 */
import type { ColumnType, Report, ReportTable } from '../../src-shared/reports-model';
import type { Language } from '../../src-shared/domain';
import { translate } from '../../src-shared/i18n';
import { toCsv } from '../csv-write';
import { cellDecimals, cellType, csvHeaderUnit, csvValue, totalsRow } from './cells';
import { zip } from './zip';

export function tableCsv(report: Report, table: ReportTable): string {
  const header = table.columns.map((c) => c.header + csvHeaderUnit(c.type, report.language, report.currency));
  // A column whose unit changes by row (the Summary's values) gets the unit spelled out per row.
  const byRowUnit = table.columns.some((c) => c.type === 'unit');
  if (byRowUnit) header.push(translate(report.language, 'reports.col.unit'));
  const rows = [...table.rows];
  if (table.totals && rows.length > 0)
    rows.push(totalsRow(table, translate(report.language, 'reports.total')));
  const body = rows.map((row) => {
    const fields = table.columns.map((c) =>
      csvValue(cellType(c, row), row[c.key] ?? null, cellDecimals(c, row)),
    );
    if (byRowUnit) {
      const unit = typeof row['unit'] === 'string' ? row['unit'] : 'text';
      fields.push(
        csvHeaderUnit(unit as ColumnType, report.language, report.currency).replace(/[()（）\s]/g, ''),
      );
    }
    return fields;
  });
  return toCsv([header, ...body]);
}

/**
 * `01-summary.csv`, `02-agents.csv`… in English, `01-汇总.csv`… in Chinese (the file names are
 * part of what the reader reads): the number keeps the report's order in any file listing.
 */
export function csvFileName(index: number, table: ReportTable, language: Language): string {
  const name = language === 'en' ? table.id : safeFileName(table.title) || table.id;
  return `${String(index + 1).padStart(2, '0')}-${name}.csv`;
}

/** A title as a file name on every OS: no path separators, reserved or control characters. */
function safeFileName(title: string): string {
  return (
    title
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
      .trim()
      .slice(0, 60)
  );
}

export function csvFiles(report: Report): { name: string; data: Buffer }[] {
  return report.tables.map((table, i) => ({
    name: csvFileName(i, table, report.language),
    data: Buffer.from(tableCsv(report, table), 'utf8'),
  }));
}

export function writeCsvZip(report: Report): Buffer {
  return zip(csvFiles(report), new Date(report.generatedAt));
}

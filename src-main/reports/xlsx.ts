/**
 * The workbook: one sheet per report table. Real numbers and dates with number formats, the header
 * frozen, widths from the content, and a totals row of formulas (SUM of counts; rates as the ratio
 * of the summed columns) with the computed values cached so any reader sees them before recalculating.
 */
import type ExcelJS from 'exceljs';
import type { Report, ReportColumn, ReportRow, ReportTable } from '../../src-shared/reports-model';
import { translate } from '../../src-shared/i18n';
import { cellDecimals, cellType, excelFormat, excelValue, totalsRow } from './cells';

/** Rows above the data: 1 the sheet's title line, 2 the column headers. */
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;

/** Display width in Excel's character units: a CJK character is about two Latin ones wide. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function columnWidth(column: ReportColumn, rows: ReportRow[]): number {
  const header = textWidth(column.header);
  if (column.type === 'text') {
    const longest = Math.max(0, ...rows.map((r) => textWidth(String(r[column.key] ?? ''))));
    return Math.min(40, Math.max(8, longest + 2, Math.min(header, 24) + 2));
  }
  if (column.type === 'day') return 12;
  return Math.min(24, Math.max(11, Math.ceil(header * 0.9) + 2));
}

function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
}

function writeTable(sheet: ExcelJS.Worksheet, report: Report, table: ReportTable): void {
  const { columns, rows } = table;
  sheet.getCell(1, 1).value = `${table.title} · ${report.periodLabel} · ${report.scopeLabel}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = {
      vertical: 'middle',
      wrapText: true,
      horizontal: c.type === 'text' ? 'left' : 'center',
    };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
  });
  header.height = 32;

  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(FIRST_DATA_ROW + r);
    columns.forEach((c, i) => {
      const type = cellType(c, row);
      const cell = sheetRow.getCell(i + 1);
      cell.value = excelValue(type, row[c.key] ?? null);
      const numFmt = excelFormat(type, report.currency, cellDecimals(c, row));
      if (numFmt) cell.numFmt = numFmt;
    });
  });

  let after = FIRST_DATA_ROW + rows.length;
  if (table.totals && rows.length > 0) {
    const totals = totalsRow(table, translate(report.language, 'reports.total'));
    const last = FIRST_DATA_ROW + rows.length - 1;
    const letter = (key: string) => sheet.getColumn(columns.findIndex((c) => c.key === key) + 1).letter;
    const sheetRow = sheet.getRow(after);
    columns.forEach((c, i) => {
      const cell = sheetRow.getCell(i + 1);
      const cached = excelValue(cellType(c, totals), totals[c.key] ?? null);
      const col = sheet.getColumn(i + 1).letter;
      if (c.total.kind === 'sum') {
        cell.value = { formula: `SUM(${col}${FIRST_DATA_ROW}:${col}${last})`, result: cached as number };
      } else if (c.total.kind === 'ratio') {
        const num = `${letter(c.total.numerator)}${after}`;
        const den = `${letter(c.total.denominator)}${after}`;
        // a money or duration ratio keeps the unit its numerator cell already has in Excel
        cell.value = { formula: `IF(${den}=0,"",${num}/${den})`, result: (cached ?? '') as number | string };
      } else cell.value = cached;
      const numFmt = excelFormat(cellType(c, totals), report.currency, cellDecimals(c, totals));
      if (numFmt) cell.numFmt = numFmt;
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin', color: { argb: 'FF8A94A6' } } };
    });
    after++;
  }

  const notes = [...(table.id === 'summary' ? report.lines : []), ...(table.note ? [table.note] : [])];
  notes.forEach((line, i) => {
    const cell = sheet.getCell(after + 1 + i, 1);
    cell.value = line;
    cell.font = { italic: true, color: { argb: 'FF5B6472' } };
  });

  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = columnWidth(c, rows)));
  sheet.views = [{ state: 'frozen', xSplit: table.id === 'agents' ? 3 : 1, ySplit: HEADER_ROW }];
}

export async function writeXlsx(report: Report): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs alone is ~0.2 s of every launch.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Callscope';
  workbook.created = new Date(report.generatedAt);
  workbook.title = `${report.title} ${report.periodLabel}`;
  const used = new Set<string>();
  for (const table of report.tables) {
    writeTable(workbook.addWorksheet(sheetName(table.title, used)), report, table);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * One column type, three renderings: the value an XLSX cell holds (with its number format), the
 * value a CSV field holds, and the text a PDF cell shows. Every writer goes through here, so a
 * column is defined once and reads the same in each format.
 */
import type { Language } from '../../src-shared/domain';
import { ratio } from '../../src-shared/kpi';
import type {
  CellValue,
  ColumnType,
  ReportColumn,
  ReportRow,
  ReportTable,
} from '../../src-shared/reports-model';

/** The type of one cell: the column's, or for a `unit` column the one its row names. */
export function cellType(column: ReportColumn, row: ReportRow): ColumnType {
  if (column.type !== 'unit') return column.type;
  const unit = row['unit'];
  return typeof unit === 'string' && unit !== 'unit' ? (unit as ColumnType) : 'text';
}

export function cellDecimals(column: ReportColumn, row: ReportRow): number {
  const fromRow = column.type === 'unit' ? row['decimals'] : undefined;
  return typeof fromRow === 'number' ? fromRow : (column.decimals ?? 0);
}

function sumOf(table: ReportTable, key: string): number {
  let total = 0;
  for (const row of table.rows) {
    const v = row[key];
    if (typeof v === 'number') total += v;
  }
  return total;
}

/** The totals row's values (the XLSX writes them as formulas too, with these as cached results). */
export function totalsRow(table: ReportTable, label: string): ReportRow {
  const out: ReportRow = {};
  for (const column of table.columns) {
    const total = column.total;
    if (total.kind === 'label') out[column.key] = label;
    else if (total.kind === 'sum') out[column.key] = sumOf(table, column.key);
    else if (total.kind === 'ratio')
      out[column.key] = ratio(sumOf(table, total.numerator), sumOf(table, total.denominator));
    else out[column.key] = null;
  }
  return out;
}

const CURRENCY_SYMBOL: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$' };

/** Excel number formats per type. Durations are days (Excel's time unit) shown as hours:minutes:seconds. */
export function excelFormat(type: ColumnType, currency: string, decimals: number): string | undefined {
  switch (type) {
    case 'count':
      return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    case 'percent':
      return '0.0%';
    case 'duration':
      return '[h]:mm:ss';
    case 'money': {
      const symbol = CURRENCY_SYMBOL[currency] ?? currency + ' ';
      return `"${symbol}"#,##0.00;-"${symbol}"#,##0.00`;
    }
    case 'day':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}

/** The value an XLSX cell holds: numbers as numbers, days as dates, durations as fractions of a day. */
export function excelValue(type: ColumnType, value: CellValue): number | string | Date | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (type === 'day') return new Date(`${value}T00:00:00Z`);
    return value;
  }
  switch (type) {
    case 'duration':
      return value / 86_400;
    case 'money':
      return value / 100;
    default:
      return value;
  }
}

/** The CSV field: plain numbers in the unit the header names (%, s, currency); text as it is. */
export function csvValue(type: ColumnType, value: CellValue, decimals: number): number | string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  switch (type) {
    case 'percent':
      return Number((value * 100).toFixed(2));
    case 'duration':
      return Number(value.toFixed(1));
    case 'money':
      return Number((value / 100).toFixed(2));
    case 'count':
      return Number(value.toFixed(decimals));
    default:
      return value;
  }
}

/** The unit a CSV header names, since the CSV carries plain numbers. */
export function csvHeaderUnit(type: ColumnType | 'unit', language: Language, currency: string): string {
  switch (type) {
    case 'percent':
      return ' (%)';
    case 'duration':
      return language === 'zh-CN' ? '（秒）' : ' (s)';
    case 'money':
      return ` (${currency})`;
    default:
      return '';
  }
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, options);
    formats.set(key, f);
  }
  return f;
}

/** hours:minutes:seconds, hours unbounded (a month's talk time runs to hundreds of hours). */
export function clockDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The text a printed cell shows: exact numbers (a report is checked, not glanced at), "–" for no data. */
export function displayText(
  type: ColumnType,
  value: CellValue,
  language: Language,
  currency: string,
  decimals: number,
): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'count':
      return numberFormat(language, {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }).format(value);
    case 'percent':
      return numberFormat(language, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'auto',
      }).format(value);
    case 'duration':
      return clockDuration(value);
    case 'money':
      return numberFormat(language, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value / 100);
    default:
      return String(value);
  }
}

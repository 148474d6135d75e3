/**
 * One formatter per KPI column of a table (`Formatters.column`), each chosen from all of that
 * column's values, so a column reads in one unit and precision: "¥10.11万" and "¥63,772" must
 * not share one.
 */
import { KPI_DEFINITIONS, type KpiKey } from '../../../src-shared/kpi';
import type { Formatters } from '../../i18n/language';

export type ColumnFormats<K extends KpiKey> = Record<K, (value: number | null) => string>;

export function columnFormats<K extends KpiKey>(
  f: Formatters,
  columns: readonly K[],
  rows: readonly Record<K, number | null>[],
): ColumnFormats<K> {
  const formats: Partial<ColumnFormats<K>> = {};
  for (const key of columns) {
    formats[key] = f.column(
      KPI_DEFINITIONS[key].unit,
      rows.map((r) => r[key]),
    );
  }
  return formats as ColumnFormats<K>;
}

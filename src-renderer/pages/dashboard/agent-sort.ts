/** Sorting the agent table: by any KPI column or by name; "no data" always sinks to the bottom. */
import type { MetricsRow } from '../../../src-shared/api';
import type { KpiKey } from '../../../src-shared/kpi';

export type SortColumn = KpiKey | 'agent';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

function agentLabel(row: MetricsRow): string {
  return row.label ?? row.key ?? '';
}

export function sortAgentRows(rows: readonly MetricsRow[], order: SortOrder, locale: string): MetricsRow[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true });
  const byName = (a: MetricsRow, b: MetricsRow) =>
    collator.compare(agentLabel(a), agentLabel(b)) || collator.compare(a.key ?? '', b.key ?? '');
  const column = order.column;
  if (column === 'agent') return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** A first click on a number column sorts best-first (descending); on the name column A→Z. */
export function nextOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'agent' ? 'asc' : 'desc' };
}

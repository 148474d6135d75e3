/**
 * Sorting the leaderboard: by any KPI column, by name or by team, by pace against target or by the
 * change against the previous period; "no data" always sinks to the bottom.
 */
import type { MetricsRow } from '../../../src-shared/api';
import type { KpiKey } from '../../../src-shared/kpi';
import { compareText } from '../../../src-shared/collate';

export type SortColumn = KpiKey | 'agent' | 'team' | 'pace' | 'change';

/** The values of the columns that are not the row's own KPIs (pace and change come from elsewhere). */
export interface DerivedValues<T> {
  pace?: (row: T) => number | null;
  change?: (row: T) => number | null;
}
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

type SortableRow = MetricsRow & { teamName?: string | null };

/** The name a row sorts by (its label, else its key). */
function sortName(row: MetricsRow): string {
  return row.label ?? row.key ?? '';
}

export function sortAgentRows<T extends SortableRow>(
  rows: readonly T[],
  order: SortOrder,
  derived: DerivedValues<T> = {},
): T[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) =>
    compareText(sortName(a), sortName(b)) || compareText(a.key ?? '', b.key ?? '');
  const column = order.column;
  if (column === 'agent') return [...rows].sort((a, b) => sign * byName(a, b));
  if (column === 'team') {
    return [...rows].sort((a, b) => {
      const x = a.teamName ?? null;
      const y = b.teamName ?? null;
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      return sign * compareText(x, y) || byName(a, b);
    });
  }
  const valueOf =
    column === 'pace' || column === 'change'
      ? (row: T) => derived[column]?.(row) ?? null
      : (row: T) => row[column];
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/**
 * A first click on a KPI column sorts best-first (descending); on a name column A→Z; on pace and
 * change worst-first (ascending): those columns are read to find who is behind or slipping.
 */
export function nextOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const ascending = ['agent', 'team', 'pace', 'change'].includes(column);
  return { column, direction: ascending ? 'asc' : 'desc' };
}

/** Sorting the leaderboard: by any KPI column, by name or by team; "no data" always sinks to the bottom. */
import type { MetricsRow } from '../../../src-shared/api';
import type { KpiKey } from '../../../src-shared/kpi';
import { compareText } from '../../../src-shared/collate';

export type SortColumn = KpiKey | 'agent' | 'team';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

type SortableRow = MetricsRow & { teamName?: string | null };

function agentLabel(row: MetricsRow): string {
  return row.label ?? row.key ?? '';
}

export function sortAgentRows<T extends SortableRow>(rows: readonly T[], order: SortOrder): T[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) =>
    compareText(agentLabel(a), agentLabel(b)) || compareText(a.key ?? '', b.key ?? '');
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
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** A first click on a number column sorts best-first (descending); on a name column A→Z. */
export function nextOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'agent' || column === 'team' ? 'asc' : 'desc' };
}

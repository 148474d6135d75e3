/** Per-agent KPIs for the filtered range (`metrics.breakdown` by agent), sortable by every column. */
import { useMemo, useState } from 'react';
import type { MetricsRow, Output } from '../../../src-shared/api';
import { KPI_DEFINITIONS, type KpiKey } from '../../../src-shared/kpi';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { nextOrder, sortAgentRows, type SortColumn, type SortOrder } from './agent-sort';

export const AGENT_COLUMNS = [
  'dials',
  'connects',
  'connectRate',
  'effective',
  'talkSeconds',
  'avgTalkSeconds',
  'intents',
  'sales',
  'conversionRate',
  'revenue',
] as const satisfies readonly KpiKey[];

const DEFAULT_ORDER: SortOrder = { column: 'dials', direction: 'desc' };

export function AgentTable({ query }: { query: ApiQuery<Output<'metrics.breakdown'>> }) {
  const t = useT();
  const count = query.data?.rows.length;
  return (
    <Panel
      title={t('dashboard.agents.title')}
      subtitle={count === undefined ? undefined : t('dashboard.agents.count', { count })}
      className="agents-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={8} lineHeight={18} />}>
        {(data) => <SortableAgentTable rows={data.rows} stale={query.loading} />}
      </QueryView>
    </Panel>
  );
}

function SortableAgentTable({ rows, stale }: { rows: MetricsRow[]; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  const sorted = useMemo(() => sortAgentRows(rows, order, f.language), [rows, order, f.language]);
  const sortBy = (column: SortColumn) => setOrder((o) => nextOrder(o, column));

  return (
    <div className="table-scroll table-scroll--agents">
      {/* As the KPI tiles: rows of a previous filter are not "the" agent table (see KpiTile). */}
      <table className="data-table" data-testid={stale ? undefined : 'agent-table'}>
        <thead>
          <tr>
            <SortHeader column="agent" label={t('dashboard.agents.agent')} order={order} onSort={sortBy} />
            {AGENT_COLUMNS.map((kpi) => (
              <SortHeader
                key={kpi}
                column={kpi}
                label={t(`kpi.${kpi}`)}
                order={order}
                onSort={sortBy}
                numeric
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.id ?? row.key} data-agent-code={row.key ?? ''}>
              <th scope="row" className="data-table__agent">
                <span className="agent-name">{row.label ?? row.key}</span>
                {row.label && row.key && row.label !== row.key ? (
                  <span className="agent-code">{row.key}</span>
                ) : null}
              </th>
              {AGENT_COLUMNS.map((kpi) => (
                <td
                  key={kpi}
                  className={row[kpi] === null ? 'num is-empty' : 'num'}
                  data-col={kpi}
                  data-value={row[kpi] ?? ''}
                >
                  {f.kpi(KPI_DEFINITIONS[kpi].unit, row[kpi])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SortHeaderProps {
  column: SortColumn;
  label: string;
  order: SortOrder;
  onSort(column: SortColumn): void;
  numeric?: boolean;
}

function SortHeader({ column, label, order, onSort, numeric }: SortHeaderProps) {
  const active = order.column === column;
  const ariaSort = active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={ariaSort}>
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => onSort(column)}
        data-testid={`sort-${column}`}
      >
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (order.direction === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </th>
  );
}

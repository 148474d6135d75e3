/**
 * The range's KPIs per team (`metrics.breakdown` by team): a table whose cells carry a bar scaled
 * to the column's best team, so a glance compares teams and the exact figure is right there.
 */
import type { Filter, MetricsRow, Output } from '../../../src-shared/api';
import type { KpiKey } from '../../../src-shared/kpi';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { columnFormats } from './column-formats';
import { HowComputed } from './HowComputed';
import { ExportButtons } from '../review/ExportButtons';
import { NoCallsMark } from '../people/NoCallsMark';

export const TEAM_COLUMNS = [
  'dials',
  'connectRate',
  'effectiveTalkSeconds',
  'sales',
  'conversionRate',
  'revenue',
] as const satisfies readonly KpiKey[];

export function TeamComparison({
  query,
  filter,
}: {
  query: ApiQuery<Output<'metrics.breakdown'>>;
  /** the filter the table shows, for its export */
  filter?: Filter | null;
}) {
  const t = useT();
  const title = t('dashboard.teams.title');
  return (
    <Panel
      title={title}
      actions={
        <>
          {filter ? <ExportButtons table="teams" query={{ filter }} testId="teams-export" /> : null}
          <HowComputed title={title} formula={t('dashboard.teams.formula')} testId="teams-info" />
        </>
      }
      className="teams-panel"
      testId="teams-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={4} lineHeight={18} />}>
        {(data) => <TeamTable rows={data.rows} stale={query.loading} />}
      </QueryView>
    </Panel>
  );
}

function TeamTable({ rows, stale }: { rows: MetricsRow[]; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  // Teams by dials, "no team" last: it is not a team to compare with.
  const sorted = [...rows].sort(
    (a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || b.dials - a.dials,
  );
  const max = Object.fromEntries(
    TEAM_COLUMNS.map((k) => [k, Math.max(0, ...rows.map((r) => r[k] ?? 0))]),
  ) as Record<(typeof TEAM_COLUMNS)[number], number>;
  // One unit per column: "¥10.11万" and "¥63,772" must not share one.
  const format = columnFormats(f, TEAM_COLUMNS, rows);
  return (
    <div className="table-scroll">
      <table className="data-table team-table" data-testid={stale ? undefined : 'team-table'}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.teams.team')}</th>
            {TEAM_COLUMNS.map((k) => (
              <th key={k} scope="col" className="num">
                {t(`kpi.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.id ?? 'none'} data-team-id={row.id ?? ''}>
              <th scope="row" className={row.id === null ? 'team-table__none' : undefined}>
                {row.label ?? t('dashboard.teams.noTeam')}
                <NoCallsMark dials={row.dials} />
              </th>
              {TEAM_COLUMNS.map((k) => {
                const value = row[k];
                const share = value === null || max[k] === 0 ? 0 : value / max[k];
                return (
                  <td key={k} className="num bar-cell" data-col={k} data-value={value ?? ''}>
                    <span className="bar-cell__bar" style={{ width: `${share * 100}%` }} aria-hidden="true" />
                    <span className="bar-cell__text">{format[k](value)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

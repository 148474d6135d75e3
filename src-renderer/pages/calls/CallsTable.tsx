/**
 * Calls one row each, as many as the filter matches: pages load as the user scrolls near the end
 * and only the rows in view are rendered (see useRowWindow), so it stays smooth however far down.
 * Used by the calls explorer and, with the agent fixed, by the agent page.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { CallRow, CallSort, CallsQuery } from '../../../src-shared/api';
import type { MessageKey } from '../../../src-shared/i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RecordingIcon } from '../../components/RecordingIcon';
import { SkeletonBlock } from '../../components/Skeleton';
import { agentHref } from '../../hooks/useHashRoute';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';
import type { CallsSort } from '../../stores/calls-filters';
import { formatClock } from './clock';
import { useCallPages } from './useCallPages';
import { useRowWindow } from './useRowWindow';
import { visibleText } from '../../../src-shared/visible-text';

/** Fixed row height (px), also set in calls.css: the window arithmetic depends on it. */
export const CALL_ROW_HEIGHT = 32;
/** Ask for the next page when the view comes this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 40;

type ColumnId =
  | 'date'
  | 'time'
  | 'agent'
  | 'team'
  | 'campaign'
  | 'direction'
  | 'disposition'
  | 'talk'
  | 'ring'
  | 'outcome'
  | 'amount'
  | 'phone'
  | 'recording';

interface Column {
  id: ColumnId;
  label: MessageKey;
  sort?: CallSort;
  /**
   * sortable only when one agent's calls are listed: over a whole floor nothing keeps the calls in
   * this order (an index would slow every import), so a page would read and sort the whole range
   */
  sortsOneAgentOnly?: boolean;
  numeric?: boolean;
  /** part of "who" (hidden where the agent is fixed) */
  agentColumn?: boolean;
  cell(row: CallRow, t: Translate, f: Formatters): ReactNode;
}

const COLUMNS: readonly Column[] = [
  { id: 'date', label: 'calls.col.date', sort: 'startedAt', cell: (r) => r.day },
  { id: 'time', label: 'calls.col.time', cell: (r) => r.time },
  {
    id: 'agent',
    label: 'calls.col.agent',
    agentColumn: true,
    cell: (r) => (
      <a href={agentHref(r.agentId)} className="calls-table__agent" data-testid="call-agent-link">
        <span className="agent-code">{r.agentCode}</span>
        {r.agentName ? <span className="calls-table__agent-name">{visibleText(r.agentName)}</span> : null}
      </a>
    ),
  },
  { id: 'team', label: 'calls.col.team', agentColumn: true, cell: (r) => r.teamName ?? '—' },
  { id: 'campaign', label: 'calls.col.campaign', cell: (r) => r.campaign ?? '—' },
  { id: 'direction', label: 'calls.col.direction', cell: (r, t) => t(`calls.direction.${r.direction}`) },
  {
    id: 'disposition',
    label: 'calls.col.disposition',
    cell: (r, t) => (
      <span className={`call-tag call-tag--${r.disposition}`}>
        {t(`import.disposition.${r.disposition}`)}
      </span>
    ),
  },
  {
    id: 'talk',
    label: 'calls.col.talk',
    sort: 'talkSeconds',
    numeric: true,
    cell: (r) => formatClock(r.talkSeconds),
  },
  {
    id: 'ring',
    label: 'calls.col.ring',
    sort: 'ringSeconds',
    sortsOneAgentOnly: true,
    numeric: true,
    cell: (r) => formatClock(r.ringSeconds),
  },
  {
    id: 'outcome',
    label: 'calls.col.outcome',
    cell: (r, t) => (r.outcome === 'none' ? '' : t(`import.outcome.${r.outcome}`)),
  },
  {
    id: 'amount',
    label: 'calls.col.amount',
    sort: 'saleAmount',
    numeric: true,
    // 0 is "no sale" on almost every row: a column of ¥0 would hide the few amounts that matter.
    cell: (r, _t, f) => (r.saleAmount === 0 ? '' : f.money(r.saleAmount)),
  },
  { id: 'phone', label: 'calls.col.phone', cell: (r) => r.phone ?? '—' },
  {
    id: 'recording',
    label: 'calls.col.recording',
    // Whether the file is there (found by reference, name pattern or index), not a cut-off path.
    cell: (r, t) => <RecordingMark has={r.hasRecording ?? false} reference={r.recording} t={t} />,
  },
];

interface CallsTableProps {
  query: CallsQuery | null;
  sort: CallsSort;
  onSort(column: CallSort): void;
  /** the agent is fixed (agent page): no agent and team columns */
  hideAgent?: boolean;
  /** the matching calls when known (for screen readers and the footer) */
  total?: { count: number; capped: boolean } | null;
  /** what to show when nothing matches */
  empty: ReactNode;
  ariaLabel: string;
  className?: string;
}

export function CallsTable({
  query,
  sort,
  onSort,
  hideAgent,
  total,
  empty,
  ariaLabel,
  className,
}: CallsTableProps) {
  const t = useT();
  const f = useFormat();
  const pages = useCallPages(query, sort);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const columns = hideAgent ? COLUMNS.filter((c) => !c.agentColumn) : COLUMNS;
  const win = useRowWindow(scrollEl, pages.rows.length, CALL_ROW_HEIGHT);
  const { loadMore, rowsKey } = pages;

  // Near the end of what is loaded: fetch the next page before the user gets there.
  const nearEnd = win.end >= pages.rows.length - PREFETCH_ROWS;
  useEffect(() => {
    if (nearEnd) loadMore();
  }, [nearEnd, loadMore, pages.rows.length]);

  // A new query's rows start at the top.
  useEffect(() => {
    scrollEl?.scrollTo({ top: 0 });
  }, [rowsKey, scrollEl]);

  const firstLoad = pages.rows.length === 0 && pages.loading;
  const nothing = !pages.loading && !pages.error && pages.complete && pages.rows.length === 0;
  const knownTotal = total && !total.capped && !pages.stale ? total.count : -1;

  return (
    <div className={className ? `calls-table-wrap ${className}` : 'calls-table-wrap'}>
      {pages.error && pages.rows.length === 0 ? (
        <ErrorMessage error={pages.error} onRetry={pages.retry} />
      ) : nothing ? (
        empty
      ) : firstLoad ? (
        <div className="calls-table-scroll">
          <SkeletonBlock lines={10} lineHeight={18} />
        </div>
      ) : (
        <div
          ref={setScrollEl}
          className="calls-table-scroll table-scroll"
          // Focusable so the keyboard scrolls it (arrows, Page Up/Down, Home/End).
          tabIndex={0}
          role="region"
          aria-label={ariaLabel}
        >
          <table
            className={pages.stale ? 'data-table calls-table is-stale' : 'data-table calls-table'}
            data-testid="calls-table"
            data-loaded={pages.rows.length}
            data-complete={pages.complete}
            data-loading={pages.loading}
            aria-busy={pages.stale}
            aria-rowcount={knownTotal === -1 ? -1 : knownTotal + 1}
          >
            <colgroup>
              {columns.map((c) => (
                <col key={c.id} className={`calls-col--${c.id}`} />
              ))}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                {columns.map((c) => (
                  <HeaderCell
                    key={c.id}
                    column={c}
                    sort={sort}
                    onSort={onSort}
                    label={t(c.label)}
                    oneAgent={query?.filter.agentId !== undefined}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {win.before > 0 ? <Spacer height={win.before} columns={columns.length} /> : null}
              {pages.rows.slice(win.start, win.end).map((row, i) => (
                <tr key={row.id} data-call-id={row.id} aria-rowindex={win.start + i + 2}>
                  {columns.map((c) => (
                    <td key={c.id} className={c.numeric ? `num calls-cell--${c.id}` : `calls-cell--${c.id}`}>
                      {c.cell(row, t, f)}
                    </td>
                  ))}
                </tr>
              ))}
              {win.after > 0 ? <Spacer height={win.after} columns={columns.length} /> : null}
            </tbody>
          </table>
        </div>
      )}
      {pages.rows.length > 0 ? (
        <div className="calls-table-footer" role="status" data-testid="calls-loaded">
          {pages.error ? (
            <ErrorMessage error={pages.error} onRetry={pages.retry} compact />
          ) : pages.complete ? (
            t('calls.allShown', { count: f.count(pages.rows.length) })
          ) : (
            t('calls.loadedSoFar', { count: f.count(pages.rows.length) })
          )}
          {pages.loading && !pages.error ? <span className="spinner" aria-hidden="true" /> : null}
        </div>
      ) : null}
    </div>
  );
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="calls-table__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
  label,
  oneAgent,
}: {
  column: Column;
  sort: CallsSort;
  onSort(column: CallSort): void;
  label: string;
  oneAgent: boolean;
}) {
  const className = column.numeric ? 'num' : undefined;
  if (!column.sort || (column.sortsOneAgentOnly && !oneAgent && sort.sort !== column.sort)) {
    return (
      <th scope="col" className={className}>
        <span className="calls-table__head">{label}</span>
      </th>
    );
  }
  const key = column.sort;
  const active = sort.sort === key;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => onSort(key)}
        data-testid={`calls-sort-${key}`}
      >
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (sort.order === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The icon when the call's recording file is found; a struck-through one when its reference names a missing file. */
function RecordingMark({ has, reference, t }: { has: boolean; reference: string | null; t: Translate }) {
  if (has) return <RecordingIcon label={t('recordings.has')} />;
  if (reference === null) return <span aria-label={t('recordings.none')}>—</span>;
  return <RecordingIcon label={`${t('recordings.missing')}: ${reference}`} missing />;
}

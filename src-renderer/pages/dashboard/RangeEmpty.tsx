/** The range has no calls although the workspace has: say so, and offer the latest month with data. */
import type { DayRange } from '../../../src-shared/periods';
import { startOfMonth } from '../../../src-shared/time';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/language';
import { useFilters } from '../../stores/filters';
import type { WorkspaceInfo } from '../../stores/workspace';

export function RangeEmpty({ range, info }: { range: DayRange; info: WorkspaceInfo }) {
  const t = useT();
  const setFrom = useFilters((s) => s.setFrom);
  const { firstDay, lastDay } = info;
  const showLastDay = () => {
    if (!lastDay) return;
    setFrom(lastDay, { from: lastDay, to: lastDay }); // a custom range of that one day
  };
  const showLatest = () => {
    if (!firstDay || !lastDay) return;
    const monthStart = startOfMonth(lastDay);
    setFrom(monthStart < firstDay ? firstDay : monthStart, { from: lastDay, to: lastDay });
  };
  return (
    <EmptyState
      testId="range-empty"
      title={
        range.from === range.to
          ? t('dashboard.emptyRange.titleDay', { day: range.from })
          : t('dashboard.emptyRange.title', { from: range.from, to: range.to })
      }
      actions={
        firstDay && lastDay ? (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={showLastDay}
              data-testid="show-last-day"
            >
              {t('dashboard.emptyRange.lastCallDay', { day: lastDay })}
            </button>
            <button type="button" className="button" onClick={showLatest} data-testid="show-latest">
              {t('dashboard.emptyRange.showLatest')}
            </button>
          </>
        ) : null
      }
    >
      {firstDay && lastDay ? <p>{t('dashboard.emptyRange.text', { from: firstDay, to: lastDay })}</p> : null}
    </EmptyState>
  );
}

/** `#/reports`: the monthly summary builder, its downloads, and month close. */
import { useState } from 'react';
import { lastMonth } from '../../../src-shared/reports-model';
import { useLanguage, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { MonthClosePanel } from './MonthClosePanel';
import { ReportBuilder, specOf, type BuilderState } from './ReportBuilder';
import { ReportDownloads } from './ReportDownloads';

function initialState(today: string, language: BuilderState['language']): BuilderState {
  const month = lastMonth(today);
  return {
    kind: 'month',
    month,
    year: Number(month.slice(0, 4)),
    quarter: Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1,
    from: `${month}-01`,
    to: today,
    scope: 'floor',
    teamId: null,
    agentId: null,
    language,
  };
}

export function ReportsPage() {
  const t = useT();
  const language = useLanguage();
  const today = useWorkspace((s) => s.info?.today ?? '');
  const [state, setState] = useState(() => initialState(today, language));
  const spec = specOf(state);
  return (
    <div className="page page--reports">
      <header className="page__header">
        <h1 className="page__title">{t('reports.page.title')}</h1>
        <p className="page__lead">{t('reports.page.subtitle')}</p>
      </header>
      <div className="reports-grid">
        <ReportBuilder state={state} onChange={setState} />
        <div className="reports-side">
          <ReportDownloads spec={spec} />
          <MonthClosePanel month={spec?.period.kind === 'month' ? spec.period.month : null} />
        </div>
      </div>
    </div>
  );
}

/**
 * The audit-score KPI as a compact tile beside the dashboard's derived rates: the mean of the final
 * percentages of the audits submitted for calls in the filter's period (DESIGN.md).
 */
import type { Filter } from '../../../src-shared/api';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { HowComputed } from '../dashboard/HowComputed';

export function AuditScoreTile({ filter }: { filter: Filter | null }) {
  const t = useT();
  const f = useFormat();
  const query = useApiQuery('audits.summary', filter ? { filter } : null);
  const summary = query.data;
  const value = summary?.auditScore ?? null;
  const label = t('audits.kpi.auditScore');
  return (
    <div
      className={['kpi-tile', 'kpi-tile--compact', value === null ? 'is-empty' : '']
        .filter(Boolean)
        .join(' ')}
      data-testid={query.loading ? undefined : 'kpi-auditScore'}
      data-value={value ?? ''}
      aria-busy={query.loading}
    >
      <div className="kpi-tile__head">
        <span className="kpi-tile__label" title={label}>
          {label}
        </span>
        <HowComputed title={label} formula={t('audits.kpi.auditScoreFormula')} testId="kpi-info-auditScore" />
      </div>
      <div className="kpi-tile__body">
        <div className="kpi-tile__value">{f.percent(value === null ? null : value / 100)}</div>
        <div className="kpi-tile__change is-none">
          {summary ? t('audits.kpi.auditCount', { count: f.count(summary.audits) }) : ''}
        </div>
      </div>
    </div>
  );
}

/** The KPIs a note talks about: a compact grid of the numbers (frozen, or a preview of them). */
import type { KpiValues } from '../../../src-shared/kpi';
import { KPI_DEFINITIONS } from '../../../src-shared/kpi';
import { useFormat, useT } from '../../i18n/language';

/** The numbers a coaching conversation is about: activity, quality, results. */
export const NOTE_KPIS = [
  'dials',
  'connectRate',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'sales',
  'conversionRate',
  'revenue',
] as const;

export function KpiGrid({ values, testId }: { values: KpiValues; testId?: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <dl className="kpi-grid" data-testid={testId}>
      {NOTE_KPIS.map((key) => (
        <div key={key} className="kpi-grid__item" data-kpi={key} data-value={values[key] ?? ''}>
          <dt>{t(`kpi.${key}`)}</dt>
          <dd>{f.kpi(KPI_DEFINITIONS[key].unit, values[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

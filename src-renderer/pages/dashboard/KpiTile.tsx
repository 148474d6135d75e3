/** One KPI: its value, the change against the previous period, and how it is computed. */
import { change, KPI_DEFINITIONS, type KpiKey } from '../../../src-shared/kpi';
import type { DayRange } from '../../../src-shared/periods';
import { InfoPopover } from '../../components/InfoPopover';
import { useFormat, useT } from '../../i18n/language';

interface KpiTileProps {
  kpi: KpiKey;
  value: number | null;
  previousValue: number | null;
  previousRange: DayRange;
  thresholdSeconds: number;
  stale: boolean;
}

export function KpiTile({ kpi, value, previousValue, previousRange, thresholdSeconds, stale }: KpiTileProps) {
  const t = useT();
  const f = useFormat();
  const definition = KPI_DEFINITIONS[kpi];
  const label = t(`kpi.${kpi}`);
  const formula = t(definition.formula, { threshold: thresholdSeconds });

  return (
    <div
      className={value === null ? 'kpi-tile is-empty' : 'kpi-tile'}
      // While a new answer loads, the old value stays visible (dimmed) but is not "the KPI of the
      // current filter": it drops its test id, so tests that read numbers wait for the fresh tile.
      data-testid={stale ? undefined : `kpi-${kpi}`}
      data-value={value ?? ''}
      aria-busy={stale}
    >
      <div className="kpi-tile__head">
        <span className="kpi-tile__label" title={label}>
          {label}
        </span>
        <InfoPopover label={t('common.howComputed')} title={label} testId={`kpi-info-${kpi}`}>
          {formula}
        </InfoPopover>
      </div>
      <div className="kpi-tile__body">
        <div className="kpi-tile__value">{f.kpi(definition.unit, value)}</div>
        <ChangeBadge
          relative={change(value, previousValue)}
          higherIsBetter={definition.higherIsBetter}
          title={t('dashboard.previousPeriod', {
            from: previousRange.from,
            to: previousRange.to,
            value: f.kpi(definition.unit, previousValue),
          })}
        />
      </div>
    </div>
  );
}

function ChangeBadge({
  relative,
  higherIsBetter,
  title,
}: {
  relative: number | null;
  higherIsBetter: boolean;
  title: string;
}) {
  const t = useT();
  const f = useFormat();
  if (relative === null) {
    return (
      <div className="kpi-tile__change is-none" title={title} data-testid="kpi-change">
        {t('dashboard.noComparison')}
      </div>
    );
  }
  const direction = relative > 0 ? 'up' : relative < 0 ? 'down' : 'flat';
  const good = direction === 'flat' ? null : (direction === 'up') === higherIsBetter;
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  const tone = good === null ? 'is-flat' : good ? 'is-good' : 'is-bad';
  return (
    <div className={`kpi-tile__change ${tone}`} title={title} data-testid="kpi-change" data-change={relative}>
      <span aria-hidden="true">{arrow}</span>
      <span className="visually-hidden">{t(direction === 'down' ? 'dashboard.down' : 'dashboard.up')}</span>
      {f.percent(Math.abs(relative))}
    </div>
  );
}

/** One KPI: its value, the change against the previous period, and how it is computed. */
import {
  CALLS_PER_AGENT_DAY,
  change,
  KPI_DEFINITIONS,
  type KpiDefinition,
  type KpiKey,
} from '../../../src-shared/kpi';
import type { DayRange } from '../../../src-shared/periods';
import { useFormat, useT } from '../../i18n/language';
import { HowComputed } from './HowComputed';
import { PaceLine, type TilePace } from '../targets/PaceLine';

/** The KPIs a tile can show: those of the rollup, and calls per agent-day (from the leaderboard). */
export type TileKpi = KpiKey | typeof CALLS_PER_AGENT_DAY.key;

export function tileDefinition(kpi: TileKpi): Omit<KpiDefinition, 'key' | 'formula'> & {
  key: TileKpi;
  formula: KpiDefinition['formula'] | typeof CALLS_PER_AGENT_DAY.formula;
} {
  return kpi === CALLS_PER_AGENT_DAY.key ? CALLS_PER_AGENT_DAY : KPI_DEFINITIONS[kpi];
}

interface KpiTileProps {
  kpi: TileKpi;
  value: number | null;
  previousValue: number | null;
  range: DayRange;
  previousRange: DayRange;
  thresholdSeconds: number;
  stale: boolean;
  /** the month's pacing for this KPI where a target exists (pages/targets) */
  pace?: TilePace | null;
  compact?: boolean;
  /** the value comes from imported orders, not call outcomes: the popover's formula says so */
  orderFormula?: string;
}

export function KpiTile({
  kpi,
  value,
  previousValue,
  range,
  previousRange,
  thresholdSeconds,
  stale,
  pace,
  compact,
  orderFormula,
}: KpiTileProps) {
  const t = useT();
  const f = useFormat();
  const definition = tileDefinition(kpi);
  const label = t(`kpi.${kpi}`);
  const formula = [
    orderFormula ?? t(definition.formula, { threshold: thresholdSeconds }),
    t('dashboard.howComputed.range', {
      from: range.from,
      to: range.to,
      prevFrom: previousRange.from,
      prevTo: previousRange.to,
    }),
  ].join(' ');
  const classes = ['kpi-tile', compact ? 'kpi-tile--compact' : '', value === null ? 'is-empty' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      // While a new answer loads, the old value stays visible (dimmed) but is not "the KPI of the
      // current filter": it drops its test id, so tests that read numbers wait for the fresh tile.
      data-testid={stale ? undefined : `kpi-${kpi}`}
      data-value={value ?? ''}
      data-source={orderFormula ? 'orders' : undefined}
      aria-busy={stale}
    >
      <div className="kpi-tile__head">
        <span className="kpi-tile__label" title={label}>
          {label}
        </span>
        <HowComputed title={label} formula={formula} testId={`kpi-info-${kpi}`} />
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
      {pace ? <PaceLine pace={pace} /> : null}
    </div>
  );
}

export function ChangeBadge({
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

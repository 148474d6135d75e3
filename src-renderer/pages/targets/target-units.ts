/**
 * How a target is typed and shown: per-day talk in minutes (stored in seconds), revenue in currency
 * units (stored in minor units), connect rate in percent (stored 0..1), the rest as they are.
 */
import type { TargetKpi } from '../../../src-shared/targets';
import type { Formatters } from '../../i18n/language';

const INPUT_SCALE: Record<TargetKpi, number> = {
  dialsPerDay: 1,
  connectRate: 0.01,
  effectiveTalkPerDay: 60,
  intents: 1,
  sales: 1,
  revenue: 100,
  auditScore: 1,
};

/** The stored value as the lead types it (empty for no target). */
export function toInput(kpi: TargetKpi, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const v = value / INPUT_SCALE[kpi];
  return String(Number(v.toFixed(kpi === 'connectRate' || kpi === 'auditScore' ? 1 : 0)));
}

/** What the lead typed as a stored value; null = no target, undefined = not a number. */
export function fromInput(kpi: TargetKpi, text: string): number | null | undefined {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return kpi === 'connectRate' ? Number((n * 0.01).toFixed(4)) : Math.round(n * INPUT_SCALE[kpi]);
}

export function formatTarget(kpi: TargetKpi, value: number | null, f: Formatters): string {
  if (value === null) return '—';
  switch (kpi) {
    case 'connectRate':
      return f.percent(value);
    case 'effectiveTalkPerDay':
      // Typed in minutes, so shown in minutes (a day's talk target reads "52 min", not "52m 00s").
      return `${f.count(Math.round(value / 60))} ${f.language === 'zh-CN' ? '分钟' : 'min'}`;
    case 'revenue':
      return f.money(value);
    case 'auditScore':
      return value.toFixed(1);
    default:
      return f.count(Math.round(value));
  }
}

/**
 * A formatter for one table column of a KPI's targets: money in one form down the column (all
 * "¥1,234" or all "¥12.34万", from its largest value), the rest as `formatTarget`.
 */
export function targetColumn(
  kpi: TargetKpi,
  values: readonly (number | null)[],
  f: Formatters,
): (value: number | null) => string {
  if (kpi !== 'revenue') return (value) => formatTarget(kpi, value, f);
  const money = f.column('money', values);
  return (value) => (value === null ? '—' : money(value));
}

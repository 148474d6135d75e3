/**
 * Pacing on the dashboard (`targets.pacing`): the "vs target" line of a KPI tile and the pace
 * column of the leaderboard. Shown only where a target exists for the filter's month and scope.
 */
import type { Output, PaceRow } from '../../../src-shared/api';
import type { TargetKpi } from '../../../src-shared/targets';
import { useFormat, useT, type Formatters } from '../../i18n/language';
import { formatTarget } from './target-units';

export type Pacing = Output<'targets.pacing'> | undefined;

/** Which target a dashboard tile is measured against. */
const TILE_TARGET: Partial<Record<string, TargetKpi>> = {
  dials: 'dialsPerDay',
  connectRate: 'connectRate',
  effectiveTalkSeconds: 'effectiveTalkPerDay',
  intents: 'intents',
  sales: 'sales',
  revenue: 'revenue',
};

/** A tile's pace with the working days it is measured over. */
export interface TilePace {
  row: PaceRow;
  elapsedDays: number;
  workingDays: number;
}

export function paceForTile(pacing: Pacing, tileKpi: string): TilePace | null {
  const kpi = TILE_TARGET[tileKpi];
  if (!pacing?.applies || !kpi) return null;
  const row = pacing.kpis.find((p) => p.kpi === kpi);
  return row ? { row, elapsedDays: pacing.elapsedDays, workingDays: pacing.workingDays } : null;
}

function tone(pace: number | null): string {
  if (pace === null) return 'is-none';
  return pace >= 1 ? 'is-good' : pace >= 0.9 ? 'is-near' : 'is-bad';
}

export function PaceLine({ pace: { row: pace, elapsedDays, workingDays } }: { pace: TilePace }) {
  const t = useT();
  const f = useFormat();
  const show = (v: number | null) => formatTarget(pace.kpi, v, f);
  const title = t('targets.pace.title', {
    kpi: t(`targets.kpi.${pace.kpi}`),
    target: show(pace.target),
    expected: show(pace.expected),
    actual: show(pace.actual),
    pace: f.attainment(pace.pace),
    forecast: show(pace.forecast),
    needed: show(pace.neededPerDay),
    elapsed: elapsedDays,
    days: workingDays,
  });
  // Sales and revenue say whether orders or the sales marked on calls were measured.
  const source = pace.source ? t('orders.sub.source', { source: t(`orders.source.${pace.source}`) }) : null;
  return (
    <div
      className={`kpi-tile__target ${tone(pace.pace)}`}
      title={source ? `${title}\n${source}` : title}
      data-testid="kpi-target"
      data-value={pace.pace ?? ''}
      data-source={pace.source}
    >
      {t('targets.pace.vsTarget', { value: f.attainment(pace.pace) })}
      {source ? <span className="kpi-tile__target-source"> · {source}</span> : null}
    </div>
  );
}

export function PaceCell({ pace, f }: { pace: number | null; f: Formatters }) {
  return (
    <td className={`num pace-cell ${tone(pace)}`} data-col="pace" data-value={pace ?? ''}>
      {f.attainment(pace)}
    </td>
  );
}

/** The row of eight headline KPIs for the filtered range (`metrics.summary`). */
import type { Output } from '../../../src-shared/api';
import type { KpiKey } from '../../../src-shared/kpi';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { KpiTile } from './KpiTile';

/** The eight a team lead reads every morning, in reading order. */
export const TILE_KPIS = [
  'dials',
  'connects',
  'connectRate',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'sales',
  'revenue',
] as const satisfies readonly KpiKey[];

interface KpiTilesProps {
  query: ApiQuery<Output<'metrics.summary'>>;
  thresholdSeconds: number;
}

export function KpiTiles({ query, thresholdSeconds }: KpiTilesProps) {
  const t = useT();
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  const summary = query.data;
  if (!summary) {
    return (
      <div className="kpi-tiles" role="status" aria-label={t('common.loading')}>
        {TILE_KPIS.map((kpi) => (
          <div key={kpi} className="kpi-tile">
            <Skeleton height={12} width="60%" className="kpi-tile__label-skeleton" />
            <Skeleton height={24} width="75%" />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div
      className={query.loading ? 'kpi-tiles is-stale' : 'kpi-tiles'}
      aria-busy={query.loading}
      data-testid="kpi-tiles"
    >
      {TILE_KPIS.map((kpi) => (
        <KpiTile
          key={kpi}
          kpi={kpi}
          value={summary.current[kpi]}
          previousValue={summary.previous[kpi]}
          previousRange={summary.previousRange}
          thresholdSeconds={thresholdSeconds}
          stale={query.loading}
        />
      ))}
    </div>
  );
}

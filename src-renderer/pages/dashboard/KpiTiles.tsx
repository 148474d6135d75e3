/**
 * The KPIs of the filtered range (`metrics.summary`): a primary row of what a team lead reads first
 * every morning, and a compact row of the derived rates under it.
 */
import type { ReactNode } from 'react';
import type { OrderSummary, Output } from '../../../src-shared/api';
import { callsPerAgentDay } from '../../../src-shared/kpi';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import {
  ORDER_BASED_KPIS as ORDER_BASED,
  orderBasedTiles,
  type OrderBasedKpi,
} from '../orders/order-based-tiles';
import { KpiTile, type TileKpi } from './KpiTile';
import { paceForTile, type Pacing } from '../targets/PaceLine';

/** The activity pair (通时通次), the yield and the money, in reading order. */
export const PRIMARY_KPIS = [
  'dials',
  'connects',
  'connectRate',
  'effectiveTalkSeconds',
  'effective',
  'intents',
  'sales',
  'revenue',
] as const satisfies readonly TileKpi[];

export const SECONDARY_KPIS = [
  'callsPerAgentDay',
  'avgTalkSeconds',
  'intentRate',
  'leadConversion',
  'conversionRate',
  'avgOrderValue',
] as const satisfies readonly TileKpi[];

interface KpiTilesProps {
  query: ApiQuery<Output<'metrics.summary'>>;
  thresholdSeconds: number;
  /** tiles of other features shown after the derived rates (e.g. the audit score) */
  extraSecondary?: ReactNode;
  /** month-to-date pacing where targets exist */
  pacing?: Pacing;
  /** `orders.summary` of the same filter: with conversion from orders, four tiles read order figures */
  orders?: { data: OrderSummary | undefined; loading: boolean };
}

export function KpiTiles({ query, thresholdSeconds, extraSecondary, pacing, orders }: KpiTilesProps) {
  const t = useT();
  const f = useFormat();
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  const summary = query.data;
  if (!summary) {
    return (
      <div className="kpi-tiles" role="status" aria-label={t('common.loading')}>
        {PRIMARY_KPIS.map((kpi) => (
          <div key={kpi} className="kpi-tile">
            <Skeleton height={12} width="60%" className="kpi-tile__label-skeleton" />
            <Skeleton height={24} width="75%" />
          </div>
        ))}
      </div>
    );
  }
  const fromOrders = orderBasedTiles(orders?.data, summary);
  const orderBased = (kpi: TileKpi) =>
    fromOrders && kpi in fromOrders ? fromOrders[kpi as OrderBasedKpi] : undefined;
  const valueOf = (kpi: TileKpi, which: 'current' | 'previous') => {
    const o = orderBased(kpi);
    if (o) return which === 'current' ? o.value : o.previousValue;
    return kpi === 'callsPerAgentDay'
      ? callsPerAgentDay(
          summary[which].dials,
          which === 'current' ? summary.agentDays : summary.previousAgentDays,
        )
      : summary[which][kpi];
  };
  const orderFormula = (kpi: TileKpi) => {
    const o = orderBased(kpi);
    return o
      ? t(`orders.main.${kpi as OrderBasedKpi}`, {
          revenue: f.money(o.parts.revenue),
          orders: f.count(o.parts.orders),
          connects: f.count(o.parts.connects),
          intents: f.count(o.parts.intents),
        })
      : undefined;
  };
  // An order-based tile waits for the orders answer rather than flashing the call figure first.
  const ordersPending = orders?.loading === true;
  const tile = (kpi: TileKpi, compact: boolean) => (
    <KpiTile
      key={kpi}
      kpi={kpi}
      value={valueOf(kpi, 'current')}
      previousValue={valueOf(kpi, 'previous')}
      range={summary.range}
      previousRange={summary.previousRange}
      thresholdSeconds={thresholdSeconds}
      stale={query.loading || (ordersPending && (ORDER_BASED as readonly TileKpi[]).includes(kpi))}
      pace={compact ? null : paceForTile(pacing, kpi)}
      compact={compact}
      orderFormula={orderFormula(kpi)}
    />
  );
  return (
    <div className={query.loading ? 'kpi-block is-stale' : 'kpi-block'} aria-busy={query.loading}>
      <div className="kpi-tiles" data-testid="kpi-tiles">
        {PRIMARY_KPIS.map((kpi) => tile(kpi, false))}
      </div>
      <div
        className={
          extraSecondary ? 'kpi-tiles kpi-tiles--secondary has-extra' : 'kpi-tiles kpi-tiles--secondary'
        }
        role="group"
        aria-label={t('dashboard.kpi.secondary')}
        data-testid="kpi-tiles-secondary"
      >
        {SECONDARY_KPIS.map((kpi) => tile(kpi, true))}
        {extraSecondary}
      </div>
    </div>
  );
}

/**
 * The order row of the dashboard (`orders.summary`): order revenue, 回款率, new customers, average
 * order value and conversion, each saying in its popover where it comes from. In a period without
 * orders (in a workspace that has some) it is one line saying that revenue and conversion come
 * from call outcomes instead.
 */
import type { OrderSummary } from '../../../src-shared/api';
import { change } from '../../../src-shared/kpi';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { ChangeBadge } from '../dashboard/KpiTile';
import { HowComputed } from '../dashboard/HowComputed';

type OrderTileKey = 'orderRevenue' | 'collectionRate' | 'newCustomers' | 'orderAov';

/** `query`: the dashboard's one `orders.summary` (its main tiles read it too). */
export function OrderTiles({ query }: { query: ApiQuery<OrderSummary, unknown> }) {
  const t = useT();
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  const summary = query.data;
  // A workspace that never had orders reads its call outcomes as before, without a note.
  if (!summary || !summary.workspaceHasOrders) return null;
  if (!summary.hasOrders) {
    return (
      <p className="orders-fallback" data-testid="orders-fallback">
        {t('orders.fallback')}
      </p>
    );
  }
  return (
    <section
      className={query.loading ? 'order-tiles is-stale' : 'order-tiles'}
      aria-label={t('orders.tiles.label')}
      aria-busy={query.loading}
      data-testid="order-tiles"
    >
      <h2 className="order-tiles__title">{t('orders.tiles.label')}</h2>
      <div className="order-tiles__grid">
        <Tiles summary={summary} stale={query.loading} />
      </div>
    </section>
  );
}

function Tiles({ summary, stale }: { summary: OrderSummary; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  const { current: c, previous: p, settings } = summary;
  const range = t('dashboard.howComputed.range', {
    from: summary.range.from,
    to: summary.range.to,
    prevFrom: summary.previousRange.from,
    prevTo: summary.previousRange.to,
  });
  const tile = (
    key: OrderTileKey,
    value: string,
    current: number | null,
    previous: number | null,
    previousText: string,
    formula: string,
    sub: string,
  ) => (
    <OrderTile
      key={key}
      testId={`order-kpi-${key}`}
      label={t(`orders.kpi.${key}`)}
      value={value}
      raw={current}
      relative={change(current, previous)}
      previousTitle={t('dashboard.previousPeriod', {
        from: summary.previousRange.from,
        to: summary.previousRange.to,
        value: previousText,
      })}
      formula={`${formula} ${range}`}
      sub={sub}
      stale={stale}
    />
  );
  const conversion = summary.conversion;
  const source = t(`orders.source.${conversion.source}`);
  return (
    <>
      {tile(
        'orderRevenue',
        f.money(c.orderRevenue),
        c.orderRevenue,
        p.orderRevenue,
        f.money(p.orderRevenue),
        t('orders.formula.orderRevenue', {
          attributed: c.attributedOrders,
          placed: c.placedOrders,
          days: settings.attributionWindowDays,
        }),
        t('orders.sub.orders', { count: f.count(c.orders) }),
      )}
      {tile(
        'collectionRate',
        f.percent(c.collectionRate),
        c.collectionRate,
        p.collectionRate,
        f.percent(p.collectionRate),
        t('orders.formula.collectionRate', {
          collected: f.money(c.collected),
          revenue: f.money(c.orderRevenue),
        }),
        t('orders.sub.collected', { collected: f.money(c.collected) }),
      )}
      {tile(
        'newCustomers',
        f.count(c.newCustomers),
        c.newCustomers,
        p.newCustomers,
        f.count(p.newCustomers),
        t('orders.formula.newCustomers'),
        t('orders.sub.returning', { revenue: f.money(c.returningRevenue) }),
      )}
      {tile(
        'orderAov',
        f.money(c.orderAov),
        c.orderAov,
        p.orderAov,
        f.money(p.orderAov),
        t('orders.formula.orderAov'),
        c.avgDaysToOrder === null ? '' : t('orders.sub.daysToOrder', { days: c.avgDaysToOrder.toFixed(1) }),
      )}
      <OrderTile
        testId="order-kpi-conversion"
        label={t('orders.kpi.conversionRate')}
        value={f.percent(conversion.conversionRate)}
        raw={conversion.conversionRate}
        relative={null}
        previousTitle=""
        formula={t(`orders.formula.conversion.${conversion.source}`, {
          sales: f.count(conversion.sales),
          connects: f.count(conversion.connects),
          intents: f.count(conversion.intents),
        })}
        sub={`${t('orders.kpi.leadConversion')} ${f.percent(conversion.leadConversion)}`}
        note={t('orders.sub.source', { source })}
        stale={stale}
        source={conversion.source}
      />
    </>
  );
}

interface OrderTileProps {
  testId: string;
  label: string;
  value: string;
  raw: number | null;
  relative: number | null;
  previousTitle: string;
  formula: string;
  sub: string;
  stale: boolean;
  /** a second line under `sub` (the conversion tile's source) */
  note?: string;
  source?: string;
}

function OrderTile({
  testId,
  label,
  value,
  raw,
  relative,
  previousTitle,
  formula,
  sub,
  stale,
  note,
  source,
}: OrderTileProps) {
  return (
    <div
      className={raw === null ? 'kpi-tile order-tile is-empty' : 'kpi-tile order-tile'}
      data-testid={stale ? undefined : testId}
      data-value={raw ?? ''}
      data-source={source}
      aria-busy={stale}
    >
      <div className="kpi-tile__head">
        <span className="kpi-tile__label" title={label}>
          {label}
        </span>
        <HowComputed title={label} formula={formula} testId={`${testId}-info`} />
      </div>
      <div className="kpi-tile__body">
        <div className="kpi-tile__value">{value}</div>
        {previousTitle ? <ChangeBadge relative={relative} higherIsBetter title={previousTitle} /> : null}
      </div>
      {sub ? <div className="order-tile__sub">{sub}</div> : null}
      {note ? <div className="order-tile__sub order-tile__note">{note}</div> : null}
    </div>
  );
}

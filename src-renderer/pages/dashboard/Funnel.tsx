/**
 * Dials → connects → effective → intents → sales as horizontal bars (plain HTML: exact numbers as
 * text, readable by screen readers), with the rate of each step between the bars.
 */
import type { Output } from '../../../src-shared/api';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { funnelSteps } from './funnel-data';
import { HowComputed } from './HowComputed';

export function Funnel({
  query,
  thresholdSeconds,
}: {
  query: ApiQuery<Output<'metrics.summary'>>;
  thresholdSeconds: number;
}) {
  const t = useT();
  const title = t('dashboard.funnel.title');
  return (
    <Panel
      title={title}
      actions={
        <HowComputed
          title={title}
          formula={t('dashboard.funnel.formula', { threshold: thresholdSeconds })}
          testId="funnel-info"
        />
      }
      className="funnel-panel"
      testId="funnel-panel"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={5} lineHeight={28} />}>
        {(summary) => <FunnelBars summary={summary} stale={query.loading} />}
      </QueryView>
    </Panel>
  );
}

function FunnelBars({ summary, stale }: { summary: Output<'metrics.summary'>; stale: boolean }) {
  const t = useT();
  const f = useFormat();
  const { steps, overall } = funnelSteps(summary.current);
  return (
    <div className="funnel" data-testid={stale ? undefined : 'funnel'}>
      <ol className="funnel__steps" aria-label={t('dashboard.funnel.aria')}>
        {steps.map((step, i) => (
          <li
            key={step.key}
            className={`funnel__step funnel__step--${i}`}
            data-testid={stale ? undefined : `funnel-${step.key}`}
            data-value={step.value}
          >
            {step.stepRate ? (
              <div
                className="funnel__rate"
                data-testid={`funnel-rate-${step.key}`}
                data-value={step.stepRate.value ?? ''}
              >
                <span aria-hidden="true">↓</span> {f.percent(step.stepRate.value)}{' '}
                <span className="funnel__rate-name">{t(step.stepRate.label)}</span>
              </div>
            ) : null}
            <div className="funnel__row">
              <span className="funnel__label">{t(`kpi.${step.key}`)}</span>
              <span className="funnel__track">
                <span
                  className="funnel__bar"
                  // A bar never vanishes: sales are often under 1 % of dials.
                  style={{ width: `${Math.max(0.6, (step.shareOfDials ?? 0) * 100)}%` }}
                />
              </span>
              <span className="funnel__value">{f.count(step.value)}</span>
              <span className="funnel__share">
                {i === 0 ? '' : t('dashboard.funnel.ofDials', { rate: f.percent(step.shareOfDials) })}
              </span>
            </div>
          </li>
        ))}
      </ol>
      <p className="funnel__overall" data-testid="funnel-overall" data-value={overall ?? ''}>
        {t('dashboard.funnel.overall', { rate: f.percent(overall, 2) })}
      </p>
    </div>
  );
}

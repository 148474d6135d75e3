/**
 * The confirmation of a time-zone change: what moves ("1,234 calls will move to another day"), or
 * why it cannot happen (a closed month); then the job's progress while the calls move.
 */
import type { Job, ZoneChangePlan } from '../../../src-shared/api';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormat, useT } from '../../i18n/language';

interface ZoneConfirmProps {
  /** null while the change runs */
  plan: ZoneChangePlan | null;
  job: Job | null;
  onConfirm(): void;
  onCancel(): void;
}

export function ZoneConfirm({ plan, job, onConfirm, onCancel }: ZoneConfirmProps) {
  const t = useT();
  const f = useFormat();
  if (!plan)
    return (
      <div className="zone-confirm" data-testid="zone-progress">
        <ProgressBar done={job?.done ?? 0} total={job?.total ?? null} label={t('zone.changing')} />
        <span className="muted">{t('zone.changing')}</span>
      </div>
    );
  const refused = plan.blockedMonths.length > 0;
  return (
    <div
      className="zone-confirm"
      role="alertdialog"
      aria-label={t('zone.confirmTitle', { zone: plan.to })}
      data-testid="zone-confirm"
    >
      <strong>{t('zone.confirmTitle', { zone: plan.to })}</strong>
      {refused ? (
        <p className="is-bad" data-testid="zone-refused">
          {t('zone.refused', { months: plan.blockedMonths.join(', ') })}
        </p>
      ) : (
        <p data-testid="zone-moves" data-calls={plan.callsMovingDay}>
          {plan.callsMovingDay > 0
            ? t('zone.confirmMoves', { count: f.count(plan.callsMovingDay), zone: plan.to })
            : t('zone.confirmNoMoves', { zone: plan.to })}
          {plan.orderEntriesMovingDay > 0
            ? ` ${t('zone.confirmOrders', { count: f.count(plan.orderEntriesMovingDay) })}`
            : ''}
          {plan.acksDropped > 0 ? ` ${t('zone.confirmAcks', { count: f.count(plan.acksDropped) })}` : ''}
        </p>
      )}
      <div className="zone-confirm__actions">
        {refused ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={onConfirm}
            data-testid="zone-confirm-ok"
          >
            {t('zone.confirm')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} data-testid="zone-confirm-cancel">
          {t('zone.cancel')}
        </button>
      </div>
    </div>
  );
}

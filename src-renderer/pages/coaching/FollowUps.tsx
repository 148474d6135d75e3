/**
 * The follow-ups list: what is due, overdue first, then today and this week; later and undated
 * items behind a toggle. Follow-ups and actions are ticked off here; a plan's end opens the plan.
 */
import { useState } from 'react';
import type { DueItem } from '../../../src-shared/api';
import { daysBetween } from '../../../src-shared/time';
import { DUE_BUCKETS, type DueBucket } from '../../../src-shared/coaching';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { toApiCallError, type ApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { agentHref } from '../../hooks/useHashRoute';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { coachingHref } from './coaching-route';
import { rowAgentLabel, NOTE_KIND_LABEL } from './labels';

const BUCKET_LABEL: Record<DueBucket, MessageKey> = {
  overdue: 'coaching.due.overdue',
  today: 'coaching.due.today',
  thisWeek: 'coaching.due.thisWeek',
  later: 'coaching.due.later',
  undated: 'coaching.due.undated',
};

/** Shown without asking: what needs doing this week. */
const NEAR: readonly DueBucket[] = ['overdue', 'today', 'thisWeek'];

export function FollowUps({ agentId }: { agentId: number | null }) {
  const t = useT();
  const query = useApiQuery('coaching.due', agentId ? { agentId } : {});
  const [showAll, setShowAll] = useState(false);
  return (
    <Panel
      title={t('coaching.due.title')}
      subtitle={query.data ? t('coaching.due.subtitle', { day: query.data.today }) : undefined}
      className="coaching-due"
      testId="coaching-due"
    >
      <QueryView query={query} skeleton={<SkeletonBlock lines={4} />}>
        {({ items, today }) => {
          if (items.length === 0) return <p className="muted">{t('coaching.due.empty')}</p>;
          const far = items.filter((i) => !NEAR.includes(i.bucket)).length;
          const shown =
            showAll || far === items.length ? items : items.filter((i) => NEAR.includes(i.bucket));
          return (
            <>
              {DUE_BUCKETS.map((bucket) => {
                const rows = shown.filter((i) => i.bucket === bucket);
                if (rows.length === 0) return null;
                return (
                  <section
                    key={bucket}
                    className={`due-group due-group--${bucket}`}
                    data-testid={`due-${bucket}`}
                  >
                    <h3 className="due-group__title">
                      {t(BUCKET_LABEL[bucket])} <span className="due-group__count">{rows.length}</span>
                    </h3>
                    <ul className="due-list">
                      {rows.map((item) => (
                        <DueRow key={item.key} item={item} today={today} />
                      ))}
                    </ul>
                  </section>
                );
              })}
              {far > 0 && far < items.length ? (
                <button
                  type="button"
                  className="link-button due-toggle"
                  onClick={() => setShowAll((v) => !v)}
                  data-testid="due-toggle"
                >
                  {showAll ? t('coaching.due.showLess') : t('coaching.due.showMore', { count: far })}
                </button>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}

function DueRow({ item, today }: { item: DueItem; today: string }) {
  const t = useT();
  const f = useFormat();
  const refresh = useWorkspace((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const mayMark = useMayCall()('coaching.markDone');

  const markDone = async () => {
    setBusy(true);
    setError(null);
    try {
      if (item.kind === 'followUp' && item.noteId)
        await call('coaching.markDone', { kind: 'followUp', noteId: item.noteId, done: true });
      else if (item.kind === 'action' && item.actionId)
        await call('coaching.markDone', { kind: 'action', actionId: item.actionId, done: true });
      await refresh();
    } catch (err) {
      setError(toApiCallError(err));
      setBusy(false);
    }
  };

  let what: string;
  if (item.kind === 'planEnd') what = t('coaching.due.planEnd');
  else if (item.kind === 'followUp')
    what = t('coaching.due.followUp', {
      kind: item.noteKind ? t(NOTE_KIND_LABEL[item.noteKind]) : '',
      day: item.noteDay ? f.shortDay(item.noteDay) : '',
    });
  else what = item.text ?? '';
  const late = item.due && item.bucket === 'overdue' ? daysBetween(item.due, today) : 0;

  return (
    <li className="due-row" data-testid="due-item" data-key={item.key} data-kind={item.kind}>
      {item.kind === 'planEnd' ? (
        <a className="button button--small" href={coachingHref({ plan: item.planId! })}>
          {t('coaching.due.openPlan')}
        </a>
      ) : !mayMark ? null : (
        <button
          type="button"
          className="button button--small due-row__done"
          disabled={busy}
          onClick={() => void markDone()}
          data-testid="due-done"
          title={t('coaching.due.markDone')}
        >
          ✓ {t('coaching.due.done')}
        </button>
      )}
      <span className="due-row__date">
        {item.due ? f.shortDay(item.due) : '—'}
        {late > 0 ? <span className="due-row__late">{t('coaching.due.daysLate', { n: late })}</span> : null}
      </span>
      <a className="due-row__agent" href={agentHref(item.agentId)}>
        {rowAgentLabel(item)}
      </a>
      <span className={`due-row__what due-row__what--${item.kind}`}>{what}</span>
      {item.noteId ? (
        <a className="due-row__open" href={coachingHref({ note: item.noteId })}>
          {t('coaching.due.openNote')}
        </a>
      ) : (
        <span />
      )}
      {error ? <ErrorMessage error={error} compact /> : null}
    </li>
  );
}

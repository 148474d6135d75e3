/**
 * The agent's response on a submitted audit (确认 / 申诉) and the reviewer's answer. The server
 * decides who may do what (the agent answers their own audit, a reviewer answers the dispute); a
 * local workspace has one user, the team lead, who records both sides. Revising a score hands the
 * scorecard back to the form (`onRevising`): the answers sent are the form's.
 */
import { useState, type FormEvent } from 'react';
import type { AuditDetail, AuditResponse, DisputeOutcome } from '../../../src-shared/api';
import { DISPUTE_TEXT_MAX } from '../../../src-shared/api';
import { allItems, type AnswerValue, type Answers } from '../../../src-shared/scorecard';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';

const STATE_BADGE: Record<AuditResponse['state'], string> = {
  pending: 'badge',
  acknowledged: 'badge badge--done',
  disputed: 'badge badge--warning',
  answered: 'badge badge--running',
};

export function ResponseBadge({ state }: { state: AuditResponse['state'] }) {
  const t = useT();
  return (
    <span className={STATE_BADGE[state]} data-testid="audit-response-state" data-state={state}>
      {t(`disputes.state.${state}`)}
    </span>
  );
}

interface Props {
  detail: AuditDetail;
  response: AuditResponse;
  /** the form's answers: a revision sends these */
  answers: Answers;
  revising: boolean;
  onRevising(revising: boolean): void;
  onChanged(detail: AuditDetail): void;
}

export function AuditResponsePanel({ detail, response, answers, revising, onRevising, onChanged }: Props) {
  const t = useT();
  // Each side's buttons show to the roles that may answer (a QA supervisor does not acknowledge).
  const may = useMayCall();
  return (
    <section className="audit-response" data-testid="audit-response">
      <header className="audit-response__header">
        <h2 className="panel__title">{t('disputes.title')}</h2>
        <ResponseBadge state={response.state} />
      </header>
      {response.state === 'pending' ? (
        may('audits.acknowledge') ? (
          <AgentAnswer detail={detail} onChanged={onChanged} />
        ) : null
      ) : (
        <ResponseHistory detail={detail} response={response} />
      )}
      {response.state === 'disputed' && may('audits.answerDispute') ? (
        <ReviewerAnswer
          detail={detail}
          answers={answers}
          revising={revising}
          onRevising={onRevising}
          onChanged={onChanged}
        />
      ) : null}
    </section>
  );
}

/** Who and when, as one muted line ('' by: a local workspace). */
function Done({
  label,
  at,
  by,
}: {
  label: 'acknowledgedAt' | 'disputedAt' | 'answeredAt';
  at: number;
  by: string;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <span className="muted">
      {t(`disputes.${label}`, { time: f.dateTime(at) })}
      {by ? ` ${t('disputes.by', { name: by })}` : ''}
    </span>
  );
}

function percentOrDash(f: ReturnType<typeof useFormat>, score: number | null): string {
  return score === null ? '—' : f.percent(score / 100);
}

function itemLabels(detail: AuditDetail, keys: readonly string[]): string {
  const items = allItems(detail.scorecard.definition);
  return keys.map((k) => items.find((i) => i.key === k)?.label ?? k).join('、');
}

function ResponseHistory({ detail, response }: { detail: AuditDetail; response: AuditResponse }) {
  const t = useT();
  const f = useFormat();
  const { acknowledged, dispute, answer } = response;
  return (
    <div className="audit-response__history">
      {acknowledged ? <Done label="acknowledgedAt" at={acknowledged.at} by={acknowledged.by} /> : null}
      {dispute ? (
        <div className="audit-response__entry">
          <Done label="disputedAt" at={dispute.at} by={dispute.by} />
          <p className="audit-response__text" data-testid="audit-dispute-reason">
            {dispute.reason}
          </p>
          <span className="muted">
            {dispute.itemKeys.length > 0
              ? t('disputes.itemsNamed', { items: itemLabels(detail, dispute.itemKeys) })
              : t('disputes.wholeAudit')}
          </span>
        </div>
      ) : null}
      {answer ? (
        <div
          className="audit-response__entry"
          data-testid="audit-dispute-answer"
          data-outcome={answer.outcome}
        >
          <Done label="answeredAt" at={answer.at} by={answer.by} />
          <strong>
            {answer.outcome === 'upheld'
              ? t('disputes.result.upheld')
              : t('disputes.result.revised', {
                  from: percentOrDash(f, answer.original?.score ?? null),
                  to: percentOrDash(f, detail.score),
                })}
          </strong>
          <p className="audit-response__text">{answer.text}</p>
          <span className="muted">{t('disputes.final')}</span>
        </div>
      ) : null}
    </div>
  );
}

/** The agent's side: acknowledge, or dispute with a reason and the items it is about. */
function AgentAnswer({ detail, onChanged }: { detail: AuditDetail; onChanged(d: AuditDetail): void }) {
  const t = useT();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const items = allItems(detail.scorecard.definition);

  const run = async (request: () => Promise<AuditDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await request());
    } catch (err) {
      setError(toApiCallError(err));
      setBusy(false);
    }
  };
  const sendDispute = (e: FormEvent) => {
    e.preventDefault();
    void run(() => call('audits.dispute', { auditId: detail.id, reason, itemIds }));
  };

  return (
    <div className="audit-response__body">
      <p className="muted">{t('disputes.pendingHint')}</p>
      {disputing ? (
        <form className="audit-response__form" onSubmit={sendDispute}>
          <Field label={t('disputes.reason')}>
            <textarea
              className="input"
              rows={3}
              maxLength={DISPUTE_TEXT_MAX}
              value={reason}
              placeholder={t('disputes.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="audit-dispute-reason-input"
              autoFocus
            />
          </Field>
          <fieldset className="audit-response__items">
            <legend className="field__label">{t('disputes.items')}</legend>
            {items.map((item) => (
              <label key={item.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={itemIds.includes(item.key)}
                  onChange={(e) =>
                    setItemIds((ids) =>
                      e.target.checked ? [...ids, item.key] : ids.filter((id) => id !== item.key),
                    )
                  }
                />{' '}
                {item.label}
              </label>
            ))}
          </fieldset>
          <div className="audit-response__actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={busy || !reason.trim()}
              data-testid="audit-dispute-send"
            >
              {busy ? t('disputes.sending') : t('disputes.send')}
            </button>
            <button type="button" className="button button--small" onClick={() => setDisputing(false)}>
              {t('disputes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="audit-response__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void run(() => call('audits.acknowledge', { auditId: detail.id }))}
            data-testid="audit-acknowledge"
          >
            {t('disputes.acknowledge')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setDisputing(true)}
            data-testid="audit-dispute"
          >
            {t('disputes.dispute')}
          </button>
        </div>
      )}
      {error ? <ErrorMessage error={error} compact /> : null}
    </div>
  );
}

/** The reviewer's side: the answer, upheld or revised (the form's answers re-score the audit). */
function ReviewerAnswer({
  detail,
  answers,
  revising,
  onRevising,
  onChanged,
}: {
  detail: AuditDetail;
  answers: Answers;
  revising: boolean;
  onRevising(revising: boolean): void;
  onChanged(d: AuditDetail): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const outcome: DisputeOutcome = revising ? 'revised' : 'upheld';

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await call('audits.answerDispute', {
          auditId: detail.id,
          answer: text,
          outcome,
          ...(revising ? { answers: answers as Record<string, AnswerValue> } : {}),
        }),
      );
    } catch (err) {
      setError(toApiCallError(err));
      setBusy(false);
    }
  };

  return (
    <form className="audit-response__form" onSubmit={(e) => void send(e)}>
      <Segmented
        options={['upheld', 'revised'] as const}
        value={outcome}
        onChange={(v) => onRevising(v === 'revised')}
        labelOf={(v) => t(`disputes.outcome.${v}`)}
        label={t('disputes.outcome')}
        kind="radio"
        testIdOf={(v) => `audit-outcome-${v}`}
      />
      {revising ? <p className="audit-response__hint">{t('disputes.revisingHint')}</p> : null}
      <Field label={t('disputes.answer')}>
        <textarea
          className="input"
          rows={3}
          maxLength={DISPUTE_TEXT_MAX}
          value={text}
          placeholder={t('disputes.answerPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="audit-answer-input"
        />
      </Field>
      <div className="audit-response__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || !text.trim()}
          data-testid="audit-answer-send"
        >
          {busy ? t('disputes.sending') : t('disputes.sendAnswer')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} compact /> : null}
    </form>
  );
}

/**
 * The audits a note links: the agent's submitted audits of the weeks before the note (date, score,
 * scorecard) as checkboxes, plus those the note links already whatever their date. Each opens the audit.
 */
import type { AuditRow, Note } from '../../../src-shared/api';
import { addDays, isDay } from '../../../src-shared/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiQuery } from '../../hooks/useApiQuery';
import { auditHref } from '../../hooks/useHashRoute';
import { useFormat, useT } from '../../i18n/language';
import { PassBadge } from '../audits/PassBadge';

/** How far back the picker offers audits: a quarter covers the period a 1:1 or review talks about. */
export const AUDIT_LOOKBACK_DAYS = 90;

type Choice = Pick<AuditRow, 'id' | 'day' | 'score' | 'failed' | 'scorecardName'> & {
  submitted: boolean;
  /** the reviewer's overall comment: what the talk can start from */
  comment?: string;
};

export function AuditPicker({
  agentId,
  day,
  linked,
  value,
  onChange,
  invalid,
}: {
  agentId: number | null;
  day: string;
  /** the audits the saved note links (shown even when outside the look-back) */
  linked: Note['audits'];
  value: number[];
  onChange: (ids: number[]) => void;
  invalid: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const ready = agentId !== null && isDay(day);
  const list = useApiQuery(
    'audits.list',
    ready ? { filter: { from: addDays(day, -AUDIT_LOOKBACK_DAYS), to: day, agentId }, limit: 100 } : null,
  );
  const offered: Choice[] = (list.data?.rows ?? []).map((r) => ({ ...r, submitted: true }));
  // Linked audits of this agent outside the window stay visible, so unticking one is a choice.
  const extra = linked.filter((l) => !offered.some((o) => o.id === l.id) && ready);
  const choices: Choice[] = [...offered, ...extra].sort((a, b) =>
    a.day < b.day ? 1 : a.day > b.day ? -1 : b.id - a.id,
  );
  const toggle = (id: number, on: boolean) =>
    onChange(on ? [...value, id].sort((a, b) => a - b) : value.filter((v) => v !== id));

  return (
    <fieldset className="audit-picker" data-invalid={invalid ? 'true' : undefined} data-testid="note-audits">
      <legend className="field__label">{t('coaching.note.audits')}</legend>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} compact /> : null}
      {!ready ? (
        <p className="field__hint">{t('coaching.note.auditsChooseAgent')}</p>
      ) : choices.length === 0 && !list.loading ? (
        <p className="field__hint">{t('coaching.note.auditsNone', { days: AUDIT_LOOKBACK_DAYS })}</p>
      ) : (
        <ul className="audit-picker__list">
          {choices.map((c) => (
            <li
              key={c.id}
              className="audit-picker__item"
              data-testid="note-audit"
              data-audit-id={c.id}
              data-score={c.score ?? ''}
            >
              <label className="audit-picker__choice">
                <input
                  type="checkbox"
                  checked={value.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                <span className="audit-picker__day">{f.shortDay(c.day)}</span>
                <span className={c.failed ? 'audit-picker__score is-bad' : 'audit-picker__score'}>
                  {c.score === null ? '—' : f.percent(c.score / 100)}
                </span>
                <span className="audit-picker__card">{c.scorecardName}</span>
                {c.submitted ? <PassBadge score={c.score} failed={c.failed} /> : null}
                {!c.submitted ? <span className="muted">{t('coaching.note.auditDraft')}</span> : null}
                {c.comment ? (
                  <span className="audit-picker__comment" data-testid="note-audit-comment">
                    “{c.comment}”
                  </span>
                ) : null}
              </label>
              <a className="audit-picker__open" href={auditHref(c.id)} data-testid="note-audit-open">
                {t('coaching.note.openAudit')}
              </a>
            </li>
          ))}
        </ul>
      )}
      {ready ? (
        <span className="field__hint">{t('coaching.note.auditsHint', { days: AUDIT_LOOKBACK_DAYS })}</span>
      ) : null}
    </fieldset>
  );
}

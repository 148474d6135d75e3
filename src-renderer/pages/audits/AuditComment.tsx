/** The reviewer's overall comment on an audit: written while scoring, read by the agent and the lead. */
import { useT } from '../../i18n/language';

export function AuditComment({
  comment,
  readOnly,
  onChange,
}: {
  comment: string;
  readOnly: boolean;
  onChange(text: string): void;
}) {
  const t = useT();
  return (
    <section className="panel audit-panel audit-comment" data-testid="audit-comment">
      <h2 className="panel__title">{t('audits.comment.overall')}</h2>
      {readOnly ? (
        <p
          className={comment ? 'audit-comment__text' : 'audit-comment__text muted'}
          data-testid="audit-comment-text"
        >
          {comment || t('audits.comment.none')}
        </p>
      ) : (
        <textarea
          className="input"
          rows={3}
          maxLength={4000}
          value={comment}
          placeholder={t('audits.comment.overallHint')}
          aria-label={t('audits.comment.overall')}
          onChange={(e) => onChange(e.target.value)}
          data-testid="audit-comment-input"
        />
      )}
    </section>
  );
}

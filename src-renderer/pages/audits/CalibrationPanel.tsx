/**
 * A calibration's report beside the reviewer's own scoring: blind until they submit, then every
 * reviewer's answer per item, the agreement, the spread of totals and kappa.
 */
import type { CalibrationReport } from '../../../src-shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useApiQuery } from '../../hooks/useApiQuery';
import { auditHref } from '../../hooks/useHashRoute';
import { useFormat, useT } from '../../i18n/language';

export function CalibrationPanel({ calibrationId, reviewer }: { calibrationId: number; reviewer: string }) {
  const t = useT();
  const query = useApiQuery('calibrations.report', { calibrationId, reviewer });
  return (
    <Panel title={t('audits.calibration.title')} className="calibration" testId="calibration">
      {query.error ? <ErrorMessage error={query.error} onRetry={query.reload} compact /> : null}
      {query.data ? <Report report={query.data} /> : null}
    </Panel>
  );
}

function Report({ report }: { report: CalibrationReport }) {
  const t = useT();
  const f = useFormat();
  const pct = (v: number | null) => (v === null ? '—' : f.percent(v / 100));
  if (!report.visible) {
    return (
      <p className="muted" data-testid="calibration-blind">
        {t('audits.calibration.blind')}
      </p>
    );
  }
  const reviewers = report.reviewers.filter((r) => r.status === 'submitted');
  const reference = report.reference;
  const answerText = (value: string | undefined) =>
    value === 'yes' || value === 'no' || value === 'na' ? t(`audits.answer.${value}`) : (value ?? '—');
  return (
    <div data-testid="calibration-report" data-kappa={report.kappa ?? ''}>
      <p>
        {report.kappa !== null && report.kappaKind
          ? t('audits.calibration.kappa', {
              kind: report.kappaKind === 'cohen' ? 'Cohen' : 'Fleiss',
              value: report.kappa.toFixed(2),
            })
          : null}
        {report.totals.spread !== null ? (
          <span className="muted">
            {' · '}
            {t('audits.calibration.spread', {
              min: pct(report.totals.min),
              max: pct(report.totals.max),
              spread: pct(report.totals.spread),
            })}
          </span>
        ) : null}
      </p>
      <div className="table-scroll">
        <table className="data-table calibration__table">
          <thead>
            <tr>
              <th>{t('audits.calibration.item')}</th>
              {reference ? (
                <th className="calibration__reference" data-testid="calibration-reference">
                  <a href={auditHref(reference.auditId)}>{t('audits.calibration.reference')}</a>
                  <br />
                  {reference.reviewer} <span className="muted">{pct(reference.score)}</span>
                </th>
              ) : null}
              {reviewers.map((r) => (
                <th key={r.reviewer}>
                  {r.reviewer} <span className="muted">{pct(r.score)}</span>
                </th>
              ))}
              <th className="num">{t('audits.calibration.agreement')}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((item) => (
              <tr
                key={item.key}
                className={item.agreement !== null && item.agreement < 1 ? 'is-disputed' : ''}
              >
                <td>{item.label}</td>
                {reference ? (
                  <td className="calibration__reference" data-testid="calibration-reference-answer">
                    {answerText(reference.answers[item.key])}
                  </td>
                ) : null}
                {reviewers.map((r) => {
                  const value = item.answers[r.reviewer];
                  // A blind answer that differs from the reference is what the calibration discusses.
                  const differs = reference && value !== undefined && value !== reference.answers[item.key];
                  return (
                    <td key={r.reviewer} className={differs ? 'is-off-reference' : undefined}>
                      {answerText(value)}
                    </td>
                  );
                })}
                <td className="num">{item.agreement === null ? '—' : f.percent(item.agreement, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!reference ? <p className="muted">{t('audits.calibration.referenceNone')}</p> : null}
    </div>
  );
}

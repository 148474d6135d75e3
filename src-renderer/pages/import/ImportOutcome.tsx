/** How the import ended: the result card (with rejected lines), or cancelled, or failed. */
import type { ReactNode } from 'react';
import type { ImportResult, Job } from '../../../src-shared/api';
import type { ApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { messageIn } from '../../../src-shared/i18n/message-code';
import { fileErrorText } from './reason-text';
import { NotDials } from './EndpointMapping';
import { RejectsTable } from './RejectsTable';
import { usePresetName } from './usePresetName';

interface ImportOutcomeProps {
  job: Job | null;
  error: ApiCallError | null;
  onAnother(): void;
}

export function ImportOutcome({ job, error, onAnother }: ImportOutcomeProps) {
  const t = useT();
  const language = useLanguage();
  const another = (
    <button type="button" className="button" onClick={onAnother} data-testid="import-another">
      {t('import.another')}
    </button>
  );
  if (error) {
    return (
      <div className="outcome outcome--failed" data-testid="import-failed">
        <ErrorMessage error={error} />
        {another}
      </div>
    );
  }
  if (job?.status === 'done' && job.result) return <ImportResultCard result={job.result} another={another} />;
  if (job?.status === 'failed') {
    return (
      <div className="outcome outcome--failed" data-testid="import-failed" role="alert">
        <strong>{t('import.failed')}</strong>
        <p data-testid="import-failed-message">
          {job.error === null
            ? null
            : job.errorCode
              ? messageIn(t, language, job.error, job.errorCode)
              : fileErrorText(t, job.error, language)}
        </p>
        <p className="muted">{t('import.nothingStored')}</p>
        {another}
      </div>
    );
  }
  return (
    <div className="outcome" data-testid="import-cancelled">
      <strong>{t('import.cancelled')}</strong>
      <p className="muted">{t('import.nothingStored')}</p>
      {another}
    </div>
  );
}

function ImportResultCard({ result, another }: { result: ImportResult; another: ReactNode }) {
  const t = useT();
  const f = useFormat();
  const presetName = usePresetName();
  // The job's result has no warnings count; the batch row has (read with the history).
  const batches = useApiQuery('import.batches', {});
  const warnings = batches.data?.find((b) => b.id === result.batchId)?.warnings ?? 0;
  const stats = [
    { key: 'rows', label: t('import.result.rows'), value: result.rows, tone: '' },
    { key: 'inserted', label: t('import.result.inserted'), value: result.inserted, tone: 'is-good' },
    { key: 'duplicates', label: t('import.result.duplicates'), value: result.duplicates, tone: '' },
    {
      key: 'rejected',
      label: t('import.result.rejected'),
      value: result.rejected,
      tone: result.rejected > 0 ? 'is-bad' : '',
    },
    {
      key: 'warnings',
      label: t('import.result.warnings'),
      value: warnings,
      tone: warnings > 0 ? 'is-warn' : '',
    },
  ];
  return (
    <div
      className="outcome outcome--done"
      data-testid="import-result"
      data-inserted={result.inserted}
      data-duplicates={result.duplicates}
      data-rejected={result.rejected}
      data-warnings={warnings}
    >
      <div className="outcome__head">
        <span className="outcome__check" aria-hidden="true">
          ✓
        </span>
        <div>
          <strong>{t('import.result.title')}</strong>
          <div className="muted">
            {result.file} · {t('import.result.preset', { preset: presetName(result.preset) })}
          </div>
        </div>
        <div className="outcome__actions">{another}</div>
      </div>
      <dl className="stat-row">
        {stats.map((s) => (
          <div key={s.key} className={`stat ${s.tone}`} data-testid={`import-result-${s.key}`}>
            <dt>{s.label}</dt>
            <dd>{f.count(s.value)}</dd>
          </div>
        ))}
      </dl>
      <NotDials counts={result.notDials} testId="import-result-not-dials" />
      {result.duplicates > 0 ? <p className="muted">{t('import.result.duplicatesHint')}</p> : null}
      {warnings > 0 ? <p className="muted">{t('import.result.warningsHint')}</p> : null}
      {result.rejected + warnings > 0 ? <RejectsTable batchId={result.batchId} /> : null}
    </div>
  );
}

/** Upload and import progress: bar, rows done, rows per second, and Cancel. */
import type { Job } from '../../../src-shared/api';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormat, useT } from '../../i18n/language';
import type { ImportPhase } from '../../stores/import';

interface ImportProgressProps {
  phase: ImportPhase;
  uploaded: { sent: number; total: number };
  job: Job | null;
  jobSeenAt: number;
  onCancel(): void;
}

export function ImportProgress({ phase, uploaded, job, jobSeenAt, onCancel }: ImportProgressProps) {
  const t = useT();
  const f = useFormat();
  const uploading = phase === 'uploading' || !job;
  const seconds = job ? Math.max(0.001, ((job.finishedAt ?? jobSeenAt) - job.startedAt) / 1000) : 0;
  const rowsPerSecond = job && job.rows > 0 ? Math.round(job.rows / seconds) : null;
  // `done`/`total` are the job's own units (bytes of the file): good for the bar and a percentage.
  const percent = job?.total ? Math.min(100, Math.floor((100 * job.done) / job.total)) : null;

  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress__head">
        <strong>{uploading ? t('import.progress.uploading') : t('import.progress.importing')}</strong>
        <button type="button" className="button button--small" onClick={onCancel} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      </div>
      {uploading ? (
        <ProgressBar
          done={uploaded.sent}
          total={uploaded.total || null}
          label={t('import.progress.uploading')}
        />
      ) : (
        <ProgressBar done={job.done} total={job.total} label={t('import.progress.importing')} />
      )}
      <div className="import-progress__stats muted">
        {uploading ? (
          <span>
            {t('import.progress.bytes', { sent: f.bytes(uploaded.sent), total: f.bytes(uploaded.total) })}
          </span>
        ) : (
          <>
            <span data-testid="import-rows-done" data-rows={job.rows}>
              {t('import.progress.rows', { done: f.count(job.rows) })}
            </span>
            {percent !== null ? <span>{t('import.progress.percent', { percent })}</span> : null}
            {rowsPerSecond !== null ? (
              <span>{t('import.progress.rate', { rate: f.count(rowsPerSecond) })}</span>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
